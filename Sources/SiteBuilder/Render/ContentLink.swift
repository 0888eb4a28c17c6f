/// Links written `@/pitfalls/no-training.md#signs` in Markdown name a content file; the build
/// rewrites them to the page's URL relative to the linking page.
enum ContentLink {
    static let prefix = "@/"

    /// `@/pitfalls/x.md#a` or `pitfalls/x.md` -> `pitfalls/x.md`.
    static func contentPath(_ reference: String) -> String {
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
}
