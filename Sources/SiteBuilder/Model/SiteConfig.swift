import Foundation
import Yams

/// `site.yml`: settings for the whole site.
struct SiteConfig: Sendable, Equatable {
    struct NavItem: Sendable, Equatable {
        var title: String
        /// Site path such as `comparisons/` or `questionnaire/`.
        var path: String
    }

    var title = "Crossroads"
    var description = ""
    var baseURL: String?
    var language = "en"
    var author = ""
    var relativeURLs = true
    var unsafeHTML = false
    var nav: [NavItem] = []
    /// Bounds on the site's inputs, raised under `limits:`.
    var limits = SiteLimits()
    /// The kinds of output this site builds (`outputs:`, see `OutputKind`): every kind by default.
    var outputs = Set(OutputKind.allCases)
    /// Where `crossroads deploy` publishes (`deploy:`), in the order written.
    var deploy: [DeployTarget] = []
    /// The hosts whose configuration files the build writes (`host:`, see `HostKind`).
    var hosts: Set<HostKind> = []
    /// The site's languages (`languages:`, see `SiteLanguage`), the default one among them; empty
    /// for a site in one language, as before languages existed.
    var languages: [SiteLanguage] = []
    /// Whether the default language is served under its code too (`/en/`), the root redirecting there.
    var defaultLanguageInSubfolder = false

    init() {}

    static let knownFields: Set<String> = ["title", "description", "base_url", "language", "author", "relative_urls", "unsafe_html", "nav", "limits",
                                          "outputs", "deploy", "host", "languages", "default_language_in_subfolder"]

    static func decode(_ text: String, file: String) -> Result<SiteConfig, BuildFailure> {
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: file) {
        case .success(let parsed): document = parsed
        case .failure(let error): return .failure(BuildFailure([error]))
        }
        var config = SiteConfig()
        guard let root = document.root else { return .success(config) }
        guard root.mapping != nil else {
            return .failure(BuildFailure([SiteError(file: file, line: 1, column: 1, message: "site.yml must be key: value pairs",
                                       fix: "start with `title: My guides`")]))
        }
        var fields = YAMLFields(file: file, lineOffset: 0, node: root)
        for (name, node) in fields.keys where !knownFields.contains(name) {
            fields.problem(at: node, "unknown setting `\(name)`", fix: "use one of: \(knownFields.sorted().joined(separator: ", "))")
        }
        config.title = fields.string("title") ?? config.title
        config.description = fields.string("description") ?? ""
        if let base = fields.string("base_url"), let node = fields.value("base_url") {
            if let normalised = Self.normaliseBaseURL(base) {
                config.baseURL = normalised
            } else {
                fields.problem(at: node, "`base_url` must be an absolute http(s) URL, found \"\(base)\"", fix: "write e.g. `base_url: https://example.com/guides/`")
            }
        }
        config.language = fields.string("language") ?? config.language
        config.author = fields.string("author") ?? ""
        config.relativeURLs = fields.bool("relative_urls") ?? true
        config.unsafeHTML = fields.bool("unsafe_html") ?? false
        if let navNode = fields.value("nav") {
            config.nav = Self.nav(navNode, fields: &fields)
        }
        if let limitsNode = fields.value("limits") {
            config.limits = Self.limits(limitsNode, fields: &fields)
        }
        if let outputsNode = fields.value("outputs") {
            config.outputs = Self.outputs(outputsNode, fields: &fields)
        }
        if let deployNode = fields.value("deploy") {
            config.deploy = DeployTarget.decode(deployNode, fields: &fields)
        }
        if let hostNode = fields.value("host") {
            config.hosts = HostKind.decode(hostNode, fields: &fields)
        }
        SiteLanguage.decode(into: &config, fields: &fields)
        return fields.errors.isEmpty ? .success(config) : .failure(BuildFailure(fields.errors))
    }

    /// `nav: [{title, path}]`, at the top of site.yml or in a language's entry.
    static func nav(_ node: Node, fields: inout YAMLFields) -> [NavItem] {
        guard case .sequence(let entries) = node else {
            fields.problem(at: node, "`nav` must be a list", fix: "write `nav:` followed by lines `- {title: Pitfalls, path: pitfalls/}`")
            return []
        }
        var nav: [NavItem] = []
        for entry in entries {
            var item = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, node: entry)
            guard entry.mapping != nil, let title = item.string("title"), let path = item.string("path") else {
                fields.problem(at: entry, "each `nav` entry needs `title` and `path`", fix: "write `- {title: Pitfalls, path: pitfalls/}`")
                continue
            }
            nav.append(NavItem(title: title, path: SitePath.normaliseFolder(path)))
        }
        return nav
    }

    /// `limits: {table_columns: 200, ...}`: each a whole number of at least 1.
    private static func limits(_ node: Node, fields: inout YAMLFields) -> SiteLimits {
        var limits = SiteLimits()
        guard node.mapping != nil else {
            fields.problem(at: node, "`limits` must be a mapping of limit names to whole numbers",
                           fix: "write e.g. `limits: {table_columns: 200}`")
            return limits
        }
        var entries = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, node: node)
        for (name, key) in entries.keys {
            guard limits[setting: name] != nil else {
                entries.problem(at: key, "unknown limit `\(name)`", fix: "use one of: \(SiteLimits.settingNames.joined(separator: ", "))")
                continue
            }
            guard let value = entries.int(name), let valueNode = entries.value(name) else { continue }
            guard value >= 1 else {
                entries.problem(at: valueNode, "limit `\(name)` must be at least 1, found \(value)", fix: "write a whole number of at least 1")
                continue
            }
            limits[setting: name] = value
        }
        for error in entries.errors { fields.problem(error) }
        return limits
    }

    /// `outputs: [pages, sitemap]`: known kinds only, each problem at its own line. `pages` and
    /// what every page links to are built whether named or not (`OutputKind.broughtByPages`).
    private static func outputs(_ node: Node, fields: inout YAMLFields) -> Set<OutputKind> {
        let valid = OutputKind.allCases.map(\.name).joined(separator: ", ")
        guard case .sequence(let entries) = node else {
            fields.problem(at: node, "`outputs` must be a list of output kinds, found a \(YAMLFields.describe(node))",
                           fix: "write e.g. `outputs: [pages, sitemap]`; the kinds are: \(valid)")
            return Set(OutputKind.allCases)
        }
        var chosen: Set<OutputKind> = []
        for entry in entries {
            guard let name = entry.scalar?.string, let kind = OutputKind(rawValue: name) else {
                fields.problem(at: entry, "unknown output kind \(YAMLFields.quote(entry)) in `outputs`", fix: "use some of: \(valid)")
                continue
            }
            chosen.insert(kind)
        }
        return OutputKind.built(choosing: chosen)
    }

    /// Returns the URL with exactly one trailing slash, or nil when it is not absolute http(s).
    static func normaliseBaseURL(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else { return nil }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }
}
