/// Tests on eight bytes read as one `UInt64`, for the byte loops that skip ASCII prose a word at a
/// time (JSON strings, search text). Each test is exact for the word as a whole.
enum ByteWord {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `offset`, in memory order.
    static func load(_ base: UnsafePointer<UInt8>, at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    static func isASCII(_ word: UInt64) -> Bool { word & highBits == 0 }

    /// Whether any byte of `word` is `byte`.
    static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool { hasByte(below: 1, word ^ (ones &* UInt64(byte))) }

    /// Whether any byte of `word` is below `limit`, for `limit` up to 0x80: a borrow only crosses
    /// into the next byte from a byte that is itself below the limit.
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- (ones &* UInt64(limit))) & ~word & highBits != 0
    }
}
