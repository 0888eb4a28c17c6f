import XCTest

/// Moving a band edge in questionnaire.yml moves the prose, the page's script and the CLI together.
final class BandEdgeTests: XCTestCase {
    func testMovingTheMasteryEdgeMovesProsePageAndCommandTogether() throws {
        let site = try TemporarySite()
        try site.replaceOnce("    min: 101\n", with: "    min: 111\n", in: "content/questionnaire.yml")
        try site.replaceOnce("    max: 100\n", with: "    max: 110\n", in: "content/questionnaire.yml")
        let output = try site.build()

        // Prose: the questionnaire page writes {{scoring.band.mastery.min}} / {{scoring.band.both.max}}.
        let html = try String(contentsOf: output.appendingPathComponent("questionnaire/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("(111–150)"), "mastery range in the prose")
        XCTAssertTrue(html.contains("(50–110)"), "both range in the prose")
        XCTAssertFalse(html.contains("101–150"))
        // The paper scoring guide too.
        XCTAssertTrue(html.contains("<td class=\"qn-range\">111–150</td>"))

        // A vector totalling 105: mastery before, "both" now.
        let answers = [10, 10, 0, 10, 0, 0, 0, 10, 0, 10, 5, 10, 10, 0, 0]
        let joined = answers.map(String.init).joined(separator: ",")

        let command = try ScoreReportJSON.decode(site.score(["--answers", joined, "--json"]).stdout)
        XCTAssertEqual(command.total, 105)
        XCTAssertEqual(command.band.id, "both")
        XCTAssertEqual(command.band.max, 110)

        let script = try BuiltSite.asset("questionnaire", ext: "js", in: output)
        let node = try Node.run(script: """
            const api = require(process.argv[2]);
            const table = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
            const r = api.score(table, JSON.parse(process.argv[4]));
            console.log(JSON.stringify({ total: r.total, band: r.band.id, max: r.band.max }));
            """, arguments: [script.path, output.appendingPathComponent("scoring-table.json").path, "[\(joined)]"])
        XCTAssertEqual(node.exitCode, 0, node.stderr)
        XCTAssertEqual(node.stdout.trimmingCharacters(in: .whitespacesAndNewlines), #"{"total":105,"band":"both","max":110}"#)

        // The table embedded in the page is the one the script reads, with the new edge.
        XCTAssertTrue(html.contains(#""id":"mastery","max":150,"min":111"#))
    }

    func testTheUnchangedSiteScoresTheSameVectorAsMastery() throws {
        let site = try TemporarySite()
        let command = try ScoreReportJSON.decode(site.score(["--answers", "10,10,0,10,0,0,0,10,0,10,5,10,10,0,0", "--json"]).stdout)
        XCTAssertEqual(command.total, 105)
        XCTAssertEqual(command.band.id, "mastery")
    }
}
