/// How long a browser or CDN may keep each file of a built site, by its path: the one rule behind
/// the headers a deploy sets and the host files a build writes (`_headers`, the nginx snippet).
///
/// - Hashed assets (`name.<10 hex digits>.ext`, whose name changes with their content) are
///   immutable for a year.
/// - HTML is revalidated on every visit, so a published edit shows at once.
/// - Anything else (feeds, the sitemap, the search index, images) keeps for five minutes.
public enum CachePolicy {
    public static let immutable = "public, max-age=31536000, immutable"
    public static let revalidate = "public, no-cache, must-revalidate"
    public static let short = "public, max-age=300"

    /// The `Cache-Control` value for the file at this site path.
    public static func cacheControl(forPath path: String) -> String {
        if isHashedAsset(path) { return immutable }
        if ContentTypes.isHTML(ContentTypes.forFile(named: path)) { return revalidate }
        return short
    }

    /// Both headers of the file at this site path.
    public static func headers(forPath path: String) -> (contentType: String, cacheControl: String) {
        (ContentTypes.forFile(named: path), cacheControl(forPath: path))
    }

    /// `name.<10 lowercase hex digits>.ext`, as the build names stylesheets and scripts.
    public static func isHashedAsset(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, !parts[0].isEmpty, !parts[parts.count - 1].isEmpty else { return false }
        let hash = parts[parts.count - 2]
        return hash.utf8.count == 10 && hash.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

}
