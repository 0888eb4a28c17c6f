import Yams

/// A static host whose configuration the build writes (`host:` in `site.yml`), from the output
/// map and the aliases (`HostFiles`), so redirects and cache headers have one source.
enum HostKind: String, CaseIterable, Sendable, Hashable, Comparable {
    /// `_headers` and `_redirects` at the root, read by Netlify and Cloudflare Pages.
    case netlify
    /// `_host/nginx.conf`, a snippet to `include` in the `server` block serving the folder.
    case nginx
    /// `_host/redirects.json`, the alias list the S3 target writes as website-redirect objects.
    case s3

    /// Cloudflare Pages reads the same two files as Netlify.
    static let synonyms = ["cloudflare": HostKind.netlify]

    /// The files each kind writes (site paths).
    var files: [String] {
        switch self {
        case .netlify: ["_headers", "_redirects"]
        case .nginx: [HostFiles.nginxPath]
        case .s3: [HostFiles.redirectListPath]
        }
    }

    static func < (left: HostKind, right: HostKind) -> Bool { left.rawValue < right.rawValue }

    /// `host: [netlify, nginx]`: known hosts only, each problem at its own line.
    static func decode(_ node: Node, fields: inout YAMLFields) -> Set<HostKind> {
        let valid = (allCases.map(\.rawValue) + synonyms.keys).sorted().joined(separator: ", ")
        let entries: [Node]
        switch node {
        case .sequence(let sequence): entries = Array(sequence)
        case .scalar: entries = [node]
        default:
            fields.problem(at: node, "`host` must be a list of hosts, found a \(YAMLFields.describe(node))", fix: "write e.g. `host: [netlify, nginx]`; the hosts are: \(valid)")
            return []
        }
        var chosen: Set<HostKind> = []
        for entry in entries {
            guard let name = entry.scalar?.string, let kind = HostKind(rawValue: name) ?? synonyms[name] else {
                fields.problem(at: entry, "unknown host \(YAMLFields.quote(entry)) in `host`", fix: "use some of: \(valid)")
                continue
            }
            chosen.insert(kind)
        }
        return chosen
    }
}
