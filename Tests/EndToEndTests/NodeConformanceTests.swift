import XCTest

/// The built page's questionnaire script, run in Node, must score every golden vector from the
/// Swift `Scoring` module exactly as Swift did: total, band, dimension subtotals, strongest pulls.
final class NodeConformanceTests: XCTestCase {
    /// Loads the script and the table from argv, checks each vector, prints a JSON summary.
    static let checker = """
    'use strict';
    const fs = require('fs');
    const [scriptPath, tablePath, vectorsPath] = process.argv.slice(2);
    const api = require(scriptPath);
    const table = JSON.parse(fs.readFileSync(tablePath, 'utf8'));
    const vectors = JSON.parse(fs.readFileSync(vectorsPath, 'utf8'));
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const sorted = (o) => Object.keys(o).sort().reduce((r, k) => (r[k] = o[k], r), {});
    const failures = [];
    const totals = new Set(), regions = new Set(), pairs = new Set();
    for (const v of vectors) {
      const r = api.score(table, v.answers);
      const pulls = r.pulls && { management: { percent: r.pulls.management.percent, points: r.pulls.management.points },
                                 mastery: { percent: r.pulls.mastery.percent, points: r.pulls.mastery.points } };
      const got = { total: r.total, band: r.band.id, dimensions: sorted(r.dimensions), strongestPulls: r.strongestPulls.map(c => c.itemId),
                    pulls, region: r.region && r.region.id };
      const want = { total: v.total, band: v.band, dimensions: sorted(v.dimensions), strongestPulls: v.strongestPulls,
                     pulls: v.pulls && { management: v.pulls.management, mastery: v.pulls.mastery }, region: v.region };
      totals.add(v.total);
      if (v.region) regions.add(v.region);
      if (v.pulls) pairs.add(v.pulls.mastery.percent + ',' + v.pulls.management.percent);
      if (!same(got, want) && failures.length < 5) failures.push({ answers: v.answers, got, want });
    }
    let rejected = 0;
    const bad = [[], table.items.map(() => table.scale.max + 1), table.items.map(() => 0.5)];
    for (const answers of bad) { try { api.score(table, answers); } catch (e) { rejected++; } }
    console.log(JSON.stringify({ checked: vectors.length, failures, totals: [...totals].sort((a, b) => a - b), rejected, badCount: bad.length,
                                regions: [...regions].sort(), pairs: [...pairs] }));
    """

    struct Summary: Decodable {
        struct Failure: Decodable { var answers: [Int] }
        var checked: Int
        var failures: [Failure]
        var totals: [Int]
        var rejected: Int
        var badCount: Int
        var regions: [String]
        var pairs: [String]
    }

    func testBuiltScriptAgreesWithSwiftOnGoldenVectors() throws {
        let site = try TemporarySite()
        let output = try site.build(extraArguments: ["--emit-golden"])
        let script = try BuiltSite.asset("questionnaire", ext: "js", in: output)
        let result = try Node.run(script: Self.checker, arguments: [
            script.path, output.appendingPathComponent("scoring-table.json").path,
            output.appendingPathComponent("golden-vectors.json").path,
        ])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        XCTAssertGreaterThanOrEqual(summary.checked, 2_000)
        XCTAssertEqual(summary.failures.count, 0, "first disagreements: \(summary.failures.map(\.answers))")
        // The edge totals of the default bands are among the vectors.
        for edge in [0, 49, 50, 51, 99, 100, 101, 150] {
            XCTAssertTrue(summary.totals.contains(edge), "no golden vector totals \(edge)")
        }
        XCTAssertEqual(summary.rejected, summary.badCount, "the script must refuse incomplete or off-scale answers")
        // Pulls and regions (issue 17): every region, and both sides of its edges on both axes.
        XCTAssertEqual(summary.regions, ["both", "management", "mastery", "neither"])
        for pair in ["59,59", "60,59", "59,60", "60,60", "61,61", "0,0", "100,100", "99,100"] {
            XCTAssertTrue(summary.pairs.contains(pair), "no golden vector with pulls \(pair) %")
        }
    }

    /// The script and its stylesheet stay within the budget: 12 KB gzipped together.
    func testScriptAndStylesFitTwelveKilobytesGzipped() throws {
        let site = try TemporarySite()
        let output = try site.build()
        var total = 0
        for ext in ["js", "css"] {
            let asset = try BuiltSite.asset("questionnaire", ext: ext, in: output)
            guard let gzip = ProcessRunner.which("gzip") else { throw SupportError("gzip is not installed") }
            let result = try ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "\(gzip.path) -9 -c \"$0\" | wc -c", asset.path])
            XCTAssertEqual(result.exitCode, 0, result.stderr)
            let bytes = try XCTUnwrap(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
            XCTAssertGreaterThan(bytes, 100, "\(asset.lastPathComponent) looks empty")
            total += bytes
        }
        XCTAssertLessThanOrEqual(total, 12 * 1024, "questionnaire script + styles are \(total) bytes gzipped")
    }
}
