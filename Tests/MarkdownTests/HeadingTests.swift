@testable import Markdown
import XCTest

final class HeadingTests: XCTestCase {
    func testSlugsFollowTheContract() throws {
        let source = """
        ## Intro

        ## Intro

        ## Intro 1

        ## Intro

        ## Über Straße

        ## キャリア の道

        ## --Hello, World!--

        ## ¿¡!?
        """
        let rendered = try MarkdownRenderer().render(source)
        XCTAssertEqual(rendered.headings.map(\.id), [
            "intro", "intro-1", "intro-1-1", "intro-2", "über-straße", "キャリア-の道", "hello-world", "section",
        ])
        XCTAssertTrue(rendered.html.contains("<h2 id=\"über-straße\">Über Straße</h2>"), rendered.html)
    }

    func testInlineMarkupInsideHeadingsStillRenders() throws {
        let rendered = try MarkdownRenderer().render("### The `code` *path* to [lead](/lead/)\n")
        XCTAssertEqual(
            rendered.html,
            "<h3 id=\"the-code-path-to-lead\">The <code>code</code> <em>path</em> to <a href=\"/lead/\">lead</a></h3>\n"
        )
        XCTAssertEqual(rendered.headings, [Heading(level: 3, id: "the-code-path-to-lead", text: "The code path to lead", line: 1)])
    }

    func testIdsAppearInSafeModeAndRawHTMLInHeadingsStaysOmitted() throws {
        let rendered = try MarkdownRenderer().render("Intro\n\n## Safe <b>bold</b>\n")
        XCTAssertTrue(rendered.html.contains("<h2 id=\"safe-bold\">Safe <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></h2>"), rendered.html)
    }

    func testHeadingLinesAndSetextHeadings() throws {
        let source = "Title\n=====\n\ntext\n\nSub\n---\n\n#### Deep\n"
        let headings = try MarkdownRenderer().render(source).headings
        XCTAssertEqual(headings, [
            Heading(level: 1, id: "title", text: "Title", line: 1),
            Heading(level: 2, id: "sub", text: "Sub", line: 6),
            Heading(level: 4, id: "deep", text: "Deep", line: 9),
        ])
    }

    func testTableOfContentsKeepsOnlyConfiguredLevels() throws {
        let source = "# One\n\n## Two\n\n### Three\n\n#### Four\n\n## Two again\n"
        let defaultTOC = try MarkdownRenderer().render(source).toc
        XCTAssertEqual(defaultTOC.map(\.text), ["Two", "Three", "Two again"])
        XCTAssertEqual(defaultTOC.map(\.level), [2, 3, 2])

        let wide = MarkdownRenderer(options: MarkdownOptions(tocLevels: 1...4))
        XCTAssertEqual(try wide.render(source).toc.map(\.id), ["one", "two", "three", "four", "two-again"])
    }

    func testSmartPunctuationDoesNotLeakIntoIds() throws {
        let heading = try MarkdownRenderer().render("## \"Don't\" -- stop\n").headings.first
        XCTAssertEqual(heading?.text, "“Don’t” – stop")
        XCTAssertEqual(heading?.id, "don-t-stop")
    }

    func testHeadingsInsideQuotesAndListItemsGetIdsToo() throws {
        let rendered = try MarkdownRenderer().render("> ## Quoted **bold**\n\n- ### Listed\n")
        XCTAssertEqual(
            rendered.html,
            "<blockquote>\n<h2 id=\"quoted-bold\">Quoted <strong>bold</strong></h2>\n</blockquote>\n<ul>\n<li>\n<h3 id=\"listed\">Listed</h3>\n</li>\n</ul>\n"
        )
        XCTAssertEqual(rendered.toc.map(\.line), [1, 3])
    }
}
