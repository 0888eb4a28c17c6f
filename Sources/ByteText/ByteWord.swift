/// Tests on eight bytes read as one `UInt64`, for the byte loops that skip ASCII prose a word at a
/// time (JSON strings, search text, word counts). Each test is exact for the word as a whole.
public enum ByteWord {
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset`, in memory order.
    @inline(__always)
    public static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    @inline(__always)
    public static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// Whether any byte of `word` is `byte`.
    @inline(__always)
    public static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool { hasByte(below: 1, word ^ (ones &* UInt64(byte))) }

    /// Whether any byte of `word` is below `limit`, for `limit` up to 0x80: a borrow only crosses
    /// into the next byte from a byte that is itself below the limit.
    @inline(__always)
    public static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- (ones &* UInt64(limit))) & ~word & highBits != 0
    }

    /// The index of the first byte from `start` on that is not ASCII, looking eight bytes at a time.
    public static func firstNonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 8 <= bytes.count && isASCII(load(base, at: index)) {
            index += 8
        }
        return bytes[index...].firstIndex { $0 >= 0x80 }
    }
}
