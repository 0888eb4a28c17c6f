/// Escapes text for both element content and quoted attribute values, so any label, title or name
/// taken from content comes out as inert text. Characters that XML forbids and HTML calls parse
/// errors (control characters other than tab and line breaks, U+FFFE, U+FFFF; YAML's `"\0"`
/// writes one into a title) become U+FFFD, so every feed, sitemap and SVG stays well-formed
/// whatever the content holds. Works on UTF-8 bytes and returns the text itself
/// when nothing needs escaping: templates print many values per page.
public func escapeHTML(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes -> String? in
        guard let first = bytes.firstIndex(where: HTMLEscaping.isSpecial) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 32)
        escaped.append(contentsOf: bytes[..<first])
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F: escaped.append(contentsOf: HTMLEscaping.replacement)
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && (bytes[index + 1] == 0xBE || bytes[index + 1] == 0xBF):
                escaped.append(contentsOf: HTMLEscaping.replacement)
                index += 2
            case UInt8(ascii: "&"): escaped.append(contentsOf: HTMLEscaping.ampersand)
            case UInt8(ascii: "<"): escaped.append(contentsOf: HTMLEscaping.lessThan)
            case UInt8(ascii: ">"): escaped.append(contentsOf: HTMLEscaping.greaterThan)
            case UInt8(ascii: "\""): escaped.append(contentsOf: HTMLEscaping.quote)
            case UInt8(ascii: "'"): escaped.append(contentsOf: HTMLEscaping.apostrophe)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    } ?? text
}

enum HTMLEscaping {
    static let ampersand = Array("&amp;".utf8)
    static let lessThan = Array("&lt;".utf8)
    static let greaterThan = Array("&gt;".utf8)
    static let quote = Array("&quot;".utf8)
    static let apostrophe = Array("&#39;".utf8)
    static let replacement = Array("\u{FFFD}".utf8)

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        // Control characters, and the lead byte of U+FFFE and U+FFFF (checked in full when escaping).
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0xEF: return true
        default: return false
        }
    }
}
