/// A name made safe as an id or URL segment: lowercased, letters and digits kept (any script),
/// every other run becomes one `-`, trimmed, and `empty` when nothing is left. Heading ids and tag
/// addresses both follow it.
public enum Slug {
    public static func of(_ text: String, whenEmpty empty: String) -> String {
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
