/// Where one language's site-wide outputs go, and which of its pages they list. Every output
/// kind runs once per language (`SiteRenderer.everyLanguage`), each under its language's `prefix`
/// (`de/`; "" for the default language at the root), as Hugo and Zola lay out a multilingual site;
/// the files every language shares (assets, the scoring table, host files, `robots.txt`, the
/// sitemap index) are the default language's (`writesSharedFiles`). With one language every path
/// is what it was before languages.
extension SiteModel {
    var feedPath: String { prefix + "atom.xml" }
    var searchPagePath: String { prefix + "search/" }
    /// The search index's entry script (`search-index.js`, `de/search-index.js`).
    var searchEntryPath: String { SearchIndex.entryPath(home: prefix) }

    /// The default language's 404 page is the host's: at the root even when that language is
    /// served under its folder. Every other language's is in its folder, for hosts that serve one
    /// per folder (see `HostFiles`).
    var notFoundPath: String { (writesSharedFiles ? "" : prefix) + "404.html" }

    /// This language's sitemap: `sitemap.xml` with one language; with several, `<code>/sitemap.xml`
    /// (the default language's too, as Hugo does), and the root `sitemap.xml` indexes them.
    var sitemapPath: String { site.languages == nil ? "sitemap.xml" : config.language + "/sitemap.xml" }

    /// The sitemaps the root `sitemap.xml` indexes, in `languages:` order; nil when this model
    /// writes no index (one language, or a language other than the default).
    var indexedSitemaps: [String]? {
        guard let languages = site.languages, writesSharedFiles else { return nil }
        return languages.languages.map { $0.code + "/sitemap.xml" }
    }

    /// Whether a page of this language is a fallback: the default language's page shown here for
    /// want of a translation. Its canonical page is the original, so the sitemap, the feed and
    /// the search index of its language leave it to the original's.
    func isFallback(page index: Int) -> Bool { site.pages[index].language.untranslated }

    /// The number of parts of this language's search index (see `searchPartMembers`).
    var searchPartCount: Int { SearchIndex.partCount(pages: site.pages.indices.count { !isFallback(page: $0) }) }

    /// Whether this language's index of `kind` shows the default language's intro, for want of its own.
    func isFallback(section kind: PageKind) -> Bool {
        guard let languages = site.languages, let path = kind.sectionPath, let language = languages.index(of: config.language) else { return false }
        return languages.versions[path + "_index.md"]?[language]?.translated == false
    }

    /// The `hreflang` alternates of the output that `contentPath` names (a page's, or a kind's
    /// `pitfalls/_index.md`): every real translation, each of which lists the same set (so every
    /// one links back), then `x-default`, the default language's version. None for a page with
    /// no translation, and none in a site with one language. The page's `<link rel="alternate">`
    /// and its sitemap entry both print these.
    func alternates(forContentPath contentPath: String) -> [(hreflang: String, sitePath: String)] {
        guard let languages = site.languages else { return [] }
        let versions = languages.alternates(forContentPath: contentPath)
        var entries = versions.map { (hreflang: $0.language.code, sitePath: $0.sitePath) }
        if let original = versions.first(where: { $0.language == languages.defaultLanguage }) {
            entries.append((hreflang: "x-default", sitePath: original.sitePath))
        }
        return entries
    }

    /// A page's site path without its language's prefix (`de/pitfalls/x/` -> `pitfalls/x/`), the
    /// path its copies take under `embed/` and `standalone/` inside that prefix.
    func unprefixed(_ sitePath: String) -> String {
        sitePath.hasPrefix(prefix) ? String(sitePath.dropFirst(prefix.count)) : sitePath
    }
}
