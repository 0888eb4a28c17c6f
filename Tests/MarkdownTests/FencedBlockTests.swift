import Markdown
import XCTest

final class FencedBlockTests: XCTestCase {
    /// Records every block a renderer was given; renderers run on the caller's thread.
    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var blocks: [FencedBlock] = []
        func record(_ block: FencedBlock) { lock.withLock { blocks.append(block) } }
        var recorded: [FencedBlock] { lock.withLock { blocks } }
    }

    func testRegisteredRendererGetsTheBlockAndItsHTMLIsInsertedVerbatimInSafeMode() throws {
        let recorder = Recorder()
        let renderer = MarkdownRenderer(fencedBlocks: [
            "chart": { block in
                recorder.record(block)
                return "<figure class=\"chart\"><svg role=\"img\"></svg></figure>"
            },
        ])
        let source = "# Title\n\nSome text.\n\n```chart  wide  dark\ntype: bar\nbars: []\n```\n\nAfter.\n"
        let rendered = try renderer.render(source)

        XCTAssertEqual(recorder.recorded, [
            FencedBlock(info: "chart", arguments: "wide  dark", code: "type: bar\nbars: []\n", line: 5, headingLevel: 2),
        ])
        XCTAssertEqual(
            rendered.html,
            "<h1 id=\"title\">Title</h1>\n<p>Some text.</p>\n<figure class=\"chart\"><svg role=\"img\"></svg></figure>\n<p>After.</p>\n"
        )
        XCTAssertFalse(rendered.plainText.contains("bars"), rendered.plainText)
    }

    func testLineOfAFenceInsideAListAndTildeFences() throws {
        let recorder = Recorder()
        let renderer = MarkdownRenderer(fencedBlocks: ["ladder": { block in
            recorder.record(block)
            return "<div class=\"ladder\"></div>"
        }])
        let source = "Intro\n\n- item\n\n  ~~~ladder\n  data: ladders\n  ~~~\n\n```ladder\n```\n"
        let html = try renderer.render(source).html
        XCTAssertEqual(recorder.recorded.map(\.line), [5, 9])
        XCTAssertEqual(recorder.recorded.map(\.code), ["data: ladders\n", ""])
        XCTAssertTrue(html.contains("<li>\n<p>item</p>\n<div class=\"ladder\"></div>\n</li>"), html)
    }

    func testIndentedCodeIsNeverHandedToARenderer() throws {
        let renderer = MarkdownRenderer(fencedBlocks: ["chart": { _ in "<figure></figure>" }])
        let html = try renderer.render("Text\n\n    chart\n").html
        XCTAssertEqual(html, "<p>Text</p>\n<pre><code>chart\n</code></pre>\n")
    }
}
