import Foundation
import SiteBuilder
import XCTest

/// Headings get unique ids that the page's table of contents links to.
final class HeadingIDTests: XCTestCase {
    func testHeadingsGetUniqueIDsAndATableOfContents() throws {
        let folder = try TemporaryFolder("headings")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/first.md": """
            ---
            title: First pitfall
            kind: pitfall
            ---
            ## Why it happens

            Text.

            ## Why it happens

            More.

            ### What to *do*

            ## Why it happens

            """])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let html = site.text("pitfalls/first/index.html")
        for id in ["why-it-happens", "why-it-happens-1", "why-it-happens-2", "what-to-do"] {
            XCTAssertTrue(html.contains("id=\"\(id)\""), "no element with id \(id)")
            XCTAssertTrue(html.contains("<a href=\"#\(id)\">"), "the table of contents does not link #\(id)")
        }
        let ids = attributeValues(["id"], in: html)
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids: \(ids)")
        // Document order: the first heading keeps the plain id.
        let plain = try XCTUnwrap(html.range(of: "id=\"why-it-happens\""))
        let first = try XCTUnwrap(html.range(of: "id=\"why-it-happens-1\""))
        XCTAssertLessThan(plain.lowerBound, first.lowerBound)
        // The other page's link to #why-it-happens now resolves.
        XCTAssertEqual(try SiteCheck.run(source: folder.url).map(\.description), [])
    }

    func testAPageWithOneHeadingHasNoTableOfContents() throws {
        let folder = try TemporaryFolder("headings")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let html = site.text("comparisons/paths/index.html")
        XCTAssertTrue(html.contains("id=\"money\""))
        XCTAssertFalse(html.contains("class=\"toc\""))
    }
}
