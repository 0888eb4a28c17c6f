import Foundation
import SiteBuilder
import XCTest

/// Draft pages are left out unless the build asks for them.
final class DraftTests: XCTestCase {
    func testDraftsAreAbsentByDefaultAndPresentWhenIncluded() throws {
        let folder = try TemporaryFolder("drafts")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/unfinished.md": """
            ---
            title: Unfinished thoughts
            kind: pitfall
            draft: true
            tags: [secret-tag]
            ---
            Not ready.

            """])
        let output = folder.url.appendingPathComponent("public")
        let published = try buildSite(source: folder.url, output: output)
        XCTAssertFalse(published.exists("pitfalls/unfinished/index.html"))
        XCTAssertFalse(published.exists("tags/secret-tag/index.html"))
        for file in ["pitfalls/index.html", "sitemap.xml", "search-index/0.js", "index.html"] {
            XCTAssertFalse(published.text(file).contains("Unfinished thoughts"), "\(file) mentions the draft")
            XCTAssertFalse(published.text(file).contains("pitfalls/unfinished"), "\(file) links the draft")
        }

        let withDrafts = try buildSite(source: folder.url, output: output, includeDrafts: true)
        XCTAssertTrue(withDrafts.text("pitfalls/unfinished/index.html").contains("Not ready."))
        XCTAssertTrue(withDrafts.text("pitfalls/index.html").contains("Unfinished thoughts"))
        XCTAssertTrue(withDrafts.exists("tags/secret-tag/index.html"))
    }

    func testLinkToADraftIsBrokenWhenDraftsAreLeftOut() throws {
        let folder = try TemporaryFolder("drafts")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: [
            "content/pitfalls/unfinished.md": "---\ntitle: Unfinished\nkind: pitfall\ndraft: true\n---\nNot ready.\n",
            "content/about.md": "---\ntitle: About\n---\nSee [the draft](@/pitfalls/unfinished.md).\n",
        ])
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertEqual(errors.map(\.location), ["content/about.md:4"], "\(errors)")
        try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"), includeDrafts: true)
    }
}
