/// FNV-1a, 64 bits: stable across runs and machines (unlike `Hasher`), for content-hashed asset
/// names and caches. Not for security.
enum StableHash {
    static func of(_ text: String) -> UInt64 { of(bytes: text.utf8) }

    static func of<Bytes: Sequence>(bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A stable hash of `text` for cache keys, eight bytes at a time: byte-wise FNV over every
    /// page's source was a measurable part of loading a large site. Not FNV: never use it where a
    /// published name depends on the value (asset names use `of`).
    static func keyOf(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { keyOf(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func keyOf(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(hash ^ tail ^ 0xFF)
    }

    /// Combines hashes in order (for keys made of other keys).
    static func combine(_ parts: [UInt64]) -> UInt64 {
        var hash: UInt64 = 0x6A09_E667_F3BC_C908 ^ UInt64(parts.count)
        for part in parts { hash = mix(hash ^ part) }
        return hash
    }

    /// The splitmix64 finaliser: every input bit affects every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hex(_ value: UInt64, digits: Int = 16) -> String {
        let text = String(value, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - text.count)) + text
        return String(padded.prefix(digits))
    }
}
