import XCTest

/// The ladder diagram and the comparison table come from content/data/, not from the prose:
/// change the data in a copy of the site and the built pages follow.
final class GuidesDataBlocksTests: XCTestCase {
    func testLadderAndCompareFollowTheDataFiles() throws {
        let site = try TemporarySite()
        let before = try site.build()
        let oldLevel = "Staff engineer"
        let newLevel = "Lighthouse engineer"
        let oldCell = "Advancement tracks your own growth in skill and the reach of your technical judgment."
        let newCell = "Advancement follows the hardest problem you have quietly retired this year."

        let ladderBefore = try Self.ladder(in: before)
        let ladderPageBefore = try Self.page("comparisons/ladders", in: before)
        XCTAssertTrue(ladderBefore.contains(">\(oldLevel)<"), "the ladder does not show \(oldLevel) before the change")
        XCTAssertTrue(try Self.compare(in: before).contains(oldCell), "the compare table does not show the cell before the change")

        try site.replaceOnce("- name: \"\(oldLevel)\"", with: "- name: \"\(newLevel)\"", in: "content/data/ladders.yml")
        try site.replaceOnce("\"\(oldCell)\"", with: "\"\(newCell)\"", in: "content/data/dimensions.yml")
        let after = try site.build()

        let ladderAfter = try Self.ladder(in: after)
        XCTAssertTrue(ladderAfter.contains(">\(newLevel)<"), "the ladder does not show the renamed level")
        XCTAssertFalse(ladderAfter.contains(">\(oldLevel)<"), "the ladder still shows the old level name")
        let compareAfter = try Self.compare(in: after)
        XCTAssertTrue(compareAfter.contains(newCell), "the compare table does not show the new cell")
        XCTAssertFalse(compareAfter.contains(oldCell), "the compare table still shows the old cell")
        // Only the block changed: the prose around it is the same page as before.
        XCTAssertEqual(ladderPageBefore.replacingOccurrences(of: ladderBefore, with: ""),
                       try Self.page("comparisons/ladders", in: after).replacingOccurrences(of: ladderAfter, with: ""))
    }

    static func page(_ folder: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent("\(folder)/index.html"), encoding: .utf8)
    }

    static func ladder(in output: URL) throws -> String {
        let html = try page("comparisons/ladders", in: output)
        return try XCTUnwrap(BuiltHTML.segment(of: html, from: "<div class=\"ladder\"", to: "</div>"), "no ladder on comparisons/ladders/")
    }

    static func compare(in output: URL) throws -> String {
        let html = try page("comparisons/five-dimensions", in: output)
        return try XCTUnwrap(BuiltHTML.segment(of: html, from: "<table class=\"compare\"", to: "</table>"), "no compare table on comparisons/five-dimensions/")
    }
}
