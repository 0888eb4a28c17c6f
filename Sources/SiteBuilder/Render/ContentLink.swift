/// Links written `@/pitfalls/no-training.md#signs` in Markdown name a content file; the build
/// rewrites them to the page's URL relative to the linking page, and `/path/` links to the site's
/// root to the same relative form.
enum ContentLink {
    static let prefix = "@/"

    /// `@/pitfalls/x.md#a` or `pitfalls/x.md` -> `pitfalls/x.md`.
    static func contentPath(_ reference: String) -> String {
        // Most references (read_next entries) are already plain paths: no copy for those.
        if let first = reference.utf8.first, first != UInt8(ascii: "@"), first != UInt8(ascii: "/"),
           !reference.utf8.contains(UInt8(ascii: "#")) {
            return reference
        }
        var path = Substring(reference)
        if path.hasPrefix(prefix) { path = path.dropFirst(prefix.count) }
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        while path.hasPrefix("/") { path = path.dropFirst() }
        return String(path)
    }

    static func fragment(_ reference: String) -> String? {
        guard let hash = reference.firstIndex(of: "#") else { return nil }
        return String(reference[reference.index(after: hash)...])
    }

    /// A `@/` link to a file that is not a page of the site.
    struct LinkProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// `@/path.md#id` -> URL of that page after `root`; `/path/` -> the same; everything else unchanged.
    static func rewrite(_ destination: String, root: String, targets: [String: String], links: LinkBuilder) throws -> String {
        if destination.hasPrefix(ContentLink.prefix) {
            let path = ContentLink.contentPath(destination)
            guard let target = targets[path] else {
                throw LinkProblem(description: "link to \(destination), but content/\(path) does not exist (check the path, or link to a page under content/)")
            }
            return root + links.final(target) + (ContentLink.fragment(destination).map { "#" + $0 } ?? "")
        }
        if destination.hasPrefix("/") && !destination.hasPrefix("//") {
            var path = Substring(destination.dropFirst())
            var fragment: String?
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[path.index(after: hash)...])
                path = path[..<hash]
            }
            let sitePathTarget = path.contains(".") ? String(path) : SitePath.normaliseFolder(String(path))
            return root + links.final(sitePathTarget) + (fragment.map { "#" + $0 } ?? "")
        }
        return destination
    }
}
