/// sitemap.xml, atom.xml and robots.txt. Dates come only from front matter, so output stays
/// byte-identical from build to build.
enum Feeds {
    struct Entry {
        var sitePath: String
        var title: String
        var summary: String
        var date: String?
        var updated: String?
        /// The page's real translations (itself among them) and `x-default`, as the page's own
        /// `hreflang` links list them: language -> site path. Empty on a one-language site.
        var alternates: [(hreflang: String, sitePath: String)] = []
    }

    /// The namespace of the `xhtml:link` alternates a multilingual sitemap carries.
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    static func sitemap(_ entries: [Entry], links: LinkBuilder) -> String {
        let withAlternates = entries.contains { !$0.alternates.isEmpty }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += withAlternates ? " xmlns:xhtml=\"\(xhtmlNamespace)\">\n" : ">\n"
        for entry in entries.sorted(by: { $0.sitePath < $1.sitePath }) {
            xml += "  <url><loc>\(HTMLText.escape(links.absolute(entry.sitePath)))</loc>"
            if let date = entry.updated ?? entry.date { xml += "<lastmod>\(date)</lastmod>" }
            for (hreflang, sitePath) in entry.alternates {
                xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(HTMLText.escape(hreflang))\" href=\"\(HTMLText.escape(links.absolute(sitePath)))\"/>"
            }
            xml += entry.alternates.isEmpty ? "</url>\n" : "\n  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// `sitemap.xml` of a site of several languages: an index naming each language's sitemap.
    static func sitemapIndex(_ sitemaps: [String], links: LinkBuilder) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for sitemap in sitemaps { xml += "  <sitemap><loc>\(HTMLText.escape(links.absolute(sitemap)))</loc></sitemap>\n" }
        return xml + "</sitemapindex>\n"
    }

    /// The Atom feed of one language, written at `home + "atom.xml"` (`home`: the language's
    /// home, `""` for the default language); `config` holds that language's title and words.
    static func atom(_ entries: [Entry], config: SiteConfig, links: LinkBuilder, language: String, home: String = "", limit: Int = 50) -> String {
        let dated = entries.filter { $0.date != nil }.sorted {
            (($0.updated ?? $0.date) ?? "", $1.title) > (($1.updated ?? $1.date) ?? "", $0.title)
        }.prefix(limit)
        let newest = dated.first.flatMap { $0.updated ?? $0.date } ?? "2000-01-01"
        // A feed's id never changes; the default language's stays what it was before languages.
        let feedID = config.baseURL.map { $0 + home } ?? "urn:crossroads:\(SitePath.slugify(config.title))" + (home.isEmpty ? "" : ":" + language)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTMLText.escape(language))\">\n"
        xml += "  <title>\(HTMLText.escape(config.title))</title>\n"
        if !config.description.isEmpty { xml += "  <subtitle>\(HTMLText.escape(config.description))</subtitle>\n" }
        xml += "  <id>\(HTMLText.escape(feedID))</id>\n"
        xml += "  <link rel=\"alternate\" href=\"\(HTMLText.escape(links.absolute(home)))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(HTMLText.escape(links.absolute(home + "atom.xml")))\"/>\n"
        xml += "  <updated>\(newest)T00:00:00Z</updated>\n"
        if !config.author.isEmpty { xml += "  <author><name>\(HTMLText.escape(config.author))</name></author>\n" }
        xml += "  <generator>Crossroads</generator>\n"
        for entry in dated {
            let url = HTMLText.escape(links.absolute(entry.sitePath))
            xml += "  <entry>\n    <title>\(HTMLText.escape(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" href=\"\(url)\"/>\n    <id>\(config.baseURL == nil ? "urn:crossroads:" + HTMLText.escape(entry.sitePath) : url)</id>\n"
            xml += "    <published>\(entry.date ?? newest)T00:00:00Z</published>\n"
            xml += "    <updated>\(entry.updated ?? entry.date ?? newest)T00:00:00Z</updated>\n"
            if !entry.summary.isEmpty { xml += "    <summary>\(HTMLText.escape(entry.summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func robots(links: LinkBuilder, hasBaseURL: Bool) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if hasBaseURL { text += "Sitemap: \(links.absolute("sitemap.xml"))\n" }
        return text
    }
}

/// A small page at an old address that sends readers (and search engines) to the page's new one.
enum AliasPage {
    /// In the page's language: its `lang` and the theme strings `alias_moved_before`/`_after`.
    static func html(from aliasPath: String, to target: String, links: LinkBuilder, title: String, strings: LanguageStrings) -> String {
        let href = HTMLText.escape(links.href(from: aliasPath, to: target))
        let canonical = links.baseURL.map { HTMLText.escape($0 + target) } ?? href
        return """
        <!doctype html>
        <html lang="\(HTMLText.escape(strings.code))"><head><meta charset="utf-8"><title>\(HTMLText.escape(title))</title>
        <link rel="canonical" href="\(canonical)"><meta name="robots" content="noindex">
        <meta http-equiv="refresh" content="0; url=\(href)"></head>
        <body><p>\(HTMLText.escape(strings["alias_moved_before"]))<a href="\(href)">\(HTMLText.escape(title))</a>\(HTMLText.escape(strings["alias_moved_after"]))</p></body></html>

        """
    }
}
