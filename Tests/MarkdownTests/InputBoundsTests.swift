import Markdown
import XCTest

final class InputBoundsTests: XCTestCase {
    private func boundsError(_ source: String, options: MarkdownOptions) -> MarkdownError? {
        do {
            _ = try MarkdownRenderer(options: options).render(source)
            return nil
        } catch let error as MarkdownError {
            return error
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    func testSourceOverTheByteLimitIsRejectedAtTheLineWhereTheLimitFalls() {
        let source = "line one\nline two\nline three is long\n"
        let error = boundsError(source, options: MarkdownOptions(maxInputBytes: 12))
        XCTAssertEqual(error?.line, 2)
        XCTAssertTrue(error?.message.contains("over the limit of 12 bytes") ?? false, "\(String(describing: error))")
        XCTAssertNil(boundsError(source, options: MarkdownOptions(maxInputBytes: source.utf8.count)))
    }

    func testDeepBlockQuotesAreRejected() {
        let options = MarkdownOptions(maxNesting: 5)
        XCTAssertNil(boundsError("Intro\n\n> > > > > five deep\n", options: options))
        let error = boundsError("Intro\n\n> > > > > > six deep\n", options: options)
        XCTAssertEqual(error, MarkdownError(line: 3, message: "block quotes and lists are nested 6 deep, over the limit of 5", limit: "markdown_nesting"))
        XCTAssertEqual(boundsError("ok\n" + String(repeating: ">", count: 6) + "\n", options: options)?.line, 2)
    }

    func testListsNestedByIndentationAreRejected() {
        let options = MarkdownOptions(maxNesting: 3)
        let threeDeep = "- a\n  - b\n    - c\n  - back\n- top\n"
        XCTAssertNil(boundsError(threeDeep, options: options))
        let fourDeep = "- a\n  - b\n    1. c\n       - d\n"
        XCTAssertEqual(boundsError(fourDeep, options: options)?.line, 4)
        XCTAssertEqual(boundsError("Text\n\n- - - - x\n", options: options)?.line, 3)
    }

    func testListsAndQuotesCombine() {
        let options = MarkdownOptions(maxNesting: 3)
        XCTAssertEqual(boundsError("> - a\n>   > - b\n", options: options)?.line, 2)
    }

    func testIndentedContentInsideFencedCodeIsNotNesting() throws {
        let options = MarkdownOptions(maxNesting: 2)
        let deepYAML = (0..<10).map { String(repeating: "  ", count: $0) + "- level\($0)" }.joined(separator: "\n")
        let source = "```yaml\n\(deepYAML)\n```\n\n- after\n"
        XCTAssertNil(boundsError(source, options: options))
        let rendered = try MarkdownRenderer(options: options).render(source)
        XCTAssertTrue(rendered.html.contains("- level9"), rendered.html)
    }

    func testDefaultBoundsAcceptOrdinaryPagesAndRejectPathologicalNesting() {
        XCTAssertNil(boundsError("# Page\n\n> quote\n\n- a\n  - b\n", options: MarkdownOptions()))
        let hostile = String(repeating: "> ", count: 10_000) + "x\n"
        XCTAssertEqual(boundsError(hostile, options: MarkdownOptions())?.line, 1)
    }
}
