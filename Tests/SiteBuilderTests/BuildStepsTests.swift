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

    /// The site's own rules and its reading order belong to the model step (so `--timings`'
    /// "model" covers them): the load step reads files only; the model reports a `read_next` that
    /// names no page, together with the files' own problems, and orders the pages.
    func testTheSitesRulesAndOrderAreTheModelStep() throws {
        let folder = try TemporaryFolder("model-step")
        defer { folder.remove() }
        let page = { (title: String, weight: Int, extra: String) in "---\ntitle: \(title)\nkind: pitfall\nweight: \(weight)\n\(extra)---\nBody.\n" }
        try MinimalSite.write(into: folder, extra: [
            "content/pitfalls/a.md": page("A", 2, "read_next: [pitfalls/gone.md]\n"),
            "content/pitfalls/b.md": page("B", 1, ""),
        ])
        let loaded = try SiteLoader(sourceFolder: folder.url).read()
        let ours = { (pages: [Page]) in pages.map(\.contentPath).filter { ["pitfalls/a.md", "pitfalls/b.md"].contains($0) } }
        XCTAssertTrue(loaded.problems.isEmpty, "reading files found a problem of the site's rules: \(loaded.problems)")
        XCTAssertEqual(ours(loaded.site.pages), ["pitfalls/a.md", "pitfalls/b.md"], "file order")
        XCTAssertThrowsError(try SiteModel(loaded: loaded)) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.map(\.file), ["content/pitfalls/a.md"], "\(error)")
            XCTAssertTrue("\(error)".contains("`read_next` names pitfalls/gone.md"), "\(error)")
        }

        // With a file that fails too, both come in one report.
        try Data("---\ntitle: [\n---\n".utf8).write(to: folder.url.appendingPathComponent("content/pitfalls/c.md"))
        let broken = try SiteLoader(sourceFolder: folder.url).read()
        XCTAssertEqual(broken.problems.map(\.file), ["content/pitfalls/c.md"])
        XCTAssertThrowsError(try SiteModel(loaded: broken)) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.map(\.file), ["content/pitfalls/a.md", "content/pitfalls/c.md"], "\(error)")
        }

        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/pitfalls/c.md"))
        try page("A", 2, "").write(to: folder.url.appendingPathComponent("content/pitfalls/a.md"), atomically: true, encoding: .utf8)
        let model = try SiteModel(loaded: SiteLoader(sourceFolder: folder.url).read())
        XCTAssertEqual(ours(model.site.pages), ["pitfalls/b.md", "pitfalls/a.md"], "reading order: by weight")
    }
}
