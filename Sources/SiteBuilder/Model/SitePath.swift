import Markdown

/// Paths inside the built site. A "site path" is relative to the site root, uses `/`, and names a
/// folder with a trailing slash (`pitfalls/no-training/`) or a file (`atom.xml`); the home page is "".
enum SitePath {
    /// `/pitfalls` or `pitfalls` -> `pitfalls/`; "" and "/" -> "".
    static func normaliseFolder(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        if trimmed.isEmpty { return "" }
        if trimmed.hasSuffix(".html") || trimmed.hasSuffix(".xml") || trimmed.hasSuffix(".txt") || trimmed.hasSuffix(".js") { return String(trimmed) }
        return trimmed.hasSuffix("/") ? String(trimmed) : trimmed + "/"
    }

    /// Number of folders between the site root and the file written for this path.
    static func depth(of sitePath: String) -> Int {
        let folders = sitePath.split(separator: "/", omittingEmptySubsequences: true)
        return sitePath.hasSuffix("/") || sitePath.isEmpty ? folders.count : max(folders.count - 1, 0)
    }

    /// The file written for a site path: folders get `index.html`.
    static func outputFile(for sitePath: String) -> String {
        sitePath.isEmpty ? "index.html" : sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// Relative prefix from a page at `sitePath` back to the site root ("./", "../", "../../").
    static func rootPrefix(from sitePath: String) -> String {
        let depth = depth(of: sitePath)
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// A path made safe as a URL segment: lowercase letters, digits and hyphens.
    static func slugify(_ text: String) -> String { Slug.of(text, whenEmpty: "tag") }
}
