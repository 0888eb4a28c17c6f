import Markdown
import XCTest

/// What cmark-gfm prints is changed where an accessibility audit would fail it: every task-list
/// checkbox is named by its item's text, and under a page title the headings never skip a level,
/// those of fenced blocks included.
final class AccessibleMarkupTests: XCTestCase {
    private let underTitle = MarkdownOptions(headingsBelowLevel: 1)

    /// Each `<input>` with the text of the `<label>` it sits in, or nil when it sits in none.
    private func checkboxNames(in html: String) throws -> [String?] {
        let inputs = try NSRegularExpression(pattern: #"<input[^>]*>"#)
        let labels = try NSRegularExpression(pattern: #"<label[^>]*>(.*?)</label>"#, options: [.dotMatchesLineSeparators])
        let text = html as NSString
        let labelRanges = labels.matches(in: html, range: NSRange(location: 0, length: text.length))
        return inputs.matches(in: html, range: NSRange(location: 0, length: text.length)).map { input in
            guard let label = labelRanges.first(where: { NSLocationInRange(input.range.location, $0.range) }) else { return nil }
            let inner = text.substring(with: label.range(at: 1))
            return inner.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    func testEveryTaskCheckboxSitsInALabelWithItsItemsText() throws {
        let source = """
            - [ ] tight with a [link](/x/) and `code`
            - [x] done
            - plain

            Loose:

            - [ ] first

              more text in the first

            - [X] second

              - [ ] nested
              - [x] nested done

            1. [ ] ordered
            """
        let html = try MarkdownRenderer(options: underTitle).render(source).html
        XCTAssertEqual(try checkboxNames(in: html), [
            "tight with a link and code", "done", "first", "second", "nested", "nested done", "ordered",
        ], html)
        XCTAssertEqual(html.components(separatedBy: " checked>").count - 1, 3, html)
        XCTAssertTrue(html.contains("<p><label class=\"task-list-label\"><input type=\"checkbox\" class=\"task-list-checkbox\" disabled> first</label></p>"), html)
        XCTAssertFalse(html.contains("disabled=\"\""), "no bare checkbox of the extension is left: \(html)")
    }

    func testATaskWithoutTextIsStillNamed() throws {
        let html = try MarkdownRenderer().render("- [ ] \n- [x] x\n").html
        XCTAssertTrue(html.contains("<input type=\"checkbox\" class=\"task-list-checkbox\" disabled aria-label=\"task\">"), html)
    }

    /// The printed levels of `html`'s headings, in order.
    private func levels(_ html: String) throws -> [Int] {
        let pattern = try NSRegularExpression(pattern: #"<h([1-6])[ >]"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).flatMap { Int(html[$0]) }
        }
    }

    func testUnderATitleHeadingsFormAnOutlineThatNeverSkipsALevel() throws {
        let cases: [(source: String, levels: [Int])] = [
            ("## A\n\n### B\n\n## C\n", [2, 3, 2]),             // already fine: unchanged
            ("# A\n\n## B\n", [2, 3]),                          // nothing beside the title
            ("### A\n\n##### B\n\n### C\n", [2, 3, 2]),         // starts too deep, skips
            ("## A\n\n#### B\n\n### C\n\n#### D\n", [2, 3, 3, 4]),
            ("# A\n\n### B\n\n## C\n", [2, 3, 3]),              // C is written under A
            ("###### A\n\n# B\n\n###### C\n", [2, 2, 3]),
        ]
        for (source, expected) in cases {
            let rendered = try MarkdownRenderer(options: underTitle).render(source)
            XCTAssertEqual(try levels(rendered.html), expected, source)
            XCTAssertEqual(rendered.headings.map(\.level), expected, source)
        }
        // Without a title level the written levels stay.
        XCTAssertEqual(try levels(MarkdownRenderer().render("### A\n\n##### B\n").html), [3, 5])
    }

    func testAFencedBlockGetsTheLevelBelowItsSection() throws {
        let renderer = MarkdownRenderer(options: underTitle, fencedBlocks: [
            "ladder": { block in "<h\(block.headingLevel) class=\"ladder-name\">x</h\(block.headingLevel)>" },
        ])
        let source = "```ladder\n```\n\n#### A\n\n```ladder\n```\n\n##### B\n\n```ladder\n```\n\n## C\n\n```ladder\n```\n"
        XCTAssertEqual(try levels(renderer.render(source).html), [2, 2, 3, 3, 4, 2, 3])
        let deep = "# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6\n\n```ladder\n```\n"
        XCTAssertEqual(try levels(MarkdownRenderer(options: MarkdownOptions(headingsBelowLevel: 0), fencedBlocks: renderer.fencedBlocks).render(deep).html),
                       [1, 2, 3, 4, 5, 6, 6], "never past h6")
    }
}
