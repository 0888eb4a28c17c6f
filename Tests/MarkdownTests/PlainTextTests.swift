import Markdown
import XCTest

final class PlainTextTests: XCTestCase {
    func testPlainTextDropsMarkupAndSeparatesBlocks() throws {
        let source = """
        ## The *first* step

        Managers <span>delegate</span> work; engineers `ship` it.
        Second line.

        - one
        - two

        ```swift
        let code = 1
        ```
        """
        let rendered = try MarkdownRenderer().render(source)
        XCTAssertEqual(
            rendered.plainText,
            "The first step\nManagers delegate work; engineers ship it. Second line.\none\ntwo\nlet code = 1"
        )
        XCTAssertEqual(rendered.wordCount, 16)
    }

    /// A fenced block's visible text is searched but not read: it joins the search text where the
    /// block stands (cells and block elements on lines of their own, entities decoded, an SVG
    /// skipped), and leaves the plain text and the word count as they were.
    func testBlockTextJoinsTheSearchTextOnly() throws {
        let renderer = MarkdownRenderer(fencedBlocks: ["chart": { _ in
            "<figure><svg><text>drawn</text></svg><figcaption>Tom &amp; Jerry&#39;s</figcaption>"
                + "<table><tr><th>Year</th><td>2024</td></tr></table></figure>"
        }])
        let rendered = try renderer.render("Before.\n\n```chart\nx\n```\n\nAfter.\n")
        XCTAssertEqual(rendered.plainText, "Before.\nAfter.")
        XCTAssertEqual(rendered.wordCount, 2)
        let lines = rendered.searchText.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, ["Before.", "Tom & Jerry's", "Year", "2024", "After."])
        let plain = try MarkdownRenderer().render("Only prose.\n")
        XCTAssertEqual(plain.searchText, plain.plainText)
    }

    func testWordCountIgnoresStandalonePunctuation() throws {
        let rendered = try MarkdownRenderer().render("Mastery -- or management? Both - maybe.\n")
        XCTAssertEqual(rendered.wordCount, 5)
    }

    func testEmptySource() throws {
        let rendered = try MarkdownRenderer().render("")
        XCTAssertEqual(rendered, RenderedMarkdown(html: "", headings: [], toc: [], plainText: "", wordCount: 0, links: []))
    }
}
