import XCTest
@testable import Blocks

/// ```level-map: the two ladders side by side from the data file's `map`, and a "from X to Y"
/// view per step up, built from the data alone; every mistake in the map names the file and line.
final class LevelMapTests: XCTestCase {
    private let ladders = """
        title: Two ladders
        tracks:
          - id: technical
            name: Technical path
            levels:
              - name: Entry-level engineer
                id: entry
                scope: Delivers defined tasks.
              - name: Senior engineer
                id: senior
                scope: Owns features.
                changes:
                  - Scopes own work.
                  - Reviews others.
              - name: Staff engineer
                id: staff
                scope: Shapes direction across teams.
                changes: [Influence replaces ownership.]
          - id: management
            name: Management path
            levels:
              - name: Team lead
                id: lead
                scope: Coordinates a small group.
              - name: Engineering manager
                id: manager
                changes: [People become the job.]
        map:
          title: Levels beside each other
          note: A common pattern; companies differ.
          rows:
            - {technical: entry}
            - {technical: senior, management: lead}
            - {technical: staff, management: manager}
        """

    private func files(_ text: String) -> [String: DataFile] {
        ["ladders": DataFile(name: "ladders", path: "content/data/ladders.yml", text: text)]
    }

    private func render(_ text: String, body: String = "") throws -> String {
        try LevelMapRenderer(dataFiles: files(text)).render(body: body)
    }

    func testTheTableHasOneColumnPerTrackAndOneRowPerRungTopFirst() throws {
        let html = try render(ladders)
        XCTAssertEqual(try captures(#"<caption>([^<]*)</caption>"#, in: html), ["Levels beside each other"])
        XCTAssertEqual(try captures(#"<th scope="col">([^<]*)</th>"#, in: html), ["Technical path", "Management path"])
        let rows = try captures(#"<tr>(.*?)</tr>"#, in: html).dropFirst().map { row in
            try captures(#"<td[^>]*>(.*?)</td>"#, in: row).map { $0 == "No level beside it" ? "-" : $0 }
        }
        XCTAssertEqual(rows, [["Staff engineer", "Engineering manager"], ["Senior engineer", "Team lead"], ["Entry-level engineer", "-"]])
        XCTAssertTrue(html.contains("<p class=\"level-map-note\">A common pattern; companies differ.</p>"))
    }

    func testEveryStepUpIsADetailsElementWithBothScopesAndWhatChanges() throws {
        let html = try render(ladders)
        XCTAssertEqual(try captures(#"<summary>([^<]*)</summary>"#, in: html), [
            "From Entry-level engineer to Senior engineer", "From Senior engineer to Staff engineer",
            "From Team lead to Engineering manager",
        ])
        XCTAssertEqual(try captures(#"<h3 class="level-map-steps-title">([^<]*)</h3>"#, in: html),
                       ["Technical path: what changes at each step", "Management path: what changes at each step"])
        let first = try XCTUnwrap(try captures(#"(<details class="level-step">.*?</details>)"#, in: html).first)
        XCTAssertEqual(try captures(#"<dt>([^<]*)</dt>"#, in: first), ["Entry-level engineer", "Senior engineer"])
        XCTAssertEqual(try captures(#"<dd>([^<]*)</dd>"#, in: first), ["Delivers defined tasks.", "Owns features."])
        XCTAssertEqual(try captures(#"<li>([^<]*)</li>"#, in: first), ["Scopes own work.", "Reviews others."])
        // A level without a scope is left out of the comparison rather than shown empty.
        let management = try XCTUnwrap(try captures(#"(<details class="level-step">.*?</details>)"#, in: html).last)
        XCTAssertEqual(try captures(#"<dt>([^<]*)</dt>"#, in: management), ["Team lead"])
    }

    func testTheMapFollowsTheData() throws {
        let moved = ladders
            .replacingOccurrences(of: "- {technical: entry}\n", with: "- {technical: entry, management: lead}\n")
            .replacingOccurrences(of: "- {technical: senior, management: lead}", with: "- {technical: senior, management: manager}")
            .replacingOccurrences(of: "- {technical: staff, management: manager}", with: "- {technical: staff}")
        let html = try render(moved)
        let rows = try captures(#"<tr>(.*?)</tr>"#, in: html).dropFirst().map { row in
            try captures(#"<td[^>]*>(.*?)</td>"#, in: row).map { $0 == "No level beside it" ? "-" : $0 }
        }
        XCTAssertEqual(rows, [["Staff engineer", "-"], ["Senior engineer", "Engineering manager"], ["Entry-level engineer", "Team lead"]])
        let renamed = try render(ladders.replacingOccurrences(of: "Staff engineer", with: "Lighthouse engineer"))
        XCTAssertTrue(renamed.contains("<summary>From Senior engineer to Lighthouse engineer</summary>"))
    }

    func testNamesAreEscaped() throws {
        let hostile = ladders.replacingOccurrences(of: "Scopes own work.", with: "\"<img src=x onerror=alert(1)>\"")
            .replacingOccurrences(of: "A common pattern; companies differ.", with: "\"<script>alert(2)</script>\"")
        let html = try render(hostile)
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// Each mistake: the replacement, the line it leaves the problem on, and words of the message.
    func testMistakesInTheMapNameTheFileAndLine() throws {
        let cases: [(String, String, Int, String)] = [
            ("- {technical: staff, management: manager}", "- {technical: staff, management: director}", 34,
             "`map.rows[2].management` names the level \"director\", which track \"management\" does not have — use one of: lead, manager"),
            ("- {technical: staff, management: manager}", "- {technical: staff, research: manager}", 34,
             "`map.rows[2]` names the track \"research\", which this file does not define — use one of: technical, management"),
            ("- {technical: staff, management: manager}", "- {technical: senior, management: manager}", 34,
             "`map.rows[2].technical` repeats the level \"senior\", already in `map.rows[1]`"),
            ("- {technical: entry}\n    - {technical: senior, management: lead}", "- {technical: senior, management: lead}\n    - {technical: entry}", 33,
             "`map.rows[1].technical` puts \"entry\" above \"senior\", but it is lower on track \"technical\""),
            ("- {technical: staff, management: manager}", "- {management: manager}", 32,
             "the level \"staff\" of track \"technical\" is in no row of `map.rows`"),
            ("    - {technical: entry}\n", "    - {}\n", 32, "`map.rows[0]` is empty"),
            ("    id: lead\n        scope: Coordinates a small group.\n",
             "    id: lead\n        scope: Coordinates a small group.\n        changes: [Nothing below.]\n", 25,
             "`tracks[1].levels[0].changes` is on the entry level"),
            ("    id: manager\n", "    id: lead\n", 26, "two levels of track \"management\" share the id \"lead\""),
            ("    id: senior\n", "    id: Senior Engineer\n", 10, "`tracks[0].levels[1].id` must be lowercase letters"),
            ("  title: Levels beside each other\n", "  titel: Levels beside each other\n", 29, "unknown key `titel` in `map`"),
        ]
        for (old, new, line, words) in cases {
            XCTAssertTrue(ladders.contains(old), "the case's text \(old) is not in the fixture")
            let error = try XCTUnwrap(blockError { _ = try render(ladders.replacingOccurrences(of: old, with: new)) }, words)
            XCTAssertEqual(error.file, "content/data/ladders.yml", words)
            XCTAssertEqual(error.line, line, "\(words): \(error.message)")
            XCTAssertTrue(error.message.hasPrefix("level-map: "), error.message)
            XCTAssertTrue(error.message.contains(words), "expected \"\(words)\" in: \(error.message)")
        }
    }

    func testTheLadderBlockRefusesABrokenMapToo() throws {
        let broken = ladders.replacingOccurrences(of: "management: manager}", with: "management: director}")
        let error = try XCTUnwrap(blockError { _ = try LadderRenderer(dataFiles: files(broken)).render(body: "") })
        XCTAssertEqual(error.file, "content/data/ladders.yml")
        XCTAssertEqual(error.line, 34)
        XCTAssertTrue(error.message.hasPrefix("ladder: `map.rows[2].management` names the level \"director\""), error.message)
    }

    func testAFileWithoutAMapSaysHowToAddOne() throws {
        let noMap = String(ladders[..<ladders.range(of: "map:")!.lowerBound])
        XCTAssertNoThrow(try LadderRenderer(dataFiles: files(noMap)).render(body: ""), "a ladder needs no map")
        let error = try XCTUnwrap(blockError { _ = try render(noMap) })
        XCTAssertEqual(error.file, "content/data/ladders.yml")
        XCTAssertTrue(error.message.contains("has no `map:`") && error.message.contains("docs/writing-guides.md"), error.message)
    }
}
