/// What links the languages of a site with several: each language's code, name and prefix, and,
/// for every page (by its default-language content path), where each language publishes it and
/// whether that is a real translation or a fallback. Made once by `Translations.split`, shared by
/// every language's view; the switcher and the `hreflang` alternates read it.
struct SiteLanguages: Sendable {
    struct Language: Sendable, Equatable {
        var code: String
        var name: String
        /// "" for the default language (unless `default_language_in_subfolder`), else `de/`.
        var prefix: String
    }

    /// One language's version of a page.
    struct Version: Sendable, Equatable {
        var sitePath: String
        /// False for a fallback: the default language's page published in this language.
        var translated: Bool
    }

    /// In site.yml's order.
    let languages: [Language]
    /// Index of the default language in `languages`.
    let defaultIndex: Int
    /// Content path -> each language's version, by index into `languages` (nil where a language has none).
    let versions: [String: [Version?]]
    /// A hash of all of the above: every page of every language prints some of it (the switcher,
    /// the alternates), so it is part of every language's `OutputKeys.globalHash`.
    let hash: UInt64

    init(languages: [Language], defaultIndex: Int, versions: [String: [Version?]]) {
        self.languages = languages
        self.defaultIndex = defaultIndex
        self.versions = versions
        var parts = languages.map { StableHash.keyOf("\($0.code)\u{0}\($0.name)\u{0}\($0.prefix)") }
        for path in versions.keys.sorted() {
            parts.append(StableHash.keyOf(path))
            for version in versions[path] ?? [] {
                parts.append(StableHash.keyOf(version.map { "\($0.sitePath)\u{0}\($0.translated)" } ?? "\u{1}"))
            }
        }
        hash = StableHash.combine(parts)
    }

    var defaultLanguage: Language { languages[defaultIndex] }

    func index(of code: String) -> Int? { languages.firstIndex { $0.code == code } }

    /// Where the switcher of a page links each language: its version there, else that language's home.
    func switcherPaths(forContentPath contentPath: String) -> [String] {
        let known = versions[contentPath] ?? []
        return languages.indices.map { index in
            (index < known.count ? known[index]?.sitePath : nil) ?? languages[index].prefix
        }
    }

    /// The real translations of a page, each of which lists all the others (so every alternate
    /// links back): none for a page with fewer than two, or for a fallback.
    func alternates(forContentPath contentPath: String) -> [(language: Language, sitePath: String)] {
        let known = versions[contentPath] ?? []
        let real = languages.indices.compactMap { index -> (language: Language, sitePath: String)? in
            guard index < known.count, let version = known[index], version.translated else { return nil }
            return (languages[index], version.sitePath)
        }
        return real.count >= 2 ? real : []
    }
}
