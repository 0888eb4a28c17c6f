import Foundation
import S3Storage

/// What a bucket prefix holds, read back through S3: every key's ETag, and a check that every
/// local link of every HTML page there resolves to a key that is there too.
struct RemoteSite {
    let client: S3Client
    let prefix: String

    /// Key (without the prefix) -> ETag.
    func etags() async throws -> [String: String] {
        var etags: [String: String] = [:]
        for object in try await client.list(prefix: prefix) { etags[String(object.key.dropFirst(prefix.count))] = object.etag }
        return etags
    }

    /// "page -> link" for each link of a stored HTML page whose target is not stored.
    func brokenLinks() async throws -> [String] {
        let keys = Set(try await etags().keys)
        var broken: [String] = []
        for key in keys.sorted() where key.hasSuffix(".html") {
            guard let data = try await client.get(key: prefix + key) else { continue }
            for link in Self.localLinks(in: String(decoding: data, as: UTF8.self)) {
                // A language's 404 page (de/404.html) links from the site's root, like the root
                // 404.html, as `crossroads check` reads it.
                guard let target = Self.resolve(link, from: key.hasSuffix("/404.html") ? "404.html" : key) else { continue }
                if !keys.contains(target) { broken.append("\(key) -> \(link)") }
            }
        }
        return broken
    }

    /// `href` and `src` values that stay on the site (no scheme, no `//`, not only a fragment).
    static func localLinks(in html: String) -> [String] {
        let pattern = #"(?:href|src)="([^"]*)""#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return expression.matches(in: html, range: range).compactMap { match in
            guard let found = Range(match.range(at: 1), in: html) else { return nil }
            let link = String(html[found]).replacingOccurrences(of: "&amp;", with: "&")
            if link.isEmpty || link.hasPrefix("#") || link.hasPrefix("//") || link.contains(":") { return nil }
            return link
        }
    }

    /// The key a relative or root-relative link of `page` names (`dir/` -> `dir/index.html`).
    static func resolve(_ link: String, from page: String) -> String? {
        let path = String(link.prefix { $0 != "#" && $0 != "?" })
        var parts = path.hasPrefix("/") ? [] : page.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        let key = parts.joined(separator: "/")
        if path.isEmpty { return page }
        return path.hasSuffix("/") || key.isEmpty ? (key.isEmpty ? "index.html" : key + "/index.html") : key
    }
}
