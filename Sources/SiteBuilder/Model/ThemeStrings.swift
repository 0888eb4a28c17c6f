import Scoring
/// The theme's words per language (`i18n/<code>.yml` at the site root, like Hugo's `i18n/`): flat
/// maps of snake_case keys to strings, which templates print as `{{i18n.key}}` and the builder
/// fills where a value goes into the words (`{minutes} min read`). Made once by the loader
/// (`ThemeStringsLoader`); every output reads one language's view of it (`language(_:)`).
struct ThemeStrings: Sendable {
    /// The site's default language: every other language falls back to its strings.
    let defaultLanguage: String
    /// Each language's own strings as its file wrote them (empty without a file).
    let files: [String: [String: String]]
    /// Where each language's strings come from, for messages (`i18n/de.yml`).
    let fileNames: [String: String]
    /// What `check` lists and `check --strict` fails on: a key one language lacks (it prints the
    /// default language's string), a configured language without its file.
    let gaps: [SiteError]
    /// What `check` lists without failing: files of languages the site does not have.
    let notes: [SiteError]
    /// A hash of every file's text: part of every output's key, since every page prints them.
    let hash: UInt64

    /// No `i18n/` folder: the builder's own words in English, as before theme strings existed.
    static let none = ThemeStrings(defaultLanguage: "en", files: [:], fileNames: [:], gaps: [], notes: [], hash: 0)

    /// One language's strings, each key missing there filled from the default language, then
    /// from the builder's own English (`BuiltInStrings`).
    func language(_ code: String) -> LanguageStrings {
        var strings = BuiltInStrings.english
        strings.merge(files[defaultLanguage] ?? [:]) { $1 }
        if code != defaultLanguage { strings.merge(files[code] ?? [:]) { $1 } }
        return LanguageStrings(code: code, strings: strings)
    }

    /// Every key some language, or the builder, defines.
    var definedKeys: Set<String> { Self.definedKeys(in: files) }

    static func definedKeys(in files: [String: [String: String]]) -> Set<String> {
        files.values.reduce(into: Set(BuiltInStrings.english.keys)) { $0.formUnion($1.keys) }
    }
}

/// One language's theme strings with every fallback filled; what the `i18n` context value prints.
struct LanguageStrings: Sendable {
    let code: String
    let strings: [String: String]

    subscript(key: String) -> String { strings[key] ?? "" }

    /// The string of `key` with its `{name}` holes filled; a hole with no value stays as written.
    func filled(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    static func fill(_ text: String, _ values: [String: String]) -> String {
        text.utf8.contains(UInt8(ascii: "{")) ? fillHoles(text, values) : text
    }

    /// The `{name}` holes a string has (Scoring's `holeNames`, with theme strings' names).
    static func holes(in text: String) -> [String] {
        holeNames(in: text) { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// "2026-03-14" in this language's words: `date_format` with `{day}`, `{month}` (the name,
    /// `month_1` … `month_12`), `{month_number}`, `{year}`; English: "14 March 2026".
    func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return iso }
        return filled("date_format", ["day": String(day), "month": self["month_\(month)"], "month_number": String(month),
                                      "year": String(parts[0])])
    }

    /// A whole number with `number_group_separator` between groups of three digits, from five
    /// digits on (the DIN 5008 and Chicago rule both allow four-digit numbers without one).
    func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        guard digits.count >= 5 else { return String(value) }
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += self["number_group_separator"] }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// The `i18n` value of a template context.
    var templateValue: TemplateValue { .map(strings.mapValues(TemplateValue.string)) }
}
