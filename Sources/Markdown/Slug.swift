/// A name made safe as an id or URL segment: lowercased, letters and digits kept (any script),
/// every other run becomes one `-`, trimmed, and `empty` when nothing is left. Heading ids and tag
/// addresses both follow it.
public enum Slug {
    public static func of(_ text: String, whenEmpty empty: String) -> String {
        if let ascii = ascii(text, whenEmpty: empty) { return ascii }
        return byCharacter(text, whenEmpty: empty)
    }

    /// The same slug byte by byte for ASCII text, where the only letters are A-Z and a-z and the
    /// only numbers 0-9, so no `Character` property is asked for; nil for other text.
    static func ascii(_ text: String, whenEmpty empty: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSeparator = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lowered >= UInt8(ascii: "a") && lowered <= UInt8(ascii: "z")) || (lowered >= UInt8(ascii: "0") && lowered <= UInt8(ascii: "9")) {
                if pendingSeparator && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingSeparator = false
                bytes.append(lowered)
            } else {
                pendingSeparator = true
            }
        }
        return bytes.isEmpty ? empty : String(decoding: bytes, as: UTF8.self)
    }

    static func byCharacter(_ text: String, whenEmpty empty: String) -> String {
        var slug = ""
        var pendingSeparator = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                // Separators are only written between kept characters, which also trims both ends.
                if pendingSeparator && !slug.isEmpty { slug.append("-") }
                pendingSeparator = false
                slug.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return slug.isEmpty ? empty : slug
    }
}
