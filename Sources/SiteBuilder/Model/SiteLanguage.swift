import Yams

/// One language of a site, from `languages:` in site.yml: its BCP 47 code (printed as given in
/// `lang` and `hreflang`), the name its switcher link shows, and the site strings it overrides.
/// The default language (`language:`) is served at the root, every other under `<code>/`.
struct SiteLanguage: Sendable, Equatable {
    var code: String
    var name: String
    var title: String?
    var description: String?
    var author: String?
    var nav: [SiteConfig.NavItem]?

    static let knownFields: Set<String> = ["code", "name", "title", "description", "author", "nav"]

    /// Reads `languages:` and `default_language_in_subfolder:` into `config`, every problem at
    /// its line: unknown fields, a missing code or name, a code that is no BCP 47 tag, a code
    /// listed twice, and a `language:` that is not among the codes.
    static func decode(into config: inout SiteConfig, fields: inout YAMLFields) {
        config.defaultLanguageInSubfolder = fields.bool("default_language_in_subfolder") ?? false
        guard let node = fields.value("languages") else { return }
        guard case .sequence(let entries) = node else {
            fields.problem(at: node, "`languages` must be a list of languages, found a \(YAMLFields.describe(node))",
                           fix: "write `languages:` followed by lines such as `- {code: en, name: English}`")
            return
        }
        var seen: Set<String> = []
        for entry in entries {
            guard entry.mapping != nil else {
                fields.problem(at: entry, "each entry of `languages` must be a mapping with `code` and `name`",
                               fix: "write e.g. `- {code: de, name: Deutsch}`")
                continue
            }
            var item = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, node: entry)
            for (name, key) in item.keys where !knownFields.contains(name) {
                item.problem(at: key, "unknown field `\(name)` in a language of `languages`", fix: "use some of: \(knownFields.sorted().joined(separator: ", "))")
            }
            let code = item.string("code")
            let name = item.string("name")
            if code == nil, item.value("code") == nil {
                item.problem(at: entry, "a language of `languages` has no `code`", fix: "add a BCP 47 code such as `code: de` or `code: pt-BR`")
            }
            if name == nil, item.value("name") == nil {
                item.problem(at: entry, "a language of `languages` has no `name`", fix: "add the name its switcher shows, in that language, such as `name: Deutsch`")
            }
            var language = SiteLanguage(code: code ?? "", name: name ?? "")
            language.title = item.string("title")
            language.description = item.string("description")
            language.author = item.string("author")
            if let navNode = item.value("nav") { language.nav = SiteConfig.nav(navNode, fields: &item) }
            if let code, let codeNode = item.value("code") {
                if !isLanguageTag(code) {
                    item.problem(at: codeNode, "\"\(code)\" is not a language code",
                                 fix: "write a BCP 47 tag: a language (`de`), optionally followed by a region or script (`pt-BR`, `zh-Hant`)")
                } else if !seen.insert(code.lowercased()).inserted {
                    item.problem(at: codeNode, "language \"\(code)\" is listed twice in `languages`", fix: "list each language once")
                }
            }
            for error in item.errors { fields.problem(error) }
            config.languages.append(language)
        }
        let codes = config.languages.map(\.code)
        if let languageNode = fields.value("language") {
            if !codes.contains(config.language) {
                fields.problem(at: languageNode, "`language: \(config.language)` is not one of the codes in `languages` (\(codes.joined(separator: ", ")))",
                               fix: "set `language:` to the default language's code, or add that language to `languages`")
            }
        } else if let first = codes.first {
            // Without `language:`, the first language listed is the default.
            config.language = first
        }
    }

    /// A BCP 47 tag as sites write them: a primary language of 2 or 3 letters, then subtags of 1
    /// to 8 letters or digits (`de`, `pt-BR`, `zh-Hant-TW`, `sr-Latn`). Only these can name a
    /// folder of the site and an `x.<code>.md` file without clashing with other paths.
    static func isLanguageTag(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy(\.isASCIILetterOrDigit),
              primary.allSatisfy({ !$0.isNumber }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy(\.isASCIILetterOrDigit) }
    }
}

private extension Character {
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
