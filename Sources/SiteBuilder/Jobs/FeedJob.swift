import Foundation

extension SiteRenderer {
    /// The Atom feed (`atom.xml`): every page but the home page.
    func feedJob(_ keys: OutputKeys) -> OutputJob {
        let entries = feedEntries()
        let key = StableHash.combine([keys.globalHash] + keys.summaries)
        return OutputJob(kind: .feeds, paths: ["atom.xml"], key: { key }) { writer, _ in
            try writer.write(OutputPath(sitePath: "atom.xml"), Feeds.atom(entries.filter { !$0.sitePath.isEmpty }, config: site.config, links: links))
            return []
        }
    }

    /// Every page and section index, as the feed and the sitemap list them.
    func feedEntries() -> [Feeds.Entry] {
        var entries: [Feeds.Entry] = []
        for index in site.pages.indices {
            let metadata = site.pages[index].metadata
            entries.append(Feeds.Entry(sitePath: site.pages[index].sitePath, title: metadata.title, summary: metadata.summary,
                                       date: metadata.date, updated: metadata.updated))
        }
        for kind in PageKind.allCases {
            if let path = contexts.sectionPath(kind) {
                entries.append(Feeds.Entry(sitePath: path, title: contexts.sectionTitles[kind] ?? "", summary: "", date: nil, updated: nil))
            }
        }
        return entries
    }
}
