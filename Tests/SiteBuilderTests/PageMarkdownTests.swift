import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// A build holds a page's Markdown only until the page and its copies are written (`PageMarkdown`),
/// so the bodies of a large site are not all alive beside what the rendered pages leave: after the
/// render step, a body asked for again is read from its file, and a body given as text is kept.
final class PageMarkdownTests: XCTestCase {
    func testTheRenderStepLetsGoOfEveryBodyItWroteAndABodyAskedForAgainIsReadFromItsFile() throws {
        let scratch = try ScratchFolder("page-bodies")
        defer { scratch.remove() }
        let source = try OutputSelectionTests.copyOfDefaultSite(in: scratch)
        let (site, templates, assets) = try loadInputs(BuildOptions(source: source, output: scratch.url.appendingPathComponent("out")),
                                                       markdownCache: nil)
        let renderer = SiteRenderer(model: try SiteModel(loaded: site), templates: templates, assets: assets)
        let writer = try StagedOutputWriter(output: scratch.url.appendingPathComponent("out"))
        defer { writer.abandon() }
        _ = try renderer.claimOutputs(into: writer, emitGolden: false)
        let loadedBodies = renderer.site.pages.map(\.body)
        XCTAssertFalse(loadedBodies.contains(""), "every page of the default site has a body")

        let rendered = renderer.renderPages(renderer.keyPages(reuse: nil, writer: writer), writer: writer, serially: true)
        XCTAssertTrue(rendered.allSatisfy(\.errors.errors.isEmpty), "\(rendered.map(\.errors.errors))")
        // Each file now says something else: a body still held would be the loaded one.
        // (Without asking for the bodies: a body read again is held again.)
        for (index, page) in renderer.site.pages.enumerated() {
            let file = source.appendingPathComponent(page.file)
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: loadedBodies[index], with: "Written after the build.\n").write(to: file, atomically: true, encoding: .utf8)
        }
        for (index, page) in renderer.site.pages.enumerated() {
            XCTAssertEqual(page.body, "Written after the build.\n", "\(page.file): loaded \(loadedBodies[index].prefix(40))…")
        }
    }

    func testABodyGivenAsTextIsKept() {
        let page = Page(contentPath: "index.md", file: "content/index.md", metadata: PageMetadata(title: "Home"), body: "Kept.\n",
                        bodyFirstLine: 4, sitePath: "", sourceHash: 0)
        page.bodyText.release()
        XCTAssertEqual(page.body, "Kept.\n")
    }
}
