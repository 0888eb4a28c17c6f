/// Minimal JSON writing for the search index: deterministic, and safe inside a `<script>`
/// element because `<`, `>`, `&` and the JavaScript line separators are escaped. Every control
/// character other than a line feed, carriage return and tab is written `\u00XX`, as Scoring's
/// canonical JSON writes it, so the two writers give the same bytes for the same string.
public enum JSONText {
    public static func string(_ text: String) -> String {
        // Most text needs no escape at all: one pass over the bytes, eight at a time.
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                out += "\\u"
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.unicodeScalars.append(Unicode.Scalar(hexDigit(UInt8(truncatingIfNeeded: scalar.value >> UInt32(shift)) & 0xF)))
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Whether any byte of `text` is one that `string` rewrites (U+2028 and U+2029 are E2 80 A8/A9).
    public static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var index = 0
            // A word of ASCII bytes is cleared in a few operations instead of eight byte tests: every
            // title, summary and search text of every page passes here. A word with a non-ASCII
            // byte is read byte by byte.
            while index + 8 <= bytes.count {
                let word = ByteWord.load(base, at: index)
                if ByteWord.isASCII(word) {
                    if hasEscapedASCII(word) { return true }
                } else if (index..<index + 8).contains(where: { isEscaped(in: bytes, at: $0) }) {
                    return true
                }
                index += 8
            }
            return (index..<bytes.count).contains { isEscaped(in: bytes, at: $0) }
        }
    }

    /// For each byte value, whether `string` rewrites it.
    private static let escapedBytes: [Bool] = (UInt8.min...UInt8.max).map { byte in
        byte < 0x20 || [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&")].contains(byte)
    }

    /// Whether `string` rewrites the byte at `index`, alone or as the start of U+2028 or U+2029.
    private static func isEscaped(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        escapedBytes.withUnsafeBufferPointer { $0[Int(bytes[index])] } || isLineSeparator(in: bytes, at: index)
    }

    /// Whether U+2028 or U+2029 (E2 80 A8 or E2 80 A9) starts at `index`.
    private static func isLineSeparator(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Any byte below 0x20, or `"`, `<`, `>`, `&` or a backslash, in eight ASCII bytes. `<` and `>`
    /// differ only in bit 1, `"` and `&` only in bit 2, so one comparison covers each pair.
    private static func hasEscapedASCII(_ word: UInt64) -> Bool {
        ByteWord.hasByte(below: 0x20, word) || ByteWord.hasByte(0x3E, word | (ByteWord.ones &* 0x02))
            || ByteWord.hasByte(0x26, word | (ByteWord.ones &* 0x04)) || ByteWord.hasByte(UInt8(ascii: "\\"), word)
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}

