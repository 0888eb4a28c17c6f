import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// Every kind of build runs the same named steps (`StepName`), in order: `crossroads build`
/// without and with its cache prints exactly them with `--timings`, and the preview's rebuilds
/// (a full one, and one for an edited page body) report them too.
final class BuildStepsTests: XCTestCase {
    private let names = ["load", "model", "keys", "render", "outputs", "write"]

    func testFullCachedAndPreviewBuildsRunTheSameNamedSteps() throws {
        let scratch = try ScratchFolder("steps")
        defer { scratch.remove() }
        let site = try OutputSelectionTests.copyOfDefaultSite(in: scratch)
        let output = scratch.url.appendingPathComponent("out")
        for arguments in [["--no-cache"], []] {
            let result = try CrossroadsCLI.run(["build", "--timings", "--source", site.path, "--output", output.path] + arguments)
            XCTAssertEqual(result.exitStatus, 0, result.summary)
            let lines = result.stdout.split(separator: "\n").filter { $0.hasSuffix(" ms") }
            XCTAssertEqual(lines.map { String($0.split(separator: " ")[0]) }, names, "build \(arguments): \(result.stdout)")
        }

        let preview = IncrementalBuilder(options: BuildOptions(source: site, output: scratch.url.appendingPathComponent("preview")))
        XCTAssertEqual(try preview.build().steps.map(\.name), names, "the preview's first build")
        let page = site.appendingPathComponent("content/pitfalls/no-training.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nOne more line.\n").write(to: page, atomically: true, encoding: .utf8)
        let edit = try preview.build(changedPaths: ["content/pitfalls/no-training.md"])
        XCTAssertTrue(edit.editedPagesOnly)
        XCTAssertEqual(edit.steps.map(\.name), names, "the preview's rebuild of an edited page")
    }
}
