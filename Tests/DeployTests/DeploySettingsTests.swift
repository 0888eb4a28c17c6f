import Foundation
import TestSupport
import XCTest

/// `deploy:` and `host:` in site.yml are checked like every other setting: each problem at its
/// line, with a fix, before anything is built or sent; a credential in a URL is refused, not echoed.
final class DeploySettingsTests: XCTestCase {
    func testEveryProblemAtItsLine() throws {
        let site = try DeploySite("settings", settings: """
        host: [netlify, apache]
        deploy:
          bucket: {url: "s3://bucket/x", branch: main}
          relative: {url: "file://relative/folder"}
          secret: {url: "https://user:hunter2@example.com/r.git"}
          forever: {url: "git@example.com:r.git", history: forever}
          nowhere: {branch: main}
          bad-branch: {url: "git@example.com:r.git", branch: "a..b"}
        """)
        let result = try CrossroadsCLI.run(["deploy", "--dry-run", "--source", site.folder.path])
        XCTAssertEqual(result.exitStatus, 1, result.summary)
        let lines = try String(contentsOf: site.folder.appendingPathComponent("site.yml"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ start: String) -> Int { (lines.firstIndex { $0.hasPrefix(start) } ?? -1) + 1 }
        for (start, message) in [
            ("host:", "unknown host \"apache\" in `host`"),
            ("  bucket:", "`branch` is not a setting of an S3 target (deploy target `bucket`)"),
            ("  relative:", "`file://relative/folder` is not an absolute folder"),
            ("  secret:", "the `url` of deploy target `secret` holds a password or token"),
            ("  forever:", "`history` must be `keep` or `replace`, found \"forever\""),
            ("  nowhere:", "deploy target `nowhere` has no `url`"),
            ("  bad-branch:", "`a..b` is not a branch name git accepts"),
        ] {
            XCTAssertTrue(result.stderr.contains("site.yml:\(line(start)):"), "no error at the line of \(start):\n\(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "missing \(message):\n\(result.stderr)")
        }
        XCTAssertFalse(result.stderr.contains("hunter2") || result.stdout.contains("hunter2"), "a credential is never printed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.output.path), "nothing is built")
    }

    func testTargetIsChosenByName() throws {
        let none = try DeploySite("none", settings: "")
        let missing = try CrossroadsCLI.run(["deploy", "--source", none.folder.path])
        XCTAssertEqual(missing.exitStatus, 1)
        XCTAssertTrue(missing.stderr.contains("site.yml names no deploy target"), missing.stderr)

        let site = try DeploySite("named", settings: "deploy:\n  one: {url: \"file://SCRATCH/one\"}\n  two: {url: \"file://SCRATCH/two\"}")
        let unknown = try CrossroadsCLI.run(["deploy", "three", "--source", site.folder.path])
        XCTAssertEqual(unknown.exitStatus, 1)
        XCTAssertTrue(unknown.stderr.contains("no deploy target named `three`") && unknown.stderr.contains("one, two"), unknown.stderr)
        try site.deploy(["two", "--quiet"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.path("two/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.path("one").path))
        try site.deploy(["--quiet"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.path("one/index.html").path), "the first target by default")
    }
}
