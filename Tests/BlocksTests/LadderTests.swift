import XCTest
@testable import Blocks

final class LadderTests: XCTestCase {
    private let ladders = """
        title: Two ladders
        tracks:
          - id: technical
            name: Technical path
            summary: Grow your own expertise.
            levels:
              - name: Entry-level engineer
                scope: Delivers defined tasks.
              - name: Senior engineer
                scope: Owns features.
              - name: Staff engineer
                scope: Shapes direction across teams.
          - id: management
            name: Management path
            summary: Grow through people.
            levels:
              - name: Team lead
                scope: Coordinates a small group.
              - name: Engineering manager
                scope: Hires and coaches.
        """

    private func files(_ text: String, name: String = "ladders") -> [String: DataFile] {
        [name: DataFile(name: name, path: "content/data/\(name).yml", text: text)]
    }

    func testTracksAreColumnsWithTheTopLevelFirst() throws {
        let html = try LadderRenderer(dataFiles: files(ladders)).render(body: "")
        XCTAssertTrue(html.hasPrefix("<div class=\"ladder\" role=\"group\" aria-label=\"Two ladders\">"))
        XCTAssertEqual(try captures(#"<h3 class="ladder-name">([^<]*)</h3>"#, in: html), ["Technical path", "Management path"])
        XCTAssertEqual(
            try captures(#"<span class="ladder-level-name">([^<]*)</span>"#, in: html),
            ["Staff engineer", "Senior engineer", "Entry-level engineer", "Engineering manager", "Team lead"])
        XCTAssertEqual(try captures(#"<ol class="ladder-levels" (reversed)>"#, in: html).count, 2)
        XCTAssertTrue(html.contains("<p class=\"ladder-level-scope\">Hires and coaches.</p>"))
        XCTAssertTrue(html.contains("<p class=\"ladder-summary\">Grow through people.</p>"))
    }

    func testOutputFollowsTheData() throws {
        let before = try LadderRenderer(dataFiles: files(ladders)).render(body: "")
        let renamed = ladders.replacingOccurrences(of: "Staff engineer", with: "Principal engineer")
        let after = try LadderRenderer(dataFiles: files(renamed)).render(body: "")
        XCTAssertNotEqual(before, after)
        XCTAssertTrue(after.contains(">Principal engineer<"))
        XCTAssertFalse(after.contains(">Staff engineer<"))
    }

    func testTracksSubsetAndOtherDataFile() throws {
        let html = try LadderRenderer(dataFiles: files(ladders, name: "paths"))
            .render(body: "data: paths\ntracks: [management]\n")
        XCTAssertEqual(try captures(#"<h3 class="ladder-name">([^<]*)</h3>"#, in: html), ["Management path"])

        let error = try XCTUnwrap(blockError {
            _ = try LadderRenderer(dataFiles: files(ladders)).render(body: "tracks:\n  - research\n")
        })
        XCTAssertEqual(error.line, 2)
        XCTAssertEqual(
            error.message,
            "ladder: `tracks` names \"research\", which content/data/ladders.yml does not define — use one of: technical, management")
    }

    func testMissingDataFileSaysHowToFixIt() throws {
        let error = try XCTUnwrap(blockError {
            _ = try LadderRenderer(dataFiles: files(ladders, name: "dimensions")).render(body: "\n")
        })
        XCTAssertEqual(error.line, 0)
        XCTAssertEqual(
            error.message,
            "ladder: data file content/data/ladders.yml is missing — create it or set `data:` to an existing file "
                + "in content/data/ (available: dimensions)")
    }

    func testProblemsInTheDataFileNameTheFileAndLine() throws {
        let broken = ladders.replacingOccurrences(of: "    name: Management path\n", with: "")
        let error = try XCTUnwrap(blockError { _ = try LadderRenderer(dataFiles: files(broken)).render(body: "") })
        XCTAssertEqual(error.file, "content/data/ladders.yml")
        XCTAssertEqual(error.line, 13)
        XCTAssertEqual(error.message, "ladder: `tracks[1].name` is required but missing")
        XCTAssertEqual(error.description, "content/data/ladders.yml:13: ladder: `tracks[1].name` is required but missing")

        let badYAML = "title: [unclosed\ntracks: []\n"
        let syntax = try XCTUnwrap(blockError { _ = try LadderRenderer(dataFiles: files(badYAML)).render(body: "") })
        XCTAssertEqual(syntax.file, "content/data/ladders.yml")
        XCTAssertEqual(syntax.line, 2)
    }

    func testHostileNamesAreEscaped() throws {
        let hostile = """
            title: '"><svg onload=alert(1)>'
            tracks:
              - id: technical
                name: "<script>alert(2)</script>"
                levels:
                  - name: "<img src=x onerror=alert(3)>"
            """
        let html = try LadderRenderer(dataFiles: files(hostile)).render(body: "")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<svg"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("aria-label=\"&quot;&gt;&lt;svg onload=alert(1)&gt;\""))
    }

    func testBadIdsAndEmptyLevelsAreRejected() throws {
        let badID = ladders.replacingOccurrences(of: "id: management", with: "id: \"Man agement\"")
        let idError = try XCTUnwrap(blockError { _ = try LadderRenderer(dataFiles: files(badID)).render(body: "") })
        XCTAssertEqual(idError.line, 13)
        XCTAssertTrue(idError.message.contains("`tracks[1].id` must be lowercase letters"), idError.message)

        let duplicate = ladders.replacingOccurrences(of: "id: management", with: "id: technical")
        let duplicateError = try XCTUnwrap(blockError { _ = try LadderRenderer(dataFiles: files(duplicate)).render(body: "") })
        XCTAssertTrue(duplicateError.message.contains("share the id \"technical\""), duplicateError.message)
    }
}
