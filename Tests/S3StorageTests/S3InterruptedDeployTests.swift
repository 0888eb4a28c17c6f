import Deploy
import Foundation
import S3Storage
import Synchronization
import TestSupport
import XCTest

/// A deploy to S3 cut off part way (the network drops, the user presses Ctrl-C) leaves a bucket
/// whose every page links only to files that are there: the plan's order (new assets, changed
/// assets, new pages, changed pages, deletions last) proven on what S3 holds after each cut.
final class S3InterruptedDeployTests: XCTestCase {
    /// Passes uploads on to S3 until `limit` have gone, then fails as a dropped connection would.
    private struct CutOff: DeployDestination {
        let inner: S3Destination
        let limit: Int
        let done = Counter()

        final class Counter: Sendable {
            let value = Mutex(0)
            func next() -> Int { value.withLock { $0 += 1; return $0 } }
        }

        var description: String { inner.description }
        func listing() async throws -> [String: RemoteFile] { try await inner.listing() }
        func upload(_ file: PlannedUpload) async throws {
            guard done.next() <= limit else { throw HardeningError("the connection dropped after \(limit) uploads") }
            try await inner.upload(file)
        }
        func delete(_ keys: [String]) async throws { try await inner.delete(keys) }
        func finish(summary: DeploySummary) async throws { try await inner.finish(summary: summary) }
    }

    func testADeployCutOffAnywhereLeavesNoPageLinkingToAMissingFile() async throws {
        let moto = try MotoServer()
        let scratch = try ScratchFolder("s3-cut")
        defer {
            moto.stop()
            scratch.remove()
        }
        let site = scratch.url.appendingPathComponent("site")
        let old = scratch.url.appendingPathComponent("old"), new = scratch.url.appendingPathComponent("new")
        func build(into output: URL) throws {
            let result = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
            XCTAssertEqual(result.exitStatus, 0, result.summary)
        }
        XCTAssertEqual(try CrossroadsCLI.run(["new", site.path]).exitStatus, 0)
        let removed = site.appendingPathComponent("content/pitfalls/the-old-one.md")
        try "---\ntitle: \"An old pitfall\"\nkind: pitfall\nsummary: \"Gone in the next edition.\"\n---\nA page the next edition drops.\n"
            .write(to: removed, atomically: true, encoding: .utf8)
        try build(into: old)

        // The next edition: every stylesheet changes (so do their hashed names and every page that
        // loads them), a page is added (the section's index links to it) and one is removed.
        for name in try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("templates/assets").path) where name.hasSuffix(".css") {
            let file = site.appendingPathComponent("templates/assets/\(name)")
            try (String(contentsOf: file, encoding: .utf8) + "\n/* next edition */\n").write(to: file, atomically: true, encoding: .utf8)
        }
        let added = site.appendingPathComponent("content/pitfalls/the-new-one.md")
        try "---\ntitle: \"A new pitfall\"\nkind: pitfall\nsummary: \"Added by the next edition.\"\n---\nA page the section index links to.\n"
            .write(to: added, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: removed)
        try build(into: new)

        let oldSite = try LocalSite.read(folder: old), newSite = try LocalSite.read(folder: new)
        let plan = DeployPlan(local: newSite, remote: oldSite.files.mapValues { RemoteFile(md5: $0.md5, size: $0.size) })
        XCTAssertTrue(plan.uploads.contains { $0.key.hasSuffix(".css") && $0.reason == .new }, "new hashed stylesheets")
        XCTAssertTrue(plan.uploads.contains { $0.key == "pitfalls/the-new-one/index.html" })
        XCTAssertFalse(plan.deletions.isEmpty)

        let client = try await moto.makeBucket()
        // Half way (the new assets and some pages are up) and one short of the end (every page but one).
        let cuts = Set([plan.uploads.count / 2, plan.uploads.count - 1]).sorted()
        for cut in cuts {
            let prefix = "cut-\(cut)"
            let destination = S3Destination(client: client, prefix: prefix)
            _ = try await DeployExecutor().deploy(oldSite, to: destination)
            let remote = RemoteSite(client: client, prefix: prefix + "/")
            if cut == cuts[0] {
                let broken = try await remote.brokenLinks()
                XCTAssertEqual(broken, [], "the old edition, whole, links only to what it holds")
            }
            do {
                _ = try await DeployExecutor().deploy(newSite, to: CutOff(inner: destination, limit: cut))
                XCTFail("the deploy cut off after \(cut) uploads went through")
            } catch {}
            let broken = try await remote.brokenLinks()
            XCTAssertEqual(broken, [], "after \(cut) of \(plan.uploads.count) uploads")
            let held = try await remote.etags()
            XCTAssertTrue(plan.deletions.allSatisfy { held[$0] != nil }, "nothing is deleted before every upload is done")
        }
    }
}
