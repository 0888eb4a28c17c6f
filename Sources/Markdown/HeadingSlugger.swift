/// Gives each heading of one page a unique id, following the contract in docs/architecture.md:
/// lowercased, letters and digits kept (any script), every other run becomes one `-`,
/// trimmed, `section` when nothing is left, and `-1`, `-2` ... appended to repeats.
///
/// Linear in the number of headings: each base slug remembers the next suffix to try, so a
/// thousand "Intro" headings do not each walk past every "intro-N" given before them.
struct HeadingSlugger {
    private var taken: Set<String>
    private var nextSuffix: [String: Int] = [:]

    /// `reserved`: ids the surrounding page already uses, which headings then never get.
    init(reserved: Set<String> = []) {
        taken = reserved
    }

    static func slug(for text: String) -> String { Slug.of(text, whenEmpty: "section") }

    mutating func uniqueSlug(for text: String) -> String {
        let base = Self.slug(for: text)
        // Every suffix below `nextSuffix[base]` was taken when it was tried and stays taken, so
        // starting there gives the smallest free one, as trying from 0 would. Still a loop, so
        // that a heading whose own text slugs to "intro-1" cannot collide with the second "Intro".
        var suffix = nextSuffix[base] ?? 0
        var candidate = suffix == 0 ? base : "\(base)-\(suffix)"
        while taken.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        taken.insert(candidate)
        nextSuffix[base] = suffix + 1
        return candidate
    }
}
