import Markdown
import XCTest

/// The GFM extensions attached to every parser, and cmark's safe-mode behaviour.
final class ExtensionTests: XCTestCase {
    private func html(_ source: String, unsafeHTML: Bool = false) throws -> String {
        try MarkdownRenderer(options: MarkdownOptions(unsafeHTML: unsafeHTML)).render(source).html
    }

    func testTableRendersHeaderAndBody() throws {
        let output = try html("| Track | Levels |\n|---|--:|\n| Staff | 4 |\n")
        XCTAssertTrue(output.contains("<table>"), output)
        XCTAssertTrue(output.contains("<th>Track</th>"), output)
        XCTAssertTrue(output.contains("<td align=\"right\">4</td>"), output)
    }

    func testStrikethrough() throws {
        XCTAssertEqual(try html("Keep ~~drop~~ this"), "<p>Keep <del>drop</del> this</p>\n")
    }

    func testAutolinkTurnsBareURLsAndWwwIntoLinks() throws {
        let output = try html("See https://example.org/path and www.example.com now")
        XCTAssertTrue(output.contains("<a href=\"https://example.org/path\">https://example.org/path</a>"), output)
        XCTAssertTrue(output.contains("<a href=\"http://www.example.com\">www.example.com</a>"), output)
    }

    func testTasklistRendersDisabledCheckboxesNamedByTheirItemsText() throws {
        let output = try html("- [x] done\n- [ ] open *now*\n")
        XCTAssertTrue(output.contains(
            "<li><label class=\"task-list-label\"><input type=\"checkbox\" class=\"task-list-checkbox\" disabled checked> done</label></li>"), output)
        XCTAssertTrue(output.contains(
            "<li><label class=\"task-list-label\"><input type=\"checkbox\" class=\"task-list-checkbox\" disabled> open <em>now</em></label></li>"), output)
    }

    func testTagfilterEscapesScriptEvenWhenRawHTMLIsAllowed() throws {
        let output = try html("<script>alert(1)</script>\n\n<div>kept</div>\n", unsafeHTML: true)
        XCTAssertTrue(output.contains("&lt;script>alert(1)&lt;/script>"), output)
        XCTAssertFalse(output.contains("<script>"), output)
        XCTAssertTrue(output.contains("<div>kept</div>"), output)
    }

    func testRawHTMLIsOmittedInSafeMode() throws {
        let output = try html("<div class=\"x\">block</div>\n\nText with <span>inline</span> tags\n")
        XCTAssertEqual(
            output,
            "<!-- raw HTML omitted -->\n<p>Text with <!-- raw HTML omitted -->inline<!-- raw HTML omitted --> tags</p>\n"
        )
    }

    func testRawHTMLPassesInUnsafeMode() throws {
        let output = try html("<div class=\"x\">block</div>\n\nText with <span>inline</span> tags\n", unsafeHTML: true)
        XCTAssertEqual(output, "<div class=\"x\">block</div>\n<p>Text with <span>inline</span> tags</p>\n")
    }

    func testJavascriptURLsAreEmptiedInSafeModeOnly() throws {
        let source = "[click](javascript:alert(1)) ![img](javascript:alert(2))"
        let safe = try html(source)
        XCTAssertFalse(safe.contains("javascript:"), safe)
        XCTAssertTrue(safe.contains("<a href=\"\">click</a>"), safe)
        XCTAssertTrue(safe.contains("<img src=\"\" alt=\"img\" />"), safe)
        XCTAssertTrue(try html(source, unsafeHTML: true).contains("<a href=\"javascript:alert(1)\">"))
    }

    func testSmartPunctuation() throws {
        XCTAssertEqual(
            try html("\"Quoted\" and 'single' -- then --- done..."),
            "<p>“Quoted” and ‘single’ – then — done…</p>\n"
        )
        let plain = try MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false)).render("\"Quoted\" -- x").html
        XCTAssertEqual(plain, "<p>&quot;Quoted&quot; -- x</p>\n")
    }

    func testUnregisteredInfoStringRendersAsCode() throws {
        let renderer = MarkdownRenderer(fencedBlocks: ["chart": { _ in "<figure></figure>" }])
        let output = try renderer.render("```yaml\nkey: <value>\n```\n").html
        XCTAssertEqual(output, "<pre><code class=\"language-yaml\">key: &lt;value&gt;\n</code></pre>\n")
    }
}
