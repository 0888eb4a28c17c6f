import Foundation
import Markdown
import Scoring
import XCTest
@testable import Blocks

/// The renderers as the Markdown renderer calls them, on a real page.
final class BlockRenderersTests: XCTestCase {
    private let dataFiles = [
        "ladders": DataFile(
            name: "ladders", path: "content/data/ladders.yml",
            text: "title: L\ntracks:\n  - id: technical\n    name: Technical path\n    levels:\n      - name: Senior\n"),
        "dimensions": DataFile(
            name: "dimensions", path: "content/data/dimensions.yml",
            text: "columns: {technical: T, management: M}\ndimensions:\n  - {id: impact, name: Impact, technical: a, management: b}\n"),
    ]

    private func renderer(questionnaire: Questionnaire? = nil) -> MarkdownRenderer {
        MarkdownRenderer(fencedBlocks: BlockRenderers(dataFiles: dataFiles, questionnaire: questionnaire).all)
    }

    func testEveryBlockIsRegistered() {
        XCTAssertEqual(
            Set(BlockRenderers(dataFiles: [:], questionnaire: nil).all.keys), ["chart", "ladder", "level-map", "compare", "bands", "planner"])
    }

    /// The outside judges see every block only if the fixture they build uses every block.
    func testTheEveryBlockFixtureUsesEveryRegisteredBlock() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/every-block/content/every-block.md")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let used = Set(text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("```"), line.count > 3 else { return nil }
            return line.dropFirst(3).split(separator: " ").first.map(String.init)
        })
        let registered = Set(BlockRenderers(dataFiles: [:], questionnaire: nil).all.keys)
        XCTAssertEqual(registered.subtracting(used), [], "Tests/Fixtures/every-block/content/every-block.md misses these blocks")
    }

    func testBlocksRenderInsideAPageInSafeMode() throws {
        let page = """
            # Paths

            ```chart
            type: bar
            title: Hours
            bars:
              - {label: Coding, value: 20}
            ```

            ```ladder
            ```

            ```compare
            ```
            """
        let html = try renderer().render(page).html
        XCTAssertTrue(html.contains("<figure class=\"chart chart-bar\""), html)
        XCTAssertTrue(html.contains("<text class=\"chart-value\" x=\""), html)
        XCTAssertTrue(html.contains("<div class=\"ladder\" role=\"group\" aria-label=\"L\">"), html)
        XCTAssertTrue(html.contains("<table class=\"compare\">"), html)
    }

    func testBodyErrorsPointAtThePageLine() throws {
        let page = """
            Intro

            ```chart
            type: bar
            title: Hours
            bars:
              - label: Coding
                value: plenty
            ```
            """
        XCTAssertThrowsError(try renderer().render(page)) { error in
            guard let errors = error as? MarkdownErrors else {
                return XCTFail("expected MarkdownErrors, got \(error)")
            }
            XCTAssertEqual(errors.errors, [
                MarkdownError(line: 8, message: "chart: `bars[0].value` must be a number, found \"plenty\"", kind: .fencedBlock),
            ])
        }
    }

    func testDataFileErrorsKeepTheFileAndSitOnTheFenceLine() throws {
        let page = "Intro\n\n```ladder\ndata: missing\n```\n\n```bands\n```\n"
        XCTAssertThrowsError(try renderer().render(page)) { error in
            guard let errors = error as? MarkdownErrors else {
                return XCTFail("expected MarkdownErrors, got \(error)")
            }
            XCTAssertEqual(errors.errors.map(\.line), [3, 7])
            XCTAssertEqual(errors.errors.map(\.kind), [.missingBlockFile, .fencedBlock])
            XCTAssertTrue(errors.errors[0].message.hasPrefix("ladder: data file content/data/missing.yml is missing"))
            XCTAssertTrue(errors.errors[1].message.hasPrefix("bands: there is no questionnaire"))
        }
    }
}
