import Dispatch
import Foundation
@testable import PreviewServer
import SiteBuilder
import XCTest

final class RebuildCoordinatorTests: XCTestCase {
    func testChangesDuringABuildBecomeExactlyOneMoreBuild() async throws {
        let builder = GatedBuilder()
        let events = EventBroadcaster()
        let coordinator = RebuildCoordinator(builder: builder, status: StatusStore(), events: events, log: { _ in })

        await coordinator.request(changes: ["content/a.md"])
        try await offPool { builder.firstBuildStarted.wait() }
        // The first build is now running and blocked: these arrive during it.
        await coordinator.request(changes: ["content/b.md"])
        await coordinator.request(changes: ["content/c.md"])
        await coordinator.request(changes: ["content/b.md"])
        builder.releaseFirstBuild.signal()
        await coordinator.waitUntilIdle()

        XCTAssertEqual(builder.calls, [["content/a.md"], ["content/b.md", "content/c.md"]])
        XCTAssertEqual(builder.maximumConcurrent, 1, "builds never overlap")
    }

    func testAFailedBuildIsRecordedAndTheNextSuccessClearsIt() async {
        let builder = ScriptedBuilder(outcomes: [.success("ok"), .failure, .success("ok")])
        let status = StatusStore()
        let coordinator = RebuildCoordinator(builder: builder, status: status, events: EventBroadcaster(), log: { _ in })
        await coordinator.buildEverything()
        XCTAssertEqual(status.current, BuildStatus(build: 1, attempts: 1, error: nil))
        await coordinator.request(changes: ["content/a.md"])
        await coordinator.waitUntilIdle()
        XCTAssertEqual(status.current.build, 1)
        XCTAssertEqual(status.current.error?.first?.file, "content/a.md")
        XCTAssertEqual(status.current.error?.first?.line, 7)
        await coordinator.request(changes: ["content/a.md"])
        await coordinator.waitUntilIdle()
        XCTAssertEqual(status.current, BuildStatus(build: 2, attempts: 3, error: nil))
    }

    func testSnapshotsSeeAddedChangedAndRemovedFiles() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/deep"), withIntermediateDirectories: true)
        try "a".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        try "b".write(to: site.appendingPathComponent("content/deep/b.md"), atomically: true, encoding: .utf8)
        try "c".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let first = SourceSnapshot.take(of: site)

        try "a, longer".write(to: site.appendingPathComponent("content/a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/deep/b.md"))
        try "new".write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "ignored".write(to: site.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "scratch".write(to: site.appendingPathComponent("content/.#a.md"), atomically: true, encoding: .utf8)

        XCTAssertEqual(SourceSnapshot.take(of: site).changes(since: first), ["content/a.md", "content/deep/b.md", "site.yml"])
        XCTAssertEqual(SourceSnapshot.take(of: site).changes(since: SourceSnapshot.take(of: site)), [])
    }
}

/// Blocks its first build until the test lets it go, and records every call.
private final class GatedBuilder: PreviewSiteBuilder, @unchecked Sendable {
    let firstBuildStarted = DispatchSemaphore(value: 0)
    let releaseFirstBuild = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var recorded: [Set<String>] = []
    private var running = 0
    private var maximum = 0

    var calls: [Set<String>] { lock.withLock { recorded } }
    var maximumConcurrent: Int { lock.withLock { maximum } }

    func build(changedPaths: Set<String>?) throws -> String {
        let isFirst = lock.withLock { () -> Bool in
            recorded.append(changedPaths ?? [])
            running += 1
            maximum = max(maximum, running)
            return recorded.count == 1
        }
        if isFirst {
            firstBuildStarted.signal()
            releaseFirstBuild.wait()
        }
        lock.withLock { running -= 1 }
        return "built"
    }
}

private final class ScriptedBuilder: PreviewSiteBuilder, @unchecked Sendable {
    enum Outcome { case success(String), failure }
    private let lock = NSLock()
    private var outcomes: [Outcome]

    init(outcomes: [Outcome]) { self.outcomes = outcomes }

    func build(changedPaths: Set<String>?) throws -> String {
        let next = lock.withLock { outcomes.isEmpty ? Outcome.success("extra") : outcomes.removeFirst() }
        switch next {
        case .success(let summary): return summary
        case .failure: throw BuildFailure([SiteError(file: "content/a.md", line: 7, message: "broken on purpose")])
        }
    }
}
