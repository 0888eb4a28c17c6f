import Foundation

/// A branch of a git repository (GitHub Pages, GitLab Pages, any git host), through the `git`
/// command. The branch is fetched into a temporary repository of its own, which the plan edits
/// like a folder; `finish` commits there and pushes. The user's own repository, worktree and
/// index are never touched (git's `GIT_*` variables are cleared so none leaks in), and the
/// temporary repository is removed when the destination goes away.
///
/// The branch holds exactly the built site plus `.nojekyll` (GitHub Pages would otherwise drop
/// folders starting with `_`). `keep` appends a commit; `replace` pushes one orphan commit
/// (forced). A deploy that changes nothing commits and pushes nothing.
public final class GitDestination: DeployDestination {
    public enum History: Sendable { case keep, replace }

    public let remote: String
    public let branch: String
    public let history: History
    let work: URL
    let folder: FolderDestination

    static let noJekyll = ".nojekyll"

    public init(remote: String, branch: String, history: History) throws {
        self.remote = remote
        self.branch = branch
        self.history = history
        work = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-deploy-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        folder = FolderDestination(root: work, foreign: [".git"])
    }

    deinit { try? FileManager.default.removeItem(at: work) }

    /// The remote without a password or token, should one be in it.
    public var description: String { "\(Self.withoutCredentials(remote)) (branch \(branch))" }

    public func listing() async throws -> [String: RemoteFile] {
        try git(["init", "--quiet"])
        let heads = try git(["ls-remote", "--heads", "--", remote, "refs/heads/\(branch)"], step: "reading the branches of")
        if !heads.isEmpty {
            try git(["fetch", "--quiet", "--depth=1", "--", remote, "refs/heads/\(branch)"], step: "fetching")
            try git(["checkout", "--quiet", "-B", branch, "FETCH_HEAD"])
        } else {
            try git(["checkout", "--quiet", "--orphan", branch])
        }
        return try await folder.listing().filter { $0.key != Self.noJekyll }
    }

    public func upload(_ file: PlannedUpload) async throws { try await folder.upload(file) }

    public func delete(_ keys: [String]) async throws { try await folder.delete(keys) }

    public func finish(summary: DeploySummary) async throws {
        if !FileManager.default.fileExists(atPath: work.appendingPathComponent(Self.noJekyll).path) {
            try Data().write(to: work.appendingPathComponent(Self.noJekyll))
        }
        try git(["add", "--all", "--", "."])
        let staged = try git(["status", "--porcelain"])
        guard !staged.isEmpty else { return }
        let message = "Deploy: \(summary.uploaded) uploaded, \(summary.deleted) deleted, \(summary.unchanged) unchanged"
        switch history {
        case .keep:
            try git(identity + ["commit", "--quiet", "--no-verify", "-m", message])
            try git(["push", "--quiet", "--", remote, "HEAD:refs/heads/\(branch)"], step: "pushing to")
        case .replace:
            try git(["checkout", "--quiet", "--orphan", "crossroads-deploy-replace"])
            try git(identity + ["commit", "--quiet", "--no-verify", "-m", message])
            try git(["push", "--quiet", "--force", "--", remote, "HEAD:refs/heads/\(branch)"], step: "pushing to")
        }
    }

    /// The committer: the user's own git identity when there is one, otherwise a stand-in (a
    /// fresh machine or CI has none, and the commit would fail).
    var identity: [String] {
        let configured = (try? git(["config", "user.email"])) ?? ""
        return configured.isEmpty ? ["-c", "user.name=Crossroads", "-c", "user.email=crossroads@localhost"] : []
    }

    /// Runs git in the temporary repository; its standard output, trimmed. A failure says which step and what git said.
    @discardableResult
    func git(_ arguments: [String], step: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", work.path] + arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let output = work.deletingLastPathComponent().appendingPathComponent(work.lastPathComponent + ".out")
        let errors = work.deletingLastPathComponent().appendingPathComponent(work.lastPathComponent + ".err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw DeployError.destination("starting git", reason: "\(error.localizedDescription); install git (apt-get install git)")
        }
        process.waitUntilExit()
        let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let what = step.map { "\($0) \(description)" } ?? "running git \(arguments.first ?? "")"
            throw DeployError.destination(what, reason: Self.withoutCredentials(said.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return ((try? String(contentsOf: output, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `https://user:token@host/x` -> `https://host/x`; other remotes as they are.
    static func withoutCredentials(_ text: String) -> String {
        text.replacingOccurrences(of: #"://[^/@\s]+@"#, with: "://", options: .regularExpression)
    }
}
