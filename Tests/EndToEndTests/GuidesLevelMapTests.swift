import Foundation
import XCTest
import Yams

/// The default site's level map page shows content/data/ladders.yml: the two tracks side by side
/// as the file's `map` pairs them, one "from X to Y" step per adjacent pair of levels, and a page
/// that says the pairing varies by company. Move a row in the data and the built page follows.
final class GuidesLevelMapTests: XCTestCase {
    static let page = "comparisons/level-map/index.html"

    func testTheLevelMapPageShowsTheLadderDataSideBySide() throws {
        let site = try TemporarySite()
        let output = try site.build()
        let data = try Self.ladderData(site)
        let html = try String(contentsOf: output.appendingPathComponent(Self.page), encoding: .utf8)

        XCTAssertEqual(Self.columnHeaders(html), data.columns)
        XCTAssertEqual(Self.rows(html), data.rows)
        XCTAssertEqual(BuiltHTML.matches(of: #"<summary>([^<]*)</summary>"#, in: html).map(BuiltHTML.decodeEntities), data.steps)
        let text = BuiltHTML.plainText(html)
        for words in ["common pattern", "companies differ", "replace it with your own"] {
            XCTAssertTrue(text.contains(words), "the level map page does not say \"\(words)\"")
        }
        // Every step says what changes, so the map is a diff and not only two lists.
        XCTAssertEqual(html.components(separatedBy: "<ul class=\"level-step-changes\">").count - 1, data.steps.count)
    }

    func testMovingARowInTheDataMovesItOnThePage() throws {
        let site = try TemporarySite()
        // A translation of the data file has the original's shape, so the German map moves too.
        for file in ["content/data/ladders.yml", "content/data/ladders.de.yml"] where FileManager.default.fileExists(atPath: site.url(file).path) {
            try site.replaceOnce("- {technical: entry}", with: "- {technical: entry, management: team-lead}", in: file)
            try site.replaceOnce("- {technical: senior, management: team-lead}", with: "- {technical: senior, management: manager}", in: file)
            try site.replaceOnce("- {technical: staff, management: manager}", with: "- {technical: staff}", in: file)
        }
        let output = try site.build()
        let html = try String(contentsOf: output.appendingPathComponent(Self.page), encoding: .utf8)
        let rows = Self.rows(html)
        XCTAssertTrue(rows.contains(["Senior engineer", "Engineering manager"]), "\(rows)")
        XCTAssertTrue(rows.contains(["Entry-level engineer", "Team or project lead"]), "\(rows)")
        XCTAssertTrue(rows.contains(["Staff engineer", "No level beside it"]), "\(rows)")
        XCTAssertEqual(rows, try Self.ladderData(site).rows)
    }

    // MARK: - Reading the data and the page

    struct Expected {
        var columns: [String]
        /// Top rung first, as the page shows them.
        var rows: [[String]]
        var steps: [String]
    }

    static func ladderData(_ site: TemporarySite) throws -> Expected {
        let yaml = try XCTUnwrap(try Yams.load(yaml: site.read("content/data/ladders.yml")) as? [String: Any])
        let tracks = try XCTUnwrap(yaml["tracks"] as? [[String: Any]])
        let map = try XCTUnwrap(yaml["map"] as? [String: Any])
        let mapRows = try XCTUnwrap(map["rows"] as? [[String: String]])
        let mapped = tracks.filter { track in mapRows.contains { $0[track["id"] as? String ?? ""] != nil } }
        func levels(_ track: [String: Any]) -> [[String: Any]] { track["levels"] as? [[String: Any]] ?? [] }
        let rows = mapRows.reversed().map { row in
            mapped.map { track -> String in
                guard let id = row[track["id"] as? String ?? ""] else { return "No level beside it" }
                return levels(track).first { $0["id"] as? String == id }?["name"] as? String ?? "?"
            }
        }
        let steps = mapped.flatMap { track in
            zip(levels(track), levels(track).dropFirst()).map { lower, upper in
                "From \(lower["name"] as? String ?? "") to \(upper["name"] as? String ?? "")"
            }
        }
        return Expected(columns: mapped.map { $0["name"] as? String ?? "" }, rows: rows, steps: steps)
    }

    static func columnHeaders(_ html: String) -> [String] {
        let table = BuiltHTML.segment(of: html, from: "<table class=\"level-map-table\">", to: "</thead>") ?? ""
        return BuiltHTML.matches(of: #"<th scope="col">([^<]*)</th>"#, in: table).map(BuiltHTML.decodeEntities)
    }

    static func rows(_ html: String) -> [[String]] {
        let body = BuiltHTML.segment(of: html, from: "<table class=\"level-map-table\">", to: "</tbody>") ?? ""
        return BuiltHTML.matches(of: #"<tr>((?:(?!</tr>).)*<td(?:(?!</tr>).)*)</tr>"#, in: body).map { row in
            BuiltHTML.matches(of: #"<td[^>]*>([^<]*)</td>"#, in: row).map(BuiltHTML.decodeEntities)
        }
    }
}
