/// Element ids derived from the block itself (FNV-1a over its body and line), so two builds of the
/// same content are byte-identical and two charts on one page do not share ids.
func stableID(prefix: String, code: String, line: Int) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in "\(line)\n\(code)".utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return prefix + "-" + String(repeating: "0", count: 16 - hex.count) + hex
}
