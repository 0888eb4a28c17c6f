import Foundation

extension SiteRenderer {
    /// This language's Atom feed (`atom.xml`, `de/atom.xml`): every page but its home page and
    /// its fallbacks (see `SiteModel.isFallback`).
    func feedJob(_ keys: OutputKeys) -> OutputJob {
        let home = model.prefix
        let entries = feedEntries(withAlternates: false).filter { !$0.isFallback && $0.entry.sitePath != home }.map(\.entry)
        let path = model.feedPath
        let key = StableHash.combine([keys.globalHash] + keys.summaries)
        return OutputJob(kind: .feeds, paths: [path], key: { key }) { writer, _ in
            try writer.write(OutputPath(sitePath: path), Feeds.atom(entries, config: site.config, links: links, language: site.config.language, home: home))
            return []
        }
    }

    /// Every page and section index of this language, as the feed and the sitemap list them, each
    /// with whether it is a fallback and, when asked, its `hreflang` alternates.
    func feedEntries(withAlternates: Bool) -> [(entry: Feeds.Entry, isFallback: Bool)] {
        var entries: [(entry: Feeds.Entry, isFallback: Bool)] = []
        for index in site.pages.indices {
            let page = site.pages[index]
            let metadata = page.metadata
            let fallback = model.isFallback(page: index)
            var entry = Feeds.Entry(sitePath: page.sitePath, title: metadata.title, summary: metadata.summary, date: metadata.date,
                                    updated: metadata.updated)
            if withAlternates, !fallback { entry.alternates = model.alternates(forContentPath: page.contentPath) }
            entries.append((entry, fallback))
        }
        for kind in PageKind.allCases {
            guard let path = contexts.sectionPath(kind) else { continue }
            var entry = Feeds.Entry(sitePath: path, title: contexts.sectionTitles[kind] ?? "", summary: "", date: nil, updated: nil)
            if withAlternates, let contentPath = kind.sectionPath { entry.alternates = model.alternates(forContentPath: contentPath + "_index.md") }
            entries.append((entry, model.isFallback(section: kind)))
        }
        return entries
    }
}
