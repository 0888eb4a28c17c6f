import Dispatch
import Foundation
import Markdown
import XCTest

/// Rendering must give the same bytes whether pages are rendered one by one or all at once:
/// cmark's parse edits a process-wide table of special characters, which must not let
/// concurrent pages corrupt each other's strikethrough and autolink parsing (`CmarkExtensions`).
/// Odd pages have a `~`, even pages none, so both ways of parsing run side by side.
final class ConcurrencyTests: XCTestCase {
    private final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<RenderedMarkdown, any Error>] = [:]
        func store(_ value: Result<RenderedMarkdown, any Error>, at index: Int) { lock.withLock { values[index] = value } }
        func value(at index: Int) -> Result<RenderedMarkdown, any Error>? { lock.withLock { values[index] } }
    }

    private static func page(_ number: Int) -> String {
        let struck = { (word: String) in number % 2 == 1 ? "~~\(word)~~" : word }
        return """
        # Page \(number)

        Path \(number) is \(struck("not")) \(String(repeating: "really ", count: number % 7))\(struck("very")) different.
        Visit https://example.org/page/\(number) or www.site\(number).example for more.

        ## Steps for \(number % 5)

        | step | value |
        |------|------:|
        | \(number) | \(struck(String(number * 3))) www.cell\(number).example |

        - [x] read https://example.org/\(number)/a
        - [ ] \(struck("skip")) [next](@/page-\(number + 1).md)

        ```chart n=\(number)
        value: \(number)
        ```

        > "Quote" number \(number) -- with mailto:someone\(number)@example.org
        """
    }

    func testConcurrentRendersMatchSerialRendersByteForByte() throws {
        let renderer = MarkdownRenderer(fencedBlocks: [
            "chart": { block in "<figure data-line=\"\(block.line)\">\(block.arguments)</figure>" },
        ])
        let rewrite: LinkRewriter = { destination, line in
            destination.hasPrefix("@/") ? "/\(line)/" + destination.dropFirst(2) : destination
        }
        let count = 300
        let pages = (0..<count).map(Self.page)
        let serial = try pages.map { try renderer.render($0, rewriteLink: rewrite) }

        // Sanity check that the pages exercise the extensions whose parse is not thread-safe.
        XCTAssertTrue(serial[43].html.contains("<del>not</del>"), serial[43].html)
        XCTAssertFalse(serial[42].html.contains("<del>"), serial[42].html)
        XCTAssertTrue(serial[42].html.contains("<a href=\"http://www.site42.example\">"), serial[42].html)
        XCTAssertTrue(serial[42].html.contains("<a href=\"http://www.cell42.example\">"), serial[42].html)
        XCTAssertTrue(serial[42].html.contains("<a href=\"/13/page-43.md\">next</a>"), serial[42].html)

        let outputs = Outputs()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            outputs.store(Result { try renderer.render(pages[index], rewriteLink: rewrite) }, at: index)
        }
        for index in 0..<count {
            guard let concurrent = try outputs.value(at: index)?.get() else {
                return XCTFail("page \(index) was not rendered")
            }
            // Bytes, not String ==, which would accept canonically equivalent Unicode.
            XCTAssertTrue(
                concurrent.html.utf8.elementsEqual(serial[index].html.utf8),
                "page \(index) differs:\n\(concurrent.html)\nserial:\n\(serial[index].html)"
            )
            XCTAssertEqual(concurrent.links, serial[index].links, "page \(index)")
            XCTAssertEqual(concurrent.plainText, serial[index].plainText, "page \(index)")
            XCTAssertEqual(concurrent.headings, serial[index].headings, "page \(index)")
        }
    }
}
