import Foundation

extension SiteRenderer {
    /// This language's sitemap (`SiteModel.sitemapPath`), and for the default language
    /// `robots.txt`, which names the root `sitemap.xml`: the sitemap itself with one language, an
    /// index of every language's sitemap with several (`indexedSitemaps`). A language's sitemap
    /// lists its pages and section indexes but not its fallbacks (their canonical page is the
    /// original), each with the alternates its page prints.
    func sitemapJob(_ keys: OutputKeys) -> OutputJob {
        let entries = feedEntries(withAlternates: true).filter { !$0.isFallback }.map(\.entry)
        let sitemapPath = model.sitemapPath
        let index = model.indexedSitemaps
        var paths = [sitemapPath]
        if model.writesSharedFiles { paths += (index == nil ? [] : ["sitemap.xml"]) + ["robots.txt"] }
        let key = StableHash.combine([keys.globalHash] + keys.summaries)
        return OutputJob(kind: .sitemap, paths: paths, key: { key }) { writer, _ in
            try writer.write(OutputPath(sitePath: sitemapPath), Feeds.sitemap(entries, links: links))
            if let index { try writer.write(OutputPath(sitePath: "sitemap.xml"), Feeds.sitemapIndex(index, links: links)) }
            if model.writesSharedFiles {
                try writer.write(OutputPath(sitePath: "robots.txt"), Feeds.robots(links: links, hasBaseURL: site.config.baseURL != nil))
            }
            return []
        }
    }
}
