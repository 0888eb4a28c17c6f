import XCTest

/// `crossroads score` prints both pulls and the region, as text, as JSON and on the 1:1 sheet.
final class PullsCommandTests: XCTestCase {
    /// Forward-keyed statements at 7, reverse-keyed at 3: pulls 56/80 = 70 % and 21/70 = 30 %.
    static let answers = "7,7,3,7,3,3,3,7,3,7,7,3,3,7,7"

    func testTextAndJSONReportPullsAndRegion() throws {
        let site = try TemporarySite()
        let text = try site.score(["--answers", Self.answers])
        XCTAssertEqual(text.exitCode, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Pull toward mastery: 70 % (56 of 80 points)\nPull toward management: 30 % (21 of 70 points)\n"
            + "Region: Mastery pulls harder (mastery, mastery 60–100 %, management 0–59 %)"), text.stdout)

        let json = try ScoreReportJSON.decode(site.score(["--answers", Self.answers, "--json"]).stdout)
        XCTAssertEqual(json.total, 105)
        XCTAssertEqual(json.band.id, "mastery")
        XCTAssertEqual(json.pulls?.mastery.percent, 70)
        XCTAssertEqual(json.pulls?.mastery.points, 56)
        XCTAssertEqual(json.pulls?.management.max, 70)
        XCTAssertEqual(json.pulls?.management.percent, 30)
        XCTAssertEqual(json.region?.id, "mastery")
        XCTAssertEqual(json.region?.mastery.min, 60)
    }

    func testSheetIsMarkdownWithEverythingTheMeetingNeeds() throws {
        let site = try TemporarySite()
        let result = try site.score(["--answers", Array(repeating: "5", count: 15).joined(separator: ","), "--sheet", "--today", "2026-12-04"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let sheet = result.stdout
        XCTAssertTrue(sheet.hasPrefix("# 1:1 sheet: Mastery, management, or both?\n\nDate: 2026-12-04 · Questionnaire version 2\n"), sheet)
        XCTAssertTrue(sheet.contains("- Total: 75 of 150: **Pulled both ways** (50–100)\n"), sheet)
        XCTAssertTrue(sheet.contains("- Pull toward mastery: 50 % (40 of 80 points)\n- Pull toward management: 50 % (35 of 70 points)\n"), sheet)
        XCTAssertTrue(sheet.contains("- Region: **Neither pulls hard yet**"), sheet)
        XCTAssertTrue(sheet.contains("| 15 | I want to shape my organisation's technical direction through designs I write myself. | 5 |"), sheet)
        XCTAssertTrue(sheet.contains("## Questions to discuss\n\n- Which of the two jobs have I seen up close, and for how long?\n"), sheet)

        let badDate = try site.score(["--answers", Self.answers, "--sheet", "--today", "4/12/2026"])
        XCTAssertNotEqual(badDate.exitCode, 0)
        XCTAssertTrue(badDate.stderr.contains("YYYY-MM-DD"), badDate.stderr)
    }
}
