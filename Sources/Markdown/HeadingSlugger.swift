/// Gives each heading of one page a unique id, following the contract in docs/architecture.md:
/// lowercased, letters and digits kept (any script), every other run becomes one `-`,
/// trimmed, `section` when nothing is left, and `-1`, `-2` ... appended to repeats.
struct HeadingSlugger {
    private var taken: Set<String> = []

    static func slug(for text: String) -> String {
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
        return slug.isEmpty ? "section" : slug
    }

    mutating func uniqueSlug(for text: String) -> String {
        let base = Self.slug(for: text)
        var candidate = base
        var suffix = 0
        // A loop rather than a counter per base, so that a heading whose own text already
        // slugs to "intro-1" cannot collide with the second "Intro".
        while taken.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        taken.insert(candidate)
        return candidate
    }
}
