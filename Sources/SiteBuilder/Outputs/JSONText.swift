import Blocks

/// Minimal JSON writing for the search index: deterministic, and safe inside a `<script>`
/// element because `<`, `>`, `&` and the JavaScript line separators are escaped.
enum JSONText {
    static func string(_ text: String) -> String {
        // Most text needs no escape at all: one pass over the bytes instead of scalar by scalar.
        if !needsEscaping(text) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether any byte of `text` is one that `string` rewrites (U+2028 and U+2029 are E2 80 A8/A9).
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return true
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80): return true
            default: previous = (previous.1, byte)
            }
        }
        return false
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }
}

/// HTML text and attribute escaping for the few pages the builder writes without templates:
/// the same escaping the fenced blocks use.
enum HTMLText {
    static func escape(_ text: String) -> String { escapeHTML(text) }
}
