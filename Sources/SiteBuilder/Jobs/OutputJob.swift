import Foundation

/// Writes one list or site-wide output (one or more files) and returns the links it checked.
/// With a key, an incremental build keeps the previous files while the key is unchanged.
struct OutputJob: Sendable {
    var kind: OutputKind
    var paths: [String]
    /// The key of what the job reads besides what its templates record (see `ReadRecorder`).
    var key: @Sendable () -> UInt64?
    var run: @Sendable (any OutputWriter, ReadRecorder) throws -> [CheckedLink]
    var cacheName: String { "@" + (paths.first ?? "") }
}

extension SiteRenderer {
    /// The site-wide jobs of every kind `site.yml` chose (`OutputKind`), each kind's in its own
    /// file. Pages are the render step's (`PagesJob`), and each page's copies and aliases go with
    /// it (`EmbedCopyJob`, `StandaloneCopyJob`, `AliasJob`). To add an output kind: a case of
    /// `OutputKind`, its claims in `SiteModel.outputMap`, a file here with its job, and a line below.
    func siteJobs(pages: [PageOutput], keys: OutputKeys, reuse: Reuse?, searchParts: [[Int]], emitGolden: Bool) -> [OutputJob] {
        let chosen = model.config.outputs
        var jobs: [OutputJob] = []
        if chosen.contains(.sections) { jobs += sectionIndexJobs(keys) }
        if chosen.contains(.tags) { jobs += tagPageJobs(keys) }
        // Without every page's line (a page failed), the index waits for the errors to be fixed.
        if chosen.contains(.search), pages.count == site.pages.count {
            jobs += searchIndexJobs(members: searchParts, pages: pages, keys: keys, reuse: reuse) + [searchPageJob(keys)]
        }
        if chosen.contains(.feeds) { jobs.append(feedJob(keys)) }
        if chosen.contains(.sitemap) { jobs.append(sitemapJob(keys)) }
        if chosen.contains(.notFound) { jobs.append(notFoundJob(keys)) }
        if let hostFiles = hostFilesJob(emitGolden: emitGolden) { jobs.append(hostFiles) }
        if model.writesSharedFiles { jobs.append(siteFilesJob(keys, emitGolden: emitGolden)) }
        if let redirect = languageRedirectJob(keys) { jobs.append(redirect) }
        return jobs
    }
}
