import Foundation
import SiteBuilder
import XCTest

/// Front-matter text reaches every output escaped, never as markup.
final class EscapingTests: XCTestCase {
    static let attack = "\"><script>alert(1)</script>"

    func testHostileTitleAndSummaryAppearOnlyEscaped() throws {
        let folder = try TemporaryFolder("escaping")
        defer { folder.remove() }
        try DefaultSite.copy(into: folder.url)
        // YAML single quotes keep the double quote and angle brackets literally.
        try folder.write("content/pitfalls/hostile.md", """
            ---
            title: '\(Self.attack) title'
            kind: pitfall
            summary: '\(Self.attack) summary'
            weight: -100
            date: 2026-05-01
            tags: [hostile]
            ---
            A page with a hostile title.

            """)
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))

        let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
        let page = site.text("pitfalls/hostile/index.html")
        let title = try XCTUnwrap(page.range(of: #"<title>[^<]*</title>"#, options: .regularExpression).map { String(page[$0]) })
        XCTAssertTrue(title.contains(escapedScript + " title"), title)
        let description = try XCTUnwrap(page.range(of: #"<meta name="description" content="[^"]*">"#, options: .regularExpression)
            .map { String(page[$0]) }, "meta description is missing or its attribute was broken out of")
        XCTAssertTrue(description.contains(escapedScript + " summary"), description)
        XCTAssertTrue(page.contains(escapedScript + " title</h1>"), "the heading does not show the escaped title")

        // Lists that show the page: its kind index, the home page, its tag page.
        for list in ["pitfalls/index.html", "index.html", "tags/hostile/index.html"] {
            XCTAssertTrue(site.text(list).contains(escapedScript + " title"), "\(list) does not list the escaped title")
        }
        for file in site.files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = site.text(file)
            XCTAssertFalse(text.contains("<script>alert(1)"), "\(file) prints the title as markup")
            XCTAssertFalse(text.contains("\"><script"), "\(file) lets the title break out of an attribute")
        }

        let index = site.text("search-index/0.js")
        XCTAssertTrue(index.contains("alert(1)"), "the hostile page is not in the search index")
        XCTAssertFalse(index.contains("</script"), "the search index could close a <script> element")
        XCTAssertFalse(index.contains("<"), "the search index carries a raw <")
        XCTAssertTrue(index.contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e title"))

        let atom = site.text("atom.xml")
        XCTAssertTrue(atom.contains("<title>&quot;&gt;" + escapedScript + " title</title>"), "atom.xml entry title not escaped")
    }
}
