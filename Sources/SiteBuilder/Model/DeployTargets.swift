import Foundation
import Yams

/// A place `crossroads deploy` publishes to, named under `deploy:` in `site.yml`:
///
///     deploy:
///       pages: {url: "git@github.com:me/guides.git", branch: gh-pages, history: replace}
///       www:   {url: "file:///srv/www/guides"}
///       cdn:   {url: "s3://bucket/guides", endpoint: "https://s3.example.com", region: eu-west-1, path_style: true}
///
/// The kind follows from the settings: `s3://` is a bucket; a target with `branch` or `history`,
/// or a URL that is not `file://`, is a git remote; `file://` alone is a folder.
public struct DeployTarget: Sendable, Equatable {
    public enum History: String, Sendable, Equatable {
        /// Each deploy that changes something appends a commit to the branch.
        case keep
        /// The branch holds one commit, replaced (force-pushed) by each deploy that changes something.
        case replace
    }

    public struct S3: Sendable, Equatable {
        public var bucket: String
        /// Key prefix inside the bucket, without leading or trailing `/` ("" for the bucket's root).
        public var prefix: String
        public var endpoint: String?
        public var region: String?
        public var pathStyle: Bool
    }

    public enum Kind: Sendable, Equatable {
        case folder(path: String)
        case git(remote: String, branch: String, history: History)
        case s3(S3)
    }

    public var name: String
    public var url: String
    public var kind: Kind
    /// Where the target is written in `site.yml`, for messages.
    public var line: Int?

    static let defaultBranch = "gh-pages"
    static let commonFields: Set<String> = ["url"]
    static let gitFields: Set<String> = ["branch", "history"]
    static let s3Fields: Set<String> = ["endpoint", "region", "path_style"]

    /// `deploy:`: a mapping of target names to their settings, every problem at its line.
    static func decode(_ node: Node, fields: inout YAMLFields) -> [DeployTarget] {
        guard node.mapping != nil else {
            fields.problem(at: node, "`deploy` must map target names to their settings, found a \(YAMLFields.describe(node))",
                           fix: "write e.g. `deploy:` then on the next line `  www: {url: \"file:///srv/www/guides\"}`")
            return []
        }
        var names = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, node: node)
        var targets: [DeployTarget] = []
        for (name, key) in names.keys {
            guard let value = names.value(name), value.mapping != nil else {
                names.problem(at: key, "deploy target `\(name)` needs settings", fix: "write `\(name): {url: \"file:///srv/www/guides\"}`")
                continue
            }
            var settings = YAMLFields(file: fields.file, lineOffset: fields.lineOffset, node: value)
            if let target = decodeTarget(name, line: names.position(of: key).line, settings: &settings) { targets.append(target) }
            for error in settings.errors { names.problem(error) }
        }
        for error in names.errors { fields.problem(error) }
        return targets
    }

    private static func decodeTarget(_ name: String, line: Int?, settings: inout YAMLFields) -> DeployTarget? {
        guard let url = settings.string("url")?.trimmingCharacters(in: .whitespaces), !url.isEmpty else {
            if settings.errors.isEmpty {
                settings.problem(at: settings.node, "deploy target `\(name)` has no `url`",
                                 fix: "add `url:` with a folder (file:///srv/www/guides), a bucket (s3://bucket/prefix) or a git remote")
            }
            return nil
        }
        let present = Set(settings.keys.map(\.name))
        let isGit = !url.hasPrefix("s3://") && (!present.isDisjoint(with: gitFields) || !url.hasPrefix("file://"))
        let allowed = commonFields.union(url.hasPrefix("s3://") ? s3Fields : isGit ? gitFields : [])
        let kindName = url.hasPrefix("s3://") ? "an S3 target" : isGit ? "a git target" : "a folder target"
        for (field, key) in settings.keys where !allowed.contains(field) {
            settings.problem(at: key, "`\(field)` is not a setting of \(kindName) (deploy target `\(name)`)",
                             fix: "use \(allowed.sorted().map { "`\($0)`" }.joined(separator: ", "))")
        }
        guard let urlNode = settings.value("url") else { return nil }
        if let credentials = credentialsProblem(url) {
            settings.problem(at: urlNode, "the `url` of deploy target `\(name)` holds \(credentials)",
                             fix: "site.yml is shared: remove it from the URL and use a git credential helper, an SSH key or the AWS environment variables")
            return nil
        }
        if url.hasPrefix("s3://") {
            let rest = url.dropFirst("s3://".count)
            let bucket = String(rest.prefix { $0 != "/" })
            let prefix = rest.dropFirst(bucket.count).split(separator: "/").joined(separator: "/")
            guard !bucket.isEmpty else {
                settings.problem(at: urlNode, "`\(url)` names no bucket", fix: "write `url: s3://bucket` or `url: s3://bucket/prefix`")
                return nil
            }
            var endpoint: String?
            if let text = settings.string("endpoint"), let node = settings.value("endpoint") {
                if let parsed = URL(string: text), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil {
                    endpoint = text
                } else {
                    settings.problem(at: node, "`endpoint` must be an http(s) URL, found \"\(text)\"", fix: "write e.g. `endpoint: https://s3.eu-west-1.amazonaws.com`")
                }
            }
            let s3 = S3(bucket: bucket, prefix: prefix, endpoint: endpoint, region: settings.string("region"), pathStyle: settings.bool("path_style") ?? false)
            return DeployTarget(name: name, url: url, kind: .s3(s3), line: line)
        }
        if isGit {
            let branch = settings.string("branch") ?? defaultBranch
            if let node = settings.value("branch"), !isBranchName(branch) {
                settings.problem(at: node, "`\(branch)` is not a branch name git accepts", fix: "write e.g. `branch: gh-pages`")
            }
            var history = History.keep
            if let text = settings.string("history"), let node = settings.value("history") {
                if let chosen = History(rawValue: text) { history = chosen } else {
                    settings.problem(at: node, "`history` must be `keep` or `replace`, found \"\(text)\"",
                                     fix: "write `history: keep` (a commit per deploy) or `history: replace` (one commit, force-pushed)")
                }
            }
            return DeployTarget(name: name, url: url, kind: .git(remote: url, branch: branch, history: history), line: line)
        }
        let path = URL(string: url).map(\.path) ?? ""
        guard url.hasPrefix("file:///"), path.hasPrefix("/"), path != "/" else {
            settings.problem(at: urlNode, "`\(url)` is not an absolute folder", fix: "write `url: file:///srv/www/guides` (three slashes, then the absolute path)")
            return nil
        }
        return DeployTarget(name: name, url: url, kind: .folder(path: path), line: line)
    }

    /// A password or token written into a URL (`https://user:token@host/...`).
    static func credentialsProblem(_ url: String) -> String? {
        guard let parsed = URLComponents(string: url), parsed.password != nil else { return nil }
        return "a password or token"
    }

    /// What `git check-ref-format --branch` refuses, checked without running git.
    static func isBranchName(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("/"), !name.hasSuffix("/"), !name.hasSuffix(".lock"), !name.hasSuffix("."),
              !name.contains(".."), !name.contains("//"), !name.contains("@{"), name != "@" else { return false }
        return !name.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || "~^:?*[\\".unicodeScalars.contains($0) }
    }
}

extension SiteLoader {
    /// The deploy targets `site.yml` names, in the order written; `site.yml`'s own problems (any
    /// setting, not only `deploy:`) are thrown with their lines, as a build reports them.
    public func loadDeployTargets() throws(BuildFailure) -> [DeployTarget] {
        var errors = ErrorCollector()
        let config = loadConfig(&errors)
        if !errors.isEmpty { throw BuildFailure(errors.errors) }
        return config.deploy
    }
}
