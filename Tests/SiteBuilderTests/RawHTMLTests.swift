import Foundation
import SiteBuilder
import XCTest

/// Raw HTML written in Markdown is dropped unless site.yml sets `unsafe_html: true`.
final class RawHTMLTests: XCTestCase {
    static let page = """
        ---
        title: Raw HTML
        ---
        Before.

        <script>alert("raw")</script>

        <div onclick="steal()">clickable</div>

        Inline <span onmouseover="hover()">span</span> text.

        After.

        """

    func testRawHTMLIsDroppedByDefault() throws {
        let html = try build(unsafe: nil)
        XCTAssertTrue(html.contains("Before."))
        XCTAssertTrue(html.contains("After."))
        XCTAssertFalse(html.contains("<script>alert"), "raw <script> passed through")
        XCTAssertFalse(html.contains("onclick"), "raw onclick handler passed through")
        XCTAssertFalse(html.contains("onmouseover"), "raw inline handler passed through")
    }

    func testRawHTMLIsDroppedWhenUnsafeHTMLIsFalse() throws {
        let html = try build(unsafe: false)
        XCTAssertFalse(html.contains("<script>alert"))
        XCTAssertFalse(html.contains("onclick"))
    }

    func testRawHTMLPassesWithUnsafeHTML() throws {
        let html = try build(unsafe: true)
        XCTAssertTrue(html.contains("<div onclick=\"steal()\">clickable</div>"), html)
        XCTAssertTrue(html.contains("<span onmouseover=\"hover()\">span</span>"))
        // GFM's tagfilter still neutralises <script> even when raw HTML is allowed.
        XCTAssertTrue(html.contains("alert(\"raw\")") || html.contains("alert(&quot;raw&quot;)"))
    }

    private func build(unsafe: Bool?) throws -> String {
        let folder = try TemporaryFolder("raw-html")
        defer { folder.remove() }
        var config = MinimalSite.siteYML
        if let unsafe { config += "unsafe_html: \(unsafe)\n" }
        try MinimalSite.write(into: folder, extra: ["site.yml": config, "content/raw.md": Self.page])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        return site.text("raw/index.html")
    }
}
