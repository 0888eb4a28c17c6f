import Foundation

/// What a deploy does: the built files the destination lacks or holds with other content, in the
/// order they go up, and the keys it holds that the build no longer produces.
///
/// Order, so that a deploy cut off at any point never leaves a page linking to a missing file:
/// 1. new non-HTML files: the hashed stylesheets and scripts (a new name for new content) and
///    images that the new and changed pages load;
/// 2. new HTML pages, which changed pages, feeds, the sitemap and the search index will name;
/// 3. changed non-HTML files (feeds, the sitemap, the search index, unhashed files), which may
///    name the new pages;
/// 4. changed HTML pages;
/// 5. deletions, only after every upload succeeded.
/// Within each group, keys in byte order. New pages that link to each other (a new page and its
/// new tag page) can, for the moment between their two uploads, link to one not there yet; no
/// page that was already published ever does (docs/publishing.md).
public struct DeployPlan: Sendable, Equatable {
    public var uploads: [PlannedUpload]
    public var deletions: [String]
    public var unchanged: Int
    /// Alias page key -> site path it redirects to (see `PlannedUpload.redirect`).
    public var redirects: [String: String]

    public init(local: LocalSite, remote: [String: RemoteFile]) {
        var uploads: [PlannedUpload] = []
        var unchanged = 0
        for key in local.files.keys.sorted(by: Self.byteOrder) {
            guard let file = local.files[key] else { continue }
            let reason: PlannedUpload.Reason
            if let held = remote[key] {
                if held.md5.lowercased() == file.md5, held.size == file.size {
                    unchanged += 1
                    continue
                }
                reason = .changed
            } else {
                reason = .new
            }
            uploads.append(PlannedUpload(key: key, localURL: file.url, md5: file.md5, size: file.size, headers: file.headers,
                                         reason: reason, redirect: local.redirects[key]))
        }
        self.uploads = uploads.enumerated().sorted { left, right in
            let (a, b) = (Self.rank(left.element), Self.rank(right.element))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
        deletions = remote.keys.filter { local.files[$0] == nil }.sorted(by: Self.byteOrder)
        self.unchanged = unchanged
        redirects = local.redirects
    }

    public var isEmpty: Bool { uploads.isEmpty && deletions.isEmpty }

    /// What `--dry-run` prints: one line per upload (why, key, headers) and per deletion.
    public var lines: [String] {
        var lines = uploads.map { upload in
            var line = "upload \(upload.reason == .new ? "new    " : "changed") \(upload.key)  [\(upload.headers.contentType); \(upload.headers.cacheControl)]"
            if let target = upload.redirect { line += " -> redirect to \(target)" }
            return line
        }
        lines += deletions.map { "delete         \($0)" }
        lines.append("\(uploads.count) to upload, \(deletions.count) to delete, \(unchanged) unchanged")
        return lines
    }

    private static func rank(_ upload: PlannedUpload) -> Int {
        (upload.reason == .new ? 0 : 2) + (upload.isHTML ? 1 : 0)
    }

    static func byteOrder(_ left: String, _ right: String) -> Bool { left.utf8.lexicographicallyPrecedes(right.utf8) }
}
