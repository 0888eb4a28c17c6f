import XCTest

/// Moving a region edge in questionnaire.yml moves the prose, the page (its table, scoring
/// guide and script) and the CLI together.
final class RegionEdgeTests: XCTestCase {
    func testMovingTheMasteryPullEdgeMovesProsePageAndCommandTogether() throws {
        let site = try TemporarySite()
        var yaml = try site.read("content/questionnaire.yml")
        // The line between "strong" and "not yet" on the mastery axis, from 60 % to 70 %, in all four regions.
        XCTAssertEqual(yaml.components(separatedBy: "mastery: {min: 60, max: 100}").count - 1, 2)
        XCTAssertEqual(yaml.components(separatedBy: "mastery: {min: 0, max: 59}").count - 1, 2)
        yaml = yaml.replacingOccurrences(of: "mastery: {min: 60, max: 100}", with: "mastery: {min: 70, max: 100}")
            .replacingOccurrences(of: "mastery: {min: 0, max: 59}", with: "mastery: {min: 0, max: 69}")
        try site.write(yaml, to: "content/questionnaire.yml")
        let output = try site.build()

        // Prose: the questionnaire page quotes {{scoring.region.mastery.mastery.min}}, the scoring guide its rows.
        let html = try String(contentsOf: output.appendingPathComponent("questionnaire/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("mastery at 70 % or more"), "the prose follows the edge")
        XCTAssertFalse(html.contains("mastery at 60 % or more"))
        XCTAssertTrue(html.contains("<tr id=\"guide-region-mastery\"><td class=\"qn-range\">70–100 %</td>"), "the scoring guide follows the edge")
        XCTAssertTrue(html.contains(#""management":{"max":59,"min":0},"mastery":{"max":100,"min":70}"#), "the embedded table follows the edge")

        // Forward-keyed at 7, reverse-keyed at 3: a 70 % pull toward mastery, on the new edge.
        // At 6 (pull 60 %) the region was "mastery" before and is "neither" now.
        for (answers, region) in [("7,7,3,7,3,3,3,7,3,7,7,3,3,7,7", "mastery"), ("6,6,3,6,3,3,3,6,3,6,6,3,3,6,6", "neither")] {
            let command = try ScoreReportJSON.decode(site.score(["--answers", answers, "--json"]).stdout)
            XCTAssertEqual(command.region?.id, region, answers)
            let script = try BuiltSite.asset("questionnaire", ext: "js", in: output)
            let node = try Node.run(script: """
                const api = require(process.argv[2]);
                const table = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));
                const r = api.score(table, JSON.parse(process.argv[4]));
                console.log(r.region.id + ' ' + r.pulls.mastery.percent);
                """, arguments: [script.path, output.appendingPathComponent("scoring-table.json").path, "[\(answers)]"])
            XCTAssertEqual(node.exitCode, 0, node.stderr)
            XCTAssertEqual(node.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "\(region) \(command.pulls?.mastery.percent ?? -1)")
        }
    }

    /// A region edge that leaves part of the map to no region fails the build with file, line and fix.
    func testAGapInTheMapFailsTheBuildNamingFileAndLine() throws {
        let site = try TemporarySite()
        try site.replaceOnce("    mastery: {min: 0, max: 59}\n    management: {min: 0, max: 59}\n",
                             with: "    mastery: {min: 0, max: 54}\n    management: {min: 0, max: 59}\n", in: "content/questionnaire.yml")
        let result = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", site.output.path])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("content/questionnaire.yml:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("mastery 55...59 %, management 0...59 % belongs to no region"), result.stderr)
    }

    /// A region's `next:` that names nothing fails the build as a band's does, instead of vanishing.
    func testARegionReadNextThatNamesNothingFailsTheBuild() throws {
        let site = try TemporarySite()
        try site.replaceOnce("    next: [comparisons/, pendulum/]\n", with: "    next: [comparisons/, pendulm/]\n", in: "content/questionnaire.yml")
        let result = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", site.output.path])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("regions[0].next: \"pendulm/\" names no section or page of this site"), result.stderr)
    }
}
