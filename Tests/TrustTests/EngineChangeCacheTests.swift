import Foundation
import TestSupport
import XCTest

/// A cache written by one build of Crossroads is not trusted by another: a new binary may render
/// the same sources differently, so reusing the old pages would publish stale output.
final class EngineChangeCacheTests: XCTestCase {
    func testAnotherBinaryRendersEveryPageAgain() throws {
        let scratch = try ScratchFolder("engine-change")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        let output = scratch.url.appendingPathComponent("public")
        try StaleCacheCommandTests.copyDefaultSite(to: site)
        // The same program as another file: what an upgrade looks like to the cache.
        let otherBinary = scratch.url.appendingPathComponent("crossroads")
        try FileManager.default.copyItem(at: try CrossroadsCLI.url(), to: otherBinary)

        let first = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
        XCTAssertEqual(first.exitStatus, 0, first.summary)
        let sameBinary = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
        XCTAssertEqual(sameBinary.exitStatus, 0, sameBinary.summary)
        XCTAssertTrue(sameBinary.stdout.contains("reused from the cache"), "the same binary reuses its cache: \(sameBinary.summary)")

        let process = try RunningCommand(executable: otherBinary, arguments: ["build", "--source", site.path, "--output", output.path])
        let upgraded = process.finish()
        XCTAssertEqual(upgraded.exitStatus, 0, upgraded.summary)
        XCTAssertFalse(upgraded.stdout.contains("reused from the cache"), "another binary must not reuse pages it did not render: \(upgraded.summary)")
    }
}
