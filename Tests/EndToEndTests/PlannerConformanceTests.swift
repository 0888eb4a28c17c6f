import Foundation
import Scoring
import XCTest
import Yams

/// The built planner page's script must evaluate every seeded history exactly as the Swift
/// `Planner` does (findings, checkpoints and the lines shown), in Node and in one Chromium session
/// on the built page; `crossroads plan` prints the same lines for a sample of them.
final class PlannerConformanceTests: XCTestCase {
    static let historyCount = 2_000

    /// Run in Node and in the page alike: `api` is the script's API, `table` the page's table.
    static let checker = """
    function checkPlannerHistories(api, table, histories) {
      const canon = (v) => Array.isArray(v) ? v.map(canon) : v && typeof v === 'object'
        ? Object.keys(v).sort().reduce((o, k) => (o[k] = canon(v[k]), o), {}) : v;
      const same = (a, b) => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
      const failures = [];
      const statuses = {};
      let checkpoints = 0;
      for (const h of histories) {
        const read = api.readValues(table, Object.keys(h.values).map(id => [id, h.values[id]]));
        const [year, month] = h.today.split('-').map(Number);
        const r = api.evaluate(table, read.values, year * 12 + month - 1);
        const got = {
          findings: r.findings.map(f => ({ rule: f.rule, status: f.status, text: f.text })),
          checkpoints: r.checkpoints.map(c => ({ rule: c.rule, edge: c.edge, month: api.monthText(c.month), value: c.value, text: c.text })),
          lines: api.lines(table, r),
        };
        const want = { findings: h.findings, checkpoints: h.checkpoints, lines: h.lines };
        for (const f of r.findings) statuses[f.status] = (statuses[f.status] || 0) + 1;
        checkpoints += r.checkpoints.length;
        if (!same(got, want) && failures.length < 3) failures.push({ values: JSON.stringify(h.values), today: h.today, got: JSON.stringify(got), want: JSON.stringify(want) });
      }
      return { checked: histories.length, failures, statuses, checkpoints };
    }
    """

    struct Summary: Decodable {
        var checked: Int
        var failures: [[String: String]]
        var statuses: [String: Int]
        var checkpoints: Int
    }

    /// The site's planner as the build reads it, its seeded histories, and the built page.
    private func prepare() throws -> (site: TemporarySite, output: URL, planner: Planner, histories: [PlannerHistory], json: String) {
        let site = try TemporarySite()
        let output = try site.build()
        let planner = try YAMLDecoder().decode(Planner.self, from: site.read("content/planner.yml"))
        XCTAssertEqual(planner.validate(), [])
        let histories = PlannerHistories.generate(for: planner, count: Self.historyCount, seed: 20_261_204)
        XCTAssertGreaterThanOrEqual(histories.count, Self.historyCount)
        // The page embeds exactly the table Swift compiles from the file.
        let html = try String(contentsOf: output.appendingPathComponent("planner/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<script type=\"application/json\" class=\"pl-table\">\(planner.compile().canonicalJSON())</script>"),
                      "the page's table is not the compiled planner.yml")
        return (site, output, planner, histories, PlannerHistories.json(histories, planner: planner))
    }

    private func assertAgreement(_ summary: Summary, where place: String) {
        XCTAssertEqual(summary.checked, Self.historyCount, place)
        XCTAssertEqual(summary.failures.count, 0, "\(place) disagrees with Swift: \(summary.failures)")
        for status in PlanStatus.allCases {
            XCTAssertGreaterThan(summary.statuses[status.rawValue] ?? 0, 100, "\(place): few histories end \(status.rawValue)")
        }
        XCTAssertGreaterThan(summary.checkpoints, 1_000, place)
    }

    func testNodeAndChromiumAgreeWithSwiftOnSeededHistories() async throws {
        let (site, output, _, _, json) = try prepare()
        defer { withExtendedLifetime(site) {} } // the built site lives in the copy's folder
        let historiesFile = FileManager.default.temporaryDirectory.appendingPathComponent("planner-histories-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: historiesFile)
        defer { try? FileManager.default.removeItem(at: historiesFile) }

        let script = try BuiltSite.asset("planner", ext: "js", in: output)
        let node = try Node.run(script: Self.checker + """

            const fs = require('fs');
            const [scriptPath, pagePath, historiesPath] = process.argv.slice(2);
            const html = fs.readFileSync(pagePath, 'utf8');
            const api = require(scriptPath);
            const table = api.withWords(JSON.parse(/<script type="application\\/json" class="pl-table">([^<]*)<\\/script>/.exec(html)[1]),
                                        JSON.parse(/<script type="application\\/json" class="pl-words">([^<]*)<\\/script>/.exec(html)[1]));
            console.log(JSON.stringify(checkPlannerHistories(api, table, JSON.parse(fs.readFileSync(historiesPath, 'utf8')))));
            """, arguments: [script.path, output.appendingPathComponent("planner/index.html").path, historiesFile.path])
        XCTAssertEqual(node.exitCode, 0, node.stderr)
        assertAgreement(try JSONDecoder().decode(Summary.self, from: Data(node.stdout.utf8)), where: "Node")

        try WebDriver.requireBrowser()
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("planner/index.html"))
            // All histories in one call: the page's own script and table, no navigation per history.
            let result = try await driver.execute(Self.checker + """

                const table = window.crossroadsPlanner.withWords(JSON.parse(document.querySelector('section.planner script.pl-table').textContent),
                                                                 JSON.parse(document.querySelector('section.planner script.pl-words').textContent));
                return JSON.stringify(checkPlannerHistories(window.crossroadsPlanner, table, JSON.parse(arguments[0])));
                """, arguments: [json], as: String.self)
            self.assertAgreement(try JSONDecoder().decode(Summary.self, from: Data(result.utf8)), where: "Chromium")
        }
    }

    /// `crossroads plan --json` prints the lines Swift's histories hold, for a sample of them
    /// (every role, dates across two centuries).
    func testPlanCommandPrintsTheSameLines() throws {
        let (site, _, planner, histories, _) = try prepare()
        var roles: Set<String> = []
        for history in histories.prefix(12) {
            let today = PlannerHistories.monthText(history.today) + "-15"
            let arguments = ["plan", "--source", site.root.path, "--today", today, "--json"] + history.values.flatMap { ["--\($0.id)", $0.text] }
            let result = try CrossroadsBinary.run(arguments)
            XCTAssertEqual(result.exitCode, 0, result.stderr)
            let printed = try JSONDecoder().decode(PlanJSON.self, from: Data(result.stdout.utf8))
            XCTAssertEqual(printed.lines, history.result.lines(in: planner), "\(arguments)")
            XCTAssertEqual(printed.fragment, planner.fragment(history.result.values))
            roles.insert(history.values.first { $0.id == "role" }?.text ?? "")
        }
        XCTAssertEqual(roles, ["engineer", "manager", "hybrid"])
    }

    struct PlanJSON: Decodable {
        var lines: [String]
        var fragment: String
    }
}
