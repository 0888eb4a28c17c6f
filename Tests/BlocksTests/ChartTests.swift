import XCTest
@testable import Blocks

final class ChartTests: XCTestCase {
    private let barChart = """
        type: bar
        title: How people learn a craft
        description: Share of respondents naming each method
        unit: "%"
        source: Survey of 120 engineers
        bars:
          - label: Practice and repetition
            value: 42
          - label: Mentoring
            value: 27.5
          - label: Courses
            value: 0
          - label: Reading
            value: 12
        """

    func testBarValuesInTheSVGAndTableEqualTheData() throws {
        let html = try renderChart(body: barChart, line: 3)
        let printed = try captures(#"<text class="chart-value"[^>]*>([^<]*)</text>"#, in: html)
        XCTAssertEqual(printed, ["42%", "27.5%", "0%", "12%"])
        let cells = try captures(#"<td>([^<]*)</td>"#, in: html)
        XCTAssertEqual(cells, ["42%", "27.5%", "0%", "12%"])
        let labels = try captures(#"<tspan[^>]*>([^<]*)</tspan>"#, in: html)
        XCTAssertEqual(labels, ["Practice and repetition", "Mentoring", "Courses", "Reading"])
    }

    func testBarLengthsAreProportionalToTheLargestValue() throws {
        let html = try renderChart(body: barChart, line: 3)
        let widths = try captures(#"<rect class="bar s1"[^>]* width="([0-9.]+)""#, in: html).compactMap(Double.init)
        XCTAssertEqual(widths.count, 4)
        let longest = try XCTUnwrap(widths.first)
        XCTAssertGreaterThan(longest, 0)
        for (width, value) in zip(widths, [42.0, 27.5, 0, 12]) {
            XCTAssertEqual(width / longest, value / 42, accuracy: 0.001)
        }
    }

    func testFigureIsLabelledAndCaptioned() throws {
        let html = try renderChart(body: barChart, line: 3)
        XCTAssertTrue(html.hasPrefix("<figure class=\"chart chart-bar\""))
        let ids = try captures(#"aria-labelledby="([^"]+)""#, in: html)
        let labelledBy = try XCTUnwrap(ids.first).split(separator: " ").map(String.init)
        XCTAssertEqual(labelledBy.count, 2)
        XCTAssertTrue(html.contains("<title id=\"\(labelledBy[0])\">How people learn a craft</title>"))
        XCTAssertTrue(html.contains("<desc id=\"\(labelledBy[1])\">Share of respondents naming each method</desc>"))
        XCTAssertTrue(html.contains("<span class=\"chart-source\">Source: Survey of 120 engineers</span>"))
        XCTAssertTrue(html.contains("<table class=\"chart-data\">"))
        XCTAssertTrue(html.contains("<th scope=\"col\">Value (%)</th>"))
    }

    func testOutputIsDeterministicAndIdsDependOnContentAndLine() throws {
        let first = try renderChart(body: barChart, line: 3)
        let second = try renderChart(body: barChart, line: 3)
        XCTAssertEqual(first, second)
        let elsewhere = try renderChart(body: barChart, line: 40)
        let idPattern = #"<figure class="chart chart-bar" id="([^"]+)""#
        XCTAssertNotEqual(try captures(idPattern, in: first), try captures(idPattern, in: elsewhere))
        let edited = try renderChart(body: barChart.replacingOccurrences(of: "value: 12", with: "value: 13"), line: 3)
        XCTAssertNotEqual(try captures(idPattern, in: first), try captures(idPattern, in: edited))
    }

    func testHostileLabelsComeOutInert() throws {
        let body = """
            type: stacked-bar
            title: "</title><script>alert(1)</script>"
            description: "'><img src=x onerror=alert(2)>"
            unit: "<b>"
            source: "<a href=javascript:alert(3)>x</a>"
            series: ["\\"><svg onload=alert(4)>", "<style>*{}</style>"]
            bars:
              - label: "<script>alert(5)</script>"
                values: [1, 2]
              - label: "\\"><svg onload=alert(6)>"
                values: [3, 4]
            """
        let html = try renderChart(body: body, line: 1)
        for dangerous in ["<script", "<svg onload", "<img", "<style", "<a href", "<b>", "=\"\"><"] {
            XCTAssertFalse(html.contains(dangerous), "found \(dangerous) unescaped in \(html)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(5)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;svg onload=alert(6)&gt;"))
        // Only the markup the renderer writes itself opens elements.
        let tags = Set(try captures(#"<([a-z]+)[ >/]"#, in: html))
        XCTAssertEqual(tags, ["figure", "svg", "title", "desc", "g", "rect", "text", "tspan",
                              "figcaption", "span", "table", "caption", "thead", "tr", "th", "tbody", "td"])
    }

    func testStackedBarPrintsEveryValueWithALegend() throws {
        let body = """
            type: stacked-bar
            title: Where a week goes
            unit: hours
            series: [Building, Meetings, People]
            bars:
              - label: Staff engineer
                values: [25, 10, 5]
              - label: Engineering manager
                values: [4, 20.5, 15.5]
            """
        let html = try renderChart(body: body, line: 7)
        XCTAssertTrue(html.hasPrefix("<figure class=\"chart chart-stacked-bar\""))
        let printed = try captures(#"<text class="chart-value"[^>]*>([^<]*)</text>"#, in: html)
        XCTAssertEqual(printed, ["25 hours", "10 hours", "5 hours", "4 hours", "20.5 hours", "15.5 hours"])
        let legend = try captures(#"<text class="chart-legend"[^>]*>([^<]*)</text>"#, in: html)
        XCTAssertEqual(legend, ["Building", "Meetings", "People"])
        let segments = try captures(#"<rect class="bar (s[0-9])""#, in: html)
        XCTAssertEqual(segments, ["s1", "s2", "s3", "s1", "s2", "s3"])
        let headers = try captures(#"<th scope="col">([^<]*)</th>"#, in: html)
        XCTAssertEqual(headers, ["Category", "Building", "Meetings", "People"])
        // Both bars total 40, so both span the same length.
        let widths = try captures(#"<rect class="bar s[0-9]"[^>]* width="([0-9.]+)""#, in: html).compactMap(Double.init)
        XCTAssertEqual(widths[0] + widths[1] + widths[2], widths[3] + widths[4] + widths[5], accuracy: 0.05)
    }

    func testStackedBarWithTheWrongNumberOfValuesIsRejected() throws {
        let body = """
            type: stacked-bar
            title: Where a week goes
            series: [Building, Meetings]
            bars:
              - label: Staff engineer
                values: [25, 10]
              - label: Manager
                values: [4, 20, 16]
            """
        let error = try XCTUnwrap(blockError { _ = try renderChart(body: body, line: 1) })
        XCTAssertEqual(error.line, 8)
        XCTAssertNil(error.file)
        XCTAssertTrue(error.message.contains("`bars[1].values` has 3 numbers but `series` names 2"), error.message)
    }

    func testStackedBarNeedsSeriesAndValues() throws {
        let noSeries = "type: stacked-bar\ntitle: T\nbars:\n  - label: A\n    values: [1]\n"
        let missingSeries = try XCTUnwrap(blockError { _ = try renderChart(body: noSeries, line: 1) })
        XCTAssertTrue(missingSeries.message.contains("needs `series:`"), missingSeries.message)

        let singleValue = "type: stacked-bar\ntitle: T\nseries: [a, b]\nbars:\n  - label: A\n    value: 1\n"
        let wrongKey = try XCTUnwrap(blockError { _ = try renderChart(body: singleValue, line: 1) })
        XCTAssertEqual(wrongKey.line, 6)
        XCTAssertTrue(wrongKey.message.contains("`bars[0].value` is for `type: bar`"), wrongKey.message)

        let tooMany = "type: stacked-bar\ntitle: T\nseries: [a, b, c, d, e, f, g]\nbars:\n  - label: A\n    values: [1, 1, 1, 1, 1, 1, 1]\n"
        let colours = try XCTUnwrap(blockError { _ = try renderChart(body: tooMany, line: 1) })
        XCTAssertEqual(colours.line, 3)
    }

    func testANonNumericValueNamesThePathTheLineAndWhatWasFound() throws {
        let body = """
            type: bar
            title: T
            bars:
              - label: A
                value: 1
              - label: B
                value: 2
              - label: C
                value: lots
            """
        let error = try XCTUnwrap(blockError { _ = try renderChart(body: body, line: 1) })
        XCTAssertEqual(error.message, "chart: `bars[2].value` must be a number, found \"lots\"")
        XCTAssertEqual(error.line, 9)
    }

    func testYAMLSyntaxErrorsPointAtTheLineInsideTheBlock() throws {
        let body = """
            type: bar
            title: T
            bars:
              - label: A
                value: 1
               - label: B
            """
        let error = try XCTUnwrap(blockError { _ = try renderChart(body: body, line: 10) })
        XCTAssertEqual(error.line, 6)
        XCTAssertTrue(error.message.hasPrefix("chart: YAML syntax error"), error.message)
        XCTAssertTrue(error.description.hasPrefix("line 6 of the block: "), error.description)
    }

    func testMissingRequiredKeysAndUnknownKeysAreReported() throws {
        let noTitle = "type: bar\nbars:\n  - label: A\n    value: 1\n"
        let missing = try XCTUnwrap(blockError { _ = try renderChart(body: noTitle, line: 1) })
        XCTAssertEqual(missing.message, "chart: `title` is required but missing")

        let typo = "type: bar\ntitle: T\ndescripton: oops\nbars:\n  - label: A\n    value: 1\n"
        let unknown = try XCTUnwrap(blockError { _ = try renderChart(body: typo, line: 1) })
        XCTAssertEqual(unknown.line, 3)
        XCTAssertTrue(unknown.message.contains("unknown key `descripton`"), unknown.message)

        let pie = "type: pie\ntitle: T\nbars:\n  - label: A\n    value: 1\n"
        let kind = try XCTUnwrap(blockError { _ = try renderChart(body: pie, line: 1) })
        XCTAssertEqual(kind.message, "chart: `type` must be `bar` or `stacked-bar`, found \"pie\"")
        XCTAssertEqual(kind.line, 1)

        let negative = "type: bar\ntitle: T\nbars:\n  - label: A\n    value: -3\n"
        let belowZero = try XCTUnwrap(blockError { _ = try renderChart(body: negative, line: 1) })
        XCTAssertEqual(belowZero.line, 5)
        XCTAssertTrue(belowZero.message.contains("must be zero or more, found -3"), belowZero.message)

        let empty = try XCTUnwrap(blockError { _ = try renderChart(body: "  \n", line: 1) })
        XCTAssertTrue(empty.message.hasPrefix("chart: the block is empty"), empty.message)
    }

    func testLongLabelsWrapIntoSeveralLines() throws {
        let label = Array(repeating: "practice", count: 20).joined(separator: " ")
        let html = try renderChart(body: "type: bar\ntitle: T\nbars:\n  - label: \(label)\n    value: 1\n", line: 1)
        let lines = try captures(#"<tspan[^>]*>([^<]*)</tspan>"#, in: html)
        XCTAssertGreaterThan(lines.count, 1)
        XCTAssertEqual(lines.joined(separator: " "), label)
    }

    func testEmptyLabelsAreRejectedAndAMissingDescriptionIsWrittenForScreenReaders() throws {
        let emptyLabel = "type: bar\ntitle: T\nbars:\n  - label: A\n    value: 1\n  - label: \"  \"\n    value: 2\n"
        let error = try XCTUnwrap(blockError { _ = try renderChart(body: emptyLabel, line: 1) })
        XCTAssertEqual(error.line, 6)
        XCTAssertEqual(error.message, "chart: `bars[1].label` is empty — every bar needs a label")

        let html = try renderChart(body: "type: bar\ntitle: T\nbars:\n  - {label: A, value: 1}\n  - {label: B, value: 2}\n", line: 1)
        let desc = try captures(#"<desc id="[^"]+">([^<]*)</desc>"#, in: html)
        XCTAssertEqual(desc, ["Horizontal bar chart with 2 bars; the values are listed in the table below."])
        XCTAssertFalse(html.contains("chart-description"))
        XCTAssertFalse(html.contains("chart-source"))
    }

    func testNumbersPrintWithoutATrailingZero() {
        XCTAssertEqual(formatNumber(12), "12")
        XCTAssertEqual(formatNumber(12.0), "12")
        XCTAssertEqual(formatNumber(2.5), "2.5")
        XCTAssertEqual(formatNumber(0), "0")
    }
}
