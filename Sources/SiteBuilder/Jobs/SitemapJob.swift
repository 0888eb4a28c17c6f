import Foundation

extension SiteRenderer {
    /// `sitemap.xml` and `robots.txt`, which names it.
    func sitemapJob(_ keys: OutputKeys) -> OutputJob {
        let entries = feedEntries()
        let key = StableHash.combine([keys.globalHash] + keys.summaries)
        return OutputJob(kind: .sitemap, paths: ["sitemap.xml", "robots.txt"], key: { key }) { writer, _ in
            try writer.write(OutputPath(sitePath: "sitemap.xml"), Feeds.sitemap(entries, links: links))
            try writer.write(OutputPath(sitePath: "robots.txt"), Feeds.robots(links: links, hasBaseURL: site.config.baseURL != nil))
            return []
        }
    }
}
