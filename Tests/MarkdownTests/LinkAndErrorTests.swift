@testable import Markdown
import XCTest

final class LinkAndErrorTests: XCTestCase {
    private struct Missing: Error, CustomStringConvertible {
        let target: String
        var description: String { "no page at \(target)" }
    }

    func testRewriterChangesEveryLinkAndImageAndLinksAreCollectedWithLines() throws {
        let source = """
        See [the pitfall](@/pitfalls/no-training.md#why) and
        ![ladder](@/img/ladder.png) then https://example.org/x.

        > Quoted [home](@/index.md)
        > and also
        > https://later.example/y
        """
        let rendered = try MarkdownRenderer().render(source) { destination, _ in
            destination.hasPrefix("@/") ? "../" + destination.dropFirst(2).replacingOccurrences(of: ".md", with: "/") : destination
        }
        XCTAssertEqual(rendered.links, [
            Link(destination: "../pitfalls/no-training/#why", line: 1),
            Link(destination: "../img/ladder.png", line: 2),
            Link(destination: "https://example.org/x", line: 2),
            Link(destination: "../index/", line: 4),
            Link(destination: "https://later.example/y", line: 6),
        ])
        XCTAssertTrue(rendered.html.contains("<a href=\"../pitfalls/no-training/#why\">the pitfall</a>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<img src=\"../img/ladder.png\" alt=\"ladder\" />"), rendered.html)
    }

    func testLinksAreCollectedWithoutARewriter() throws {
        let rendered = try MarkdownRenderer().render("[a](/a/)\n\n[b](b.html)\n")
        XCTAssertEqual(rendered.links, [Link(destination: "/a/", line: 1), Link(destination: "b.html", line: 3)])
    }

    func testEveryErrorIsCollectedWithItsLineAndThrownTogether() {
        let renderer = MarkdownRenderer(fencedBlocks: [
            "chart": { _ in throw Missing(target: "chart data") },
            "bands": { block in throw MarkdownError(line: block.line + 2, message: "bad band", kind: .fencedBlock) },
            "ladder": { _ in "<div></div>" },
        ])
        let source = """
        [ok](@/ok.md) and [gone](@/gone.md)

        ```chart
        type: pie
        ```

        ```ladder
        ```

        text [also gone](@/other.md)

        ```bands
        a: 1
        b: 2
        ```
        """
        XCTAssertThrowsError(try renderer.render(source) { destination, _ in
            guard destination == "@/ok.md" else { throw Missing(target: destination) }
            return "ok/"
        }) { error in
            guard let errors = error as? MarkdownErrors else {
                return XCTFail("expected MarkdownErrors, got \(error)")
            }
            XCTAssertEqual(errors.errors, [
                MarkdownError(line: 1, message: "no page at @/gone.md", kind: .link),
                MarkdownError(line: 3, message: "no page at chart data", kind: .fencedBlock),
                MarkdownError(line: 10, message: "no page at @/other.md", kind: .link),
                MarkdownError(line: 14, message: "bad band", kind: .fencedBlock),
            ])
            XCTAssertEqual(errors.description.split(separator: "\n").first, "line 1: no page at @/gone.md")
        }
    }
}
