import Deploy
import Foundation
import Synchronization
import TestSupport
import XCTest

/// A deploy cut off after any number of uploads (a destination that fails half way) leaves a
/// site whose every page links only to files the destination holds: the plan's order at work.
final class InterruptedDeployTests: XCTestCase {
    func testADeployCutOffAnywhereLeavesNoPageLinkingToAMissingFile() async throws {
        let site = try DeploySite("cut", settings: "", extraPages: 1)
        let before = site.path("before"), after = site.path("after")
        try build(site, into: before)
        // A new stylesheet (a new hashed file every page loads), a new page an old page links to, a removed page.
        try site.edit("templates/assets/site.css") { $0 + "\n.deploy-test { color: #123456; }\n" }
        try site.write("content/pitfalls/new-pitfall.md", "---\ntitle: A new pitfall\nkind: pitfall\nsummary: Added by the test.\n---\nNew words.\n")
        try site.edit("content/pitfalls/no-training.md") { $0 + "\n\nSee also [the new pitfall](@/pitfalls/new-pitfall.md).\n" }
        try site.remove("content/pitfalls/extra-0.md")
        try build(site, into: after)

        let deployed = site.path("deployed")
        try await DeployExecutor().deploy(try LocalSite.read(folder: before), to: FolderDestination(root: deployed))
        XCTAssertEqual(missingLinkTargets(in: deployed), [], "the first site is whole")
        let plan = DeployPlan(local: try LocalSite.read(folder: after), remote: try await FolderDestination(root: deployed).listing())
        XCTAssertGreaterThan(plan.uploads.count, 10)
        XCTAssertTrue(plan.uploads.contains { $0.key == "pitfalls/new-pitfall/index.html" && $0.reason == .new })
        XCTAssertTrue(plan.deletions.contains("pitfalls/extra-0/index.html"))

        let count = plan.uploads.count
        // Cuts spread over the whole plan, both ends and the first and last upload included.
        for cut in Set(Array(stride(from: 0, through: count, by: max(1, count / 8))) + [1, count - 1, count]).sorted() {
            let remote = site.path("cut-\(cut)")
            try FileManager.default.copyItem(at: deployed, to: remote)
            let failing = FailingDestination(FolderDestination(root: remote), failingAfter: cut)
            do {
                try await DeployExecutor().run(plan, on: failing)
                XCTFail("the destination should have failed after \(cut) uploads")
            } catch is FailingDestination.Cut {}
            XCTAssertEqual(missingLinkTargets(in: remote), [], "cut after \(cut) of \(count) uploads: \(plan.uploads.prefix(cut).map(\.key))")
            try FileManager.default.removeItem(at: remote)
        }
    }

    private func build(_ site: DeploySite, into output: URL) throws {
        let result = try CrossroadsCLI.run(["build", "--source", site.folder.path, "--output", output.path])
        XCTAssertEqual(result.exitStatus, 0, result.summary)
    }
}

/// A destination that fails like a dropped connection: after `failingAfter` uploads, every call throws.
final class FailingDestination: DeployDestination {
    struct Cut: Error {}

    let inner: FolderDestination
    let failingAfter: Int
    private let uploads = Mutex(0)

    init(_ inner: FolderDestination, failingAfter: Int) {
        self.inner = inner
        self.failingAfter = failingAfter
    }

    var description: String { "failing " + inner.description }

    func listing() async throws -> [String: RemoteFile] { try await inner.listing() }

    func upload(_ file: PlannedUpload) async throws {
        let allowed = uploads.withLock { count in
            count += 1
            return count <= failingAfter
        }
        guard allowed else { throw Cut() }
        try await inner.upload(file)
    }

    func delete(_ keys: [String]) async throws { throw Cut() }

    func finish(summary: DeploySummary) async throws { throw Cut() }
}
