/// Turns site paths into the hrefs a page prints: relative to the page by default (so the site
/// works under any sub-path and from disk, where folders need an explicit `index.html`), or
/// absolute under the base URL when the site turns relative URLs off.
struct LinkBuilder: Sendable {
    var relative: Bool
    var baseURL: String?

    init(relative: Bool, baseURL: String?) {
        self.relative = relative || baseURL == nil
        self.baseURL = baseURL
    }

    /// Prefix from the page at `sitePath` to the site root.
    func root(from sitePath: String) -> String {
        relative ? SitePath.rootPrefix(from: sitePath) : (baseURL ?? "/")
    }

    /// The root-relative part printed after `root`: folders end in `index.html` with relative URLs.
    func final(_ sitePath: String) -> String {
        guard relative else { return sitePath }
        return SitePath.outputFile(for: sitePath)
    }

    func href(from page: String, to target: String, fragment: String? = nil) -> String {
        root(from: page) + final(target) + (fragment.map { "#" + $0 } ?? "")
    }

    /// Absolute URL when a base URL is known, else a root-relative path; for feeds and sitemaps.
    func absolute(_ sitePath: String) -> String {
        (baseURL ?? "/") + sitePath
    }
}
