/// Links written `@/pitfalls/no-training.md#signs` in Markdown name a content file; the build
/// rewrites them to the page's URL relative to the linking page.
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
}
