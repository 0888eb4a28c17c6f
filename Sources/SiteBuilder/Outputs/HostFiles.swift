import Foundation
import HostRules

/// The configuration files of static hosts (`HostKind`), made from one description of the site:
/// every file the build writes (the output map) and every alias with the page it moved to. Cache
/// headers come from `CachePolicy`, which a deploy uses for the same files.
struct HostFiles: Sendable {
    static let nginxPath = "_host/nginx.conf"
    /// Read by the deploy (`LocalSite.redirectListKey`), which must use the same path.
    static let redirectListPath = "_host/redirects.json"

    /// Every file of the output, as site paths (`pitfalls/x/index.html`, `atom.xml`).
    var files: [String]
    /// Alias address (`old/page/`) -> the page's site path (`pitfalls/x/`, "" for the home page).
    var aliases: [(alias: String, target: String)]
    /// The URL path the site is served under: `/`, or `/guides/` from the base URL.
    var root: String
    /// The 404 pages of languages served under a folder (`de/404.html`), for hosts that can show
    /// one per folder; the root `404.html` serves everything else.
    var folderNotFoundPages: [String]

    init(files: [String], aliases: [(alias: String, target: String)], baseURL: String?, folderNotFoundPages: [String] = []) {
        self.files = files.filter { !Self.isHostFile($0) && $0 != OutputOwnership.markerName }.sorted()
        self.aliases = aliases.sorted { $0.alias < $1.alias }
        self.folderNotFoundPages = folderNotFoundPages.sorted()
        let path = baseURL.flatMap { URL(string: $0)?.path } ?? "/"
        root = path.hasSuffix("/") ? path : path + "/"
    }

    static func isHostFile(_ path: String) -> Bool {
        path == "_headers" || path == "_redirects" || path.hasPrefix("_host/")
    }

    /// The text of each file of `kind`, by site path.
    func files(for kind: HostKind) -> [(path: String, text: String)] {
        switch kind {
        case .netlify: [("_headers", netlifyHeaders), ("_redirects", netlifyRedirects)]
        case .nginx: [(Self.nginxPath, nginx)]
        case .s3: [(Self.redirectListPath, redirectList)]
        }
    }

    /// Netlify and Cloudflare Pages add up the values of every rule that matches a path, so each
    /// non-HTML file gets a rule of its own (no `/*` rule overlaps them); HTML keeps both hosts'
    /// default, `public, max-age=0, must-revalidate`, which revalidates on every visit.
    var netlifyHeaders: String {
        var text = "# Written by Crossroads from the build's output map (host: netlify). HTML keeps the host's\n"
        text += "# default, public, max-age=0, must-revalidate; other files are listed with their Cache-Control.\n"
        for file in files where !ContentTypes.isHTML(ContentTypes.forFile(named: file)) {
            text += "\(root)\(file)\n  Cache-Control: \(CachePolicy.cacheControl(forPath: file))\n"
        }
        return text
    }

    /// Each alias, with and without its `index.html`, as a permanent redirect. Both hosts serve
    /// `404.html` for any path that matches no file, so the root 404 needs no rule; a language's
    /// own 404 page gets a rule for its folder, which Netlify applies only where no file matches
    /// (Cloudflare Pages finds the nearest `404.html` by itself).
    var netlifyRedirects: String {
        var text = "# Written by Crossroads from the pages' aliases (host: netlify). Unknown paths get 404.html.\n"
        for (alias, target) in aliases {
            text += "\(root)\(alias) \(root)\(target) 301\n"
            text += "\(root)\(alias)index.html \(root)\(target) 301\n"
        }
        for page in folderNotFoundPages { text += "\(root)\(Self.folder(of: page))* \(root)\(page) 404\n" }
        return text
    }

    /// A snippet for the `server` block that serves the output folder at `root`; it hides its own
    /// folder, `_host/`, which a deploy copies with the site.
    var nginx: String {
        let escapedRoot = Self.regexEscaped(root)
        var text = """
        # Written by Crossroads (host: nginx). In the server block that serves this folder at \(root):
        #     include /path/to/the/site/_host/nginx.conf;
        location ^~ \(root)_host/ { return 404; }
        \(nginxNotFound)# Hashed stylesheets and scripts: their name changes with their content.
        location ~ "^\(escapedRoot)(.+/)?[^/]+\\.[0-9a-f]{10}\\.[A-Za-z0-9]+$" {
            add_header Cache-Control "\(CachePolicy.immutable)" always;
        }
        # HTML (pages are folders: /x/ serves /x/index.html): revalidated on every visit.
        location ~ "^\(escapedRoot)((.+/)?|.+\\.html)$" {
            add_header Cache-Control "\(CachePolicy.revalidate)" always;
        }
        # Everything else: feeds, the sitemap, the search index, images.
        location \(root) {
            add_header Cache-Control "\(CachePolicy.short)" always;
        }

        """
        if !aliases.isEmpty { text += "# Aliases: moved pages.\n" }
        for (alias, target) in aliases {
            text += "location = \(root)\(alias) { return 301 \(root)\(target); }\n"
            text += "location = \(root)\(alias)index.html { return 301 \(root)\(target); }\n"
            text += "location = \(root)\(alias.dropLast()) { return 301 \(root)\(target); }\n"
        }
        return text
    }

    /// The 404 page: the root's, or, for a site with languages under folders, the one of the
    /// folder the missing address is in (a named location keeps the 404 status and the address).
    private var nginxNotFound: String {
        guard !folderNotFoundPages.isEmpty else { return "error_page 404 \(root)404.html;\n" }
        var text = "error_page 404 @crossroads_not_found;\nlocation @crossroads_not_found {\n"
        for page in folderNotFoundPages {
            text += "    rewrite \"^\(Self.regexEscaped(root + Self.folder(of: page)))\" \(root)\(page) break;\n"
        }
        return text + "    rewrite ^ \(root)404.html break;\n}\n"
    }

    /// `de/404.html` -> `de/`.
    private static func folder(of page: String) -> String {
        String(page.dropLast("404.html".count))
    }

    /// `{"old/page/index.html": "pitfalls/x/"}`: the alias page's key and the site path it points to.
    var redirectList: String {
        let entries = aliases.map { "  \(Self.jsonString($0.alias + "index.html")): \(Self.jsonString($0.target))" }
        return "{\n" + entries.joined(separator: ",\n") + (entries.isEmpty ? "}\n" : "\n}\n")
    }

    private static func regexEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if ".^$*+?()[]{}|\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Output paths hold no quote, backslash or control character (`OutputPath`).
    private static func jsonString(_ text: String) -> String { "\"" + text + "\"" }
}
