import XCTest

/// The built page's own script, in headless Chromium, must score every golden vector from the
/// Swift `Scoring` module exactly as Swift did, the two pulls and the region included.
final class BrowserConformanceTests: XCTestCase {
    /// Runs in the page: the table it embeds, the interpreter it loaded, every vector.
    static let checker = """
    const vectors = JSON.parse(arguments[0]);
    const table = JSON.parse(document.getElementById('scoring-table').textContent);
    const failures = [], regions = new Set();
    for (const v of vectors) {
      const r = window.crossroadsScore.score(table, v.answers);
      const got = [r.total, r.band.id, r.pulls.mastery.points, r.pulls.mastery.percent, r.pulls.management.points, r.pulls.management.percent, r.region.id];
      const want = [v.total, v.band, v.pulls.mastery.points, v.pulls.mastery.percent, v.pulls.management.points, v.pulls.management.percent, v.region];
      regions.add(r.region.id);
      if (JSON.stringify(got) !== JSON.stringify(want) && failures.length < 5) failures.push(JSON.stringify({ answers: v.answers, got, want }));
    }
    return { checked: vectors.length, failures, regions: [...regions].sort() };
    """

    struct Summary: Decodable {
        var checked: Int
        var failures: [String]
        var regions: [String]
    }

    func testPageScriptAgreesWithSwiftOnPullsAndRegions() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build(extraArguments: ["--emit-golden"])
        let vectors = try String(contentsOf: output.appendingPathComponent("golden-vectors.json"), encoding: .utf8)
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("questionnaire/index.html"))
            let summary = try await driver.execute(Self.checker, arguments: [vectors], as: Summary.self)
            XCTAssertGreaterThanOrEqual(summary.checked, 2_000)
            XCTAssertEqual(summary.failures, [], "first disagreements")
            XCTAssertEqual(summary.regions, ["both", "management", "mastery", "neither"])
        }
    }
}
