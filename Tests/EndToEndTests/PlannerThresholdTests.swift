import XCTest

/// Moving a planner threshold in planner.yml moves the prose, the page (its table of rules and its
/// script's result) and `crossroads plan` together.
final class PlannerThresholdTests: XCTestCase {
    private static let values = ["--role", "manager", "--years", "5", "--years-from-hands-on", "4", "--team-size", "3"]

    struct PlanJSON: Decodable {
        struct Finding: Decodable { var rule: String; var status: String }
        var findings: [Finding]
        var lines: [String]
    }

    private func plan(_ site: TemporarySite) throws -> PlanJSON {
        let result = try CrossroadsBinary.run(["plan", "--source", site.root.path, "--today", "2026-12-04", "--json"] + Self.values)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return try JSONDecoder().decode(PlanJSON.self, from: Data(result.stdout.utf8))
    }

    /// The lines the built page's script gives for the same values and month.
    private func pageLines(_ output: URL) throws -> [String] {
        let script = try BuiltSite.asset("planner", ext: "js", in: output)
        let node = try Node.run(script: """
            const fs = require('fs');
            const api = require(process.argv[2]);
            const html = fs.readFileSync(process.argv[3], 'utf8');
            const table = api.withWords(JSON.parse(/<script type="application\\/json" class="pl-table">([^<]*)<\\/script>/.exec(html)[1]),
                                        JSON.parse(/<script type="application\\/json" class="pl-words">([^<]*)<\\/script>/.exec(html)[1]));
            const read = api.readValues(table, [['role', 'manager'], ['years', '5'], ['years-from-hands-on', '4'], ['team-size', '3']]);
            console.log(JSON.stringify(api.lines(table, api.evaluate(table, read.values, 2026 * 12 + 11))));
            """, arguments: [script.path, output.appendingPathComponent("planner/index.html").path])
        XCTAssertEqual(node.exitCode, 0, node.stderr)
        return try JSONDecoder().decode([String].self, from: Data(node.stdout.utf8))
    }

    func testMovingTheFrontLineSpanMovesProsePageAndCommandTogether() throws {
        let site = try TemporarySite()
        let before = try plan(site)
        XCTAssertEqual(before.findings.first { $0.rule == "front-line" }?.status, "past", "4 years away is past the default 2–3")
        let beforeHTML = try String(contentsOf: site.build().appendingPathComponent("planner/index.html"), encoding: .utf8)
        XCTAssertTrue(beforeHTML.contains("within 2–3 years of hands-on work"))

        try site.replaceOnce("    from: 2\n    to: 3\n", with: "    from: 2\n    to: 4\n", in: "content/planner.yml")
        let output = try site.build()
        let html = try String(contentsOf: output.appendingPathComponent("planner/index.html"), encoding: .utf8)
        // Prose: {{planner.rule.front-line.from}}–{{planner.rule.front-line.to}}, in the text and the sources.
        XCTAssertTrue(html.contains("within 2–4 years of hands-on work"), "the prose follows the threshold")
        XCTAssertTrue(html.contains("The 2–4 year span for front-line managers"))
        XCTAssertFalse(html.contains("2–3 year"), "no trace of the old span")
        // The page's table of rules, readable without JavaScript.
        XCTAssertTrue(html.contains("<tr id=\"pl-rule-front-line\">"))
        XCTAssertTrue(html.contains("<td class=\"pl-threshold\">2–4 years (years-from-hands-on)</td>"))

        let after = try plan(site)
        XCTAssertEqual(after.findings.first { $0.rule == "front-line" }?.status, "within", "the command follows the threshold")
        XCTAssertTrue(after.lines.contains { $0.contains("inside the 2–4 year span") }, "\(after.lines)")
        // The page's script, on the page's table, says exactly what the command says.
        XCTAssertEqual(try pageLines(output), after.lines)
        XCTAssertNotEqual(after.lines, before.lines)
    }
}
