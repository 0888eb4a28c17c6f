import Foundation
import XCTest

/// Pages printed to A4 PDF by Chromium (WebDriver's print, as a reader's "Print" does) and read
/// back with poppler-utils: a guide with a chart does not start with a near-empty page, and the
/// paper questionnaire fits its statements on at most three pages, each scale on one line.
final class PrintTests: XCTestCase {
    /// The printed text of page 1 must reach at least this far down the page (the rest of a page
    /// 1 pushed aside by a chart used to be about 60-70 % empty).
    static let firstPageFill = 0.55

    func testGuidesWithChartsDoNotStartWithANearEmptyPage() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let pages = try PhoneLayoutBrowserTests.htmlFiles(under: built.output, in: "")
            .filter { !$0.hasPrefix("embed/") && !$0.hasPrefix("standalone/") }
            .filter { try built.html($0).contains("<figure class=\"chart") }
        XCTAssertGreaterThanOrEqual(pages.count, 2, "the default guides have charts: \(pages)")
        let folder = built.site.url("print")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        try await WebDriver.withSession { driver in
            for page in pages {
                try await driver.navigate(to: built.output.appendingPathComponent(page))
                let pdf = folder.appendingPathComponent(page.replacingOccurrences(of: "/", with: "_") + ".pdf")
                try await driver.printPDF().write(to: pdf)
                let count = try Poppler.pageCount(of: pdf)
                guard count > 1 else { continue }
                let lowest = try Poppler.words(of: pdf, page: 1).map(\.bottom).max() ?? 0
                XCTAssertGreaterThanOrEqual(lowest, Self.firstPageFill,
                                            "\(page): the text of page 1 (of \(count)) ends \(Int(lowest * 100)) % down the page")
            }
        }
    }

    func testPaperQuestionnaireFitsOnThreePagesWithEachScaleOnOneLine() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let statements = try built.html("questionnaire/index.html").components(separatedBy: "<span class=\"qn-number\">").count - 1
        XCTAssertEqual(statements, 15)
        let folder = built.site.url("print")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A whole scale, "0 1 2 … 10", on one printed line.
        let scale = try NSRegularExpression(pattern: "(^|\\s)0\\s+1\\s+2\\s+3\\s+4\\s+5\\s+6\\s+7\\s+8\\s+9\\s+10(\\s|$)")

        try await WebDriver.withSession { driver in
            for page in ["questionnaire/index.html", "questionnaire.standalone.html"] {
                try await driver.navigate(to: built.output.appendingPathComponent(page))
                let pdf = folder.appendingPathComponent(page.replacingOccurrences(of: "/", with: "_") + ".pdf")
                try await driver.printPDF().write(to: pdf)
                let count = try Poppler.pageCount(of: pdf)
                var scalesByPage: [Int] = []
                for number in 1...count {
                    let lines = try Poppler.text(of: pdf, page: number).split(separator: "\n").map(String.init)
                    scalesByPage.append(lines.filter { scale.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }.count)
                }
                XCTAssertEqual(scalesByPage.reduce(0, +), statements, "\(page): one whole scale per statement on one line, by page: \(scalesByPage)")
                let lastPageWithAScale = (scalesByPage.lastIndex { $0 > 0 } ?? count) + 1
                XCTAssertLessThanOrEqual(lastPageWithAScale, 3, "\(page): the statements take \(lastPageWithAScale) pages: \(scalesByPage)")
            }
        }
    }

    /// The 1:1 sheet, printed from a result as its button does, fits one A4 page and carries the
    /// answers, total, band, both pulls, region, date, version and questions to discuss.
    func testOneToOneSheetPrintsOnOneA4Page() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let folder = built.site.url("print")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Long answers' texts and the region with the most questions ("neither yet").
        let answers = Array(repeating: "2", count: 15).joined(separator: ",")
        try await WebDriver.withSession { driver in
            let page = built.output.appendingPathComponent("questionnaire/index.html").absoluteString + "#r=v2:" + answers
            try await driver.navigate(to: page)
            let shown = try await driver.execute("return !document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(shown, "the result link shows a result")
            // What the button does before it opens the print dialog.
            try await driver.execute("document.documentElement.classList.add('qn-sheet-mode')")
            let pdf = folder.appendingPathComponent("sheet.pdf")
            try await driver.printPDF().write(to: pdf)
            XCTAssertEqual(try Poppler.pageCount(of: pdf), 1, "the sheet is one A4 page")
            let text = try Poppler.text(of: pdf, page: 1)
            for expected in ["1:1 sheet", "Questionnaire version 2", "Total 72 of 150", "Pulled both ways",
                             "Pull toward mastery 20 %", "toward management 20 %", "Neither pulls hard yet",
                             "Questions to discuss", "Could I shadow a manager", "I want to shape my organisation"] {
                XCTAssertTrue(text.contains(expected), "the sheet lacks \"\(expected)\":\n\(text)")
            }
            XCTAssertNotNil(text.range(of: "Date: 20[0-9][0-9]-[01][0-9]-[0-3][0-9]", options: .regularExpression), text)
            XCTAssertFalse(text.contains("Scoring guide"), "only the sheet is printed")
        }
    }
}
