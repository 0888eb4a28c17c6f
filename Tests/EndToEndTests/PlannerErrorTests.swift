import Foundation
import XCTest

/// A broken planner.yml fails the build with every problem at its line in planner.yml and what to
/// do, exit status 1, and the previous output untouched; `crossroads plan` says the same.
final class PlannerErrorTests: XCTestCase {
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) { files[relative] = data }
        }
        return files
    }

    func testEveryProblemIsNamedAtItsLineAndThePreviousOutputStays() throws {
        let site = try TemporarySite()
        let output = try site.build()
        let before = try snapshot(output)
        try site.replaceOnce("    source: S5\n    title: \"Stay close", with: "    source: S9\n    title: \"Stay close", in: "content/planner.yml")
        try site.replaceOnce("    from: 1\n    to: 3\n", with: "    from: 1\n    to: 900\n", in: "content/planner.yml")
        let lines = try site.read("content/planner.yml").components(separatedBy: "\n")
        let sourceLine = try XCTUnwrap(lines.firstIndex(of: "    source: S9")) + 1
        let spanLine = try XCTUnwrap(lines.firstIndex(of: "    from: 1")) + 1

        let result = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", output.path])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("content/planner.yml:\(sourceLine): error: rules[0].source: rule \"front-line\" cites \"S9\", which is not among the sources"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/planner.yml:\(spanLine): error: rules[2].from: rule \"few-reports\" spans 1...900, but \"team-size\" runs 0...500"), result.stderr)
        XCTAssertTrue(result.stderr.contains("fix: edit the planner"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Build failed with 2 errors; the previous output was left untouched."), result.stderr)
        XCTAssertEqual(try snapshot(output), before, "the previous output is untouched")

        let plan = try CrossroadsBinary.run(["plan", "--source", site.root.path, "--role", "manager"])
        XCTAssertEqual(plan.exitCode, 1)
        XCTAssertTrue(plan.stderr.contains("content/planner.yml:\(sourceLine): error: rules[0].source"), plan.stderr)
    }

    func testAWrongTypeAMissingFileAndMissingValuesSayWhatToDo() throws {
        let site = try TemporarySite()
        try site.replaceOnce("    from: 3\n    to: 4\n", with: "    from: three\n    to: 4\n", in: "content/planner.yml")
        let typed = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", site.output.path])
        XCTAssertEqual(typed.exitCode, 1)
        XCTAssertTrue(typed.stderr.contains("content/planner.yml:"), typed.stderr)
        XCTAssertTrue(typed.stderr.contains("error: rules[1].from:"), typed.stderr)
        XCTAssertTrue(typed.stderr.contains("whole numbers"), typed.stderr)

        try FileManager.default.removeItem(at: site.url("content/planner.yml"))
        let missing = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", site.output.path])
        XCTAssertEqual(missing.exitCode, 1)
        XCTAssertTrue(missing.stderr.contains("error: planner: there is no planner — create content/planner.yml"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("error: unknown placeholder {{planner.rule.front-line.from}}"), missing.stderr)
        let noPlanner = try CrossroadsBinary.run(["plan", "--source", site.root.path, "--role", "manager"])
        XCTAssertEqual(noPlanner.exitCode, 1)
        XCTAssertTrue(noPlanner.stderr.contains("content/planner.yml: error: no planner in"), noPlanner.stderr)

        let fresh = try TemporarySite()
        let incomplete = try CrossroadsBinary.run(["plan", "--source", fresh.root.path, "--role", "manager", "--years", "2", "--today", "2026-12-04"])
        XCTAssertEqual(incomplete.exitCode, 1)
        XCTAssertTrue(incomplete.stderr.hasPrefix("error: no value for years-from-hands-on ("), incomplete.stderr)
        XCTAssertTrue(incomplete.stderr.contains("--<input id> VALUE"), incomplete.stderr)
        let badDate = try CrossroadsBinary.run(["plan", "--source", fresh.root.path, "--role", "engineer", "--years", "1", "--years-managed", "0", "--today", "2026-02-30"])
        XCTAssertEqual(badDate.exitCode, 1)
        XCTAssertTrue(badDate.stderr.contains("--today 2026-02-30 is not a date"), badDate.stderr)
    }
}
