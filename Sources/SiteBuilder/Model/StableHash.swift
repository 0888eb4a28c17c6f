/// FNV-1a, 64 bits: stable across runs and machines (unlike `Hasher`), for content-hashed asset
/// names and caches. Not for security.
public enum StableHash {
    public static func of(_ text: String) -> UInt64 { of(bytes: text.utf8) }

    public static func of<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func hex(_ value: UInt64, digits: Int = 16) -> String {
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.prefix(digits))
    }
}
