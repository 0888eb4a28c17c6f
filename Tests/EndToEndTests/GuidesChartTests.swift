import XCTest
import Yams

/// The numbers drawn in each chart are exactly the numbers written in its ```chart block.
final class GuidesChartTests: XCTestCase {
    func testChartTextAndDataTableShowTheYAMLValuesInOrder() throws {
        let built = try BuiltDefaultSite()
        var charts = 0
        for page in built.guides {
            let blocks = page.fencedBlocks(named: "chart")
            guard !blocks.isEmpty else { continue }
            let figures = try Self.figures(in: built.html(page.outputPath))
            XCTAssertEqual(figures.count, blocks.count, "\(page.contentPath): \(blocks.count) chart blocks, \(figures.count) rendered charts")
            for (block, figure) in zip(blocks, figures) {
                let expected = try Self.values(inChartYAML: block)
                XCTAssertFalse(expected.isEmpty, "\(page.contentPath): a chart without values")
                let title = try XCTUnwrap((try Yams.load(yaml: block) as? [String: Any])?["title"] as? String)
                XCTAssertTrue(BuiltHTML.plainText(figure).contains(title.replacingOccurrences(of: "\u{2019}", with: "'")), "\(page.contentPath): chart \"\(title)\" not found in its figure")

                let svg = try XCTUnwrap(BuiltHTML.segment(of: figure, from: "<svg", to: "</svg>"))
                let drawn = BuiltHTML.matches(of: #"<text class="chart-value"[^>]*>([^<]*)</text>"#, in: svg).map(Self.leadingNumber)
                XCTAssertEqual(drawn, expected, "\(page.contentPath): SVG values of \"\(title)\"")

                let table = try XCTUnwrap(BuiltHTML.segment(of: figure, from: "<table class=\"chart-data\"", to: "</table>"))
                let tabled = BuiltHTML.matches(of: #"<td>([^<]*)</td>"#, in: table).map(Self.leadingNumber)
                XCTAssertEqual(tabled, expected, "\(page.contentPath): data table of \"\(title)\"")
                charts += 1
            }
        }
        // The mastery survey figures are charted: practice, tensions and attitudes to AI.
        XCTAssertGreaterThanOrEqual(charts, 3)
    }

    /// Every value of a `bar` chart, or every value of every bar of a `stacked-bar` chart, in order.
    static func values(inChartYAML yaml: String) throws -> [Double?] {
        let chart = try XCTUnwrap(try Yams.load(yaml: yaml) as? [String: Any], "chart body is not a mapping")
        let bars = try XCTUnwrap(chart["bars"] as? [[String: Any]], "chart has no bars")
        return bars.flatMap { bar -> [Double?] in
            if let values = bar["values"] as? [Any] { return values.map(number) }
            return [number(bar["value"] as Any)]
        }
    }

    static func number(_ value: Any) -> Double? {
        switch value {
        case let int as Int: return Double(int)
        case let double as Double: return double
        default: return nil
        }
    }

    /// `52%` -> 52, `1.5 h` -> 1.5; nil when the text does not start with a number.
    static func leadingNumber(_ text: String) -> Double? {
        let digits = text.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "\u{2212}" }
        return Double(digits.replacingOccurrences(of: "\u{2212}", with: "-"))
    }

    /// Each `<figure class="chart …">…</figure>` of a page, in document order.
    static func figures(in html: String) throws -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<figure class=\"chart"), let close = rest.range(of: "</figure>", range: open.upperBound..<rest.endIndex) {
            found.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
