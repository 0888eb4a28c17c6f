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

    static func slug(for text: String) -> String {
        if let ascii = asciiSlug(for: text) { return ascii }
        return characterSlug(for: text)
    }

    /// The same slug byte by byte for ASCII text, where the only letters are A-Z and a-z and the
    /// only numbers 0-9 (Character properties were 2% of a full build); nil for other text.
    static func asciiSlug(for text: String) -> String? {
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
        return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
    }

    static func characterSlug(for text: String) -> String {
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
