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

    func testWordCountIgnoresStandalonePunctuation() throws {
        let rendered = try MarkdownRenderer().render("Mastery -- or management? Both - maybe.\n")
        XCTAssertEqual(rendered.wordCount, 5)
    }

    func testEmptySource() throws {
        let rendered = try MarkdownRenderer().render("")
        XCTAssertEqual(rendered, RenderedMarkdown(html: "", headings: [], toc: [], plainText: "", wordCount: 0, links: []))
    }
}
