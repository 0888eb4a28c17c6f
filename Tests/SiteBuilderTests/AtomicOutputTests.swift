import Foundation
import SiteBuilder
import XCTest

/// A failed build leaves the previous output exactly as it was, with no staging folder behind.
final class AtomicOutputTests: XCTestCase {
    func testFailedLoadLeavesPreviousOutputIntact() throws {
        try assertFailedRebuildKeepsOutput { folder in
            // Bad YAML: found while loading, before anything is staged.
            try folder.write("content/pitfalls/second.md", "---\ntitle: [unclosed\nkind: pitfall\n---\nText.\n")
        }
    }

    func testFailedRenderLeavesPreviousOutputIntact() throws {
        try assertFailedRebuildKeepsOutput { folder in
            // A broken content link: found while rendering, after pages were staged.
            try folder.write("content/pitfalls/second.md", "---\ntitle: Second\nkind: pitfall\n---\nSee [x](@/nowhere.md).\n")
        }
    }

    func testFailedTemplateLeavesPreviousOutputIntact() throws {
        try assertFailedRebuildKeepsOutput { folder in
            try folder.write("templates/tags.mustache", "{{<base}}{{$main}}{{#tags}}unclosed{{/main}}{{/base}}\n")
        }
    }

    func testSuccessfulRebuildReplacesOutputAndLeavesNothingBehind() throws {
        let folder = try TemporaryFolder("atomic")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let output = folder.url.appendingPathComponent("out/public")
        try buildSite(source: folder.url, output: output)
        try Data("left from before".utf8).write(to: output.appendingPathComponent("stale.txt"))
        try folder.delete("content/pendulum/swing.md")
        let rebuilt = try buildSite(source: folder.url, output: output)
        XCTAssertFalse(rebuilt.exists("stale.txt"), "files of the previous build must not survive a rebuild")
        XCTAssertFalse(rebuilt.exists("pendulum/swing/index.html"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path), ["public"])
    }

    private func assertFailedRebuildKeepsOutput(file: StaticString = #filePath, line: UInt = #line,
                                                _ breakSite: (TemporaryFolder) throws -> Void) throws {
        let folder = try TemporaryFolder("atomic")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let output = folder.url.appendingPathComponent("out/public")
        let built = try buildSite(source: folder.url, output: output)
        let before = built.snapshot
        XCTAssertGreaterThan(before.count, 10, file: file, line: line)

        try breakSite(folder)
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: folder.url, output: output)), file: file, line: line) { error in
            XCTAssertTrue(error is BuildFailure, "expected BuildFailure, got \(error)", file: file, line: line)
        }
        let after = built.snapshot
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted(), "the file set changed", file: file, line: line)
        XCTAssertTrue(after == before, "some file changed after a failed build", file: file, line: line)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        XCTAssertEqual(siblings, ["public"], "staging or previous folders left behind", file: file, line: line)
    }
}
