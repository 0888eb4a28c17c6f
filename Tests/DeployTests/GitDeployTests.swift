import Deploy
import Foundation
import TestSupport
import XCTest

/// `crossroads deploy` to a git branch of a bare repository the test makes: the branch holds
/// exactly the built site plus `.nojekyll`; an unchanged site makes no commit; `history: replace`
/// leaves one commit; the user's own repository (the site folder) is never touched.
final class GitDeployTests: XCTestCase {
    func testBranchHoldsExactlyTheBuiltSiteCommitsOnlyChangesAndReplaceKeepsOneCommit() throws {
        let site = try DeploySite("git", settings: """
        deploy:
          pages: {url: "../remote.git", branch: gh-pages}
          flat: {url: "file://SCRATCH/remote.git", branch: site, history: replace}
        """)
        let remote = site.path("remote.git")
        try git(["init", "--quiet", "--bare", remote.path], in: site.scratch.url)
        // The site folder is a repository of its own, with a commit: its worktree, index and branches stay as they are.
        try site.write(".gitignore", "public/\n.crossroads-cache/\n")
        try git(["init", "--quiet"], in: site.folder)
        try git(["add", "--all"], in: site.folder)
        try git(["-c", "user.name=Test", "-c", "user.email=test@localhost", "commit", "--quiet", "-m", "site"], in: site.folder)
        let own = try ownRepository(site)
        let temporaryBefore = try temporaryRepositories()

        try site.deploy(["pages"])
        XCTAssertEqual(try branchFiles("gh-pages", of: remote, site: site), try expected(site))
        XCTAssertEqual(try commits("gh-pages", of: remote), 1)
        let first = try git(["rev-parse", "gh-pages"], in: remote)

        try site.deploy(["pages"])
        XCTAssertEqual(try git(["rev-parse", "gh-pages"], in: remote), first, "an unchanged site makes no commit")

        try site.edit("content/pitfalls/no-training.md") { $0.replacingOccurrences(of: "The usual reason", with: "The most usual reason") }
        try site.deploy(["pages"])
        XCTAssertEqual(try commits("gh-pages", of: remote), 2, "history: keep appends a commit")
        XCTAssertEqual(try branchFiles("gh-pages", of: remote, site: site), try expected(site))

        try site.deploy(["flat"])
        try site.edit("content/pitfalls/no-training.md") { $0.replacingOccurrences(of: "The most usual reason", with: "The usual reason") }
        try site.deploy(["flat"])
        XCTAssertEqual(try commits("site", of: remote), 1, "history: replace leaves one commit")
        XCTAssertEqual(try branchFiles("site", of: remote, site: site), try expected(site))
        let replaced = try git(["rev-parse", "site"], in: remote)
        try site.deploy(["flat"])
        XCTAssertEqual(try git(["rev-parse", "site"], in: remote), replaced)

        XCTAssertEqual(try ownRepository(site), own, "the site's own repository is untouched")
        XCTAssertEqual(try temporaryRepositories().subtracting(temporaryBefore), [], "the temporary repositories are removed")
    }

    private func temporaryRepositories() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix("crossroads-deploy-") })
    }

    /// The built site plus `.nojekyll`, key -> MD5.
    private func expected(_ site: DeploySite) throws -> [String: String] {
        var files = try site.builtFiles()
        files[".nojekyll"] = LocalSite.md5Hex(Data())
        return files
    }

    private func branchFiles(_ branch: String, of remote: URL, site: DeploySite) throws -> [String: String] {
        let checkout = site.path("checkout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: checkout) }
        try git(["--git-dir", remote.path, "--work-tree", checkout.path, "checkout", branch, "--", "."], in: checkout)
        return try LocalSite.read(folder: checkout).files.mapValues(\.md5)
    }

    private func commits(_ branch: String, of remote: URL) throws -> Int {
        Int(try git(["rev-list", "--count", branch], in: remote)) ?? -1
    }

    private func ownRepository(_ site: DeploySite) throws -> String {
        try ["rev-parse HEAD", "status --porcelain", "branch --all", "stash list"].map {
            try git($0.split(separator: " ").map(String.init), in: site.folder)
        }.joined(separator: "\n")
    }
}

/// Runs git in `folder`; its standard output, trimmed. Fails the test (by throwing) when git does.
@discardableResult
func git(_ arguments: [String], in folder: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = folder
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("git-test-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: scratch.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: scratch) }
    process.standardOutput = try FileHandle(forWritingTo: scratch)
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let output = (try? String(contentsOf: scratch, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0 else { throw HardeningError("git \(arguments.joined(separator: " ")) failed in \(folder.path)") }
    return output.trimmingCharacters(in: .whitespacesAndNewlines)
}
