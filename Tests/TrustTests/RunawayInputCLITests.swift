import Foundation
import TestSupport
import XCTest

/// One end-to-end run of the real `crossroads` binary per kind of runaway input of issue 14: each
/// input would take minutes or gigabytes without its bound; with it the build fails at once with
/// an exit code of 1...127, names the file and line and the limit, and leaves the output as it was.
final class RunawayInputCLITests: XCTestCase {
    /// Eleven levels of ten aliases: 10^12 values written in a few hundred bytes; the fifth line
    /// (`l4`, 111,110 values repeated) is the first over the default limit.
    static func aliasBomb(prefix: String = "") -> String {
        var lines = ["\(prefix)l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...11 {
            lines.append("\(prefix)l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testAYAMLAliasBombIsRefusedInEveryYAMLFile() throws {
        let site = try CLISite("alias-bomb")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let bomb = Self.aliasBomb()
        let questionnaire = try site.read("content/questionnaire.yml")
        let siteSettings = try site.read("site.yml")
        // (file to write, its text, the file and line the error must name)
        let cases: [(String, String, String, Int)] = [
            ("content/data/bomb.yml", bomb, "content/data/bomb.yml", 5),
            // As a mapping key, which Yams would hash in full while composing.
            ("content/data/keys.yml", bomb + "? *l11\n: 1\n", "content/data/keys.yml", 5),
            ("content/pitfalls/bomb.md", "---\ntitle: Bomb\n" + Self.aliasBomb(prefix: "x") + "---\nBody.\n", "content/pitfalls/bomb.md", 7),
            ("content/questionnaire.yml", questionnaire + "\n" + Self.aliasBomb(prefix: "x"), "content/questionnaire.yml", questionnaire.split(separator: "\n", omittingEmptySubsequences: false).count + 5),
            ("site.yml", siteSettings + Self.aliasBomb(prefix: "x"), "site.yml", siteSettings.split(separator: "\n").count + 5),
            ("content/pitfalls/chart.md", "---\ntitle: Chart\n---\n\n```chart\n" + bomb + "```\n", "content/pitfalls/chart.md", 10),
        ]
        for (path, text, named, line) in cases {
            let original = try? site.read(path)
            try site.write(path, text)
            let result = try site.build()
            assertRefused(result, naming: named, line: line, before: before, after: site.output, path)
            XCTAssertTrue(result.stderr.contains("over the limit of 100000"), "\(path): \(result.stderr)")
            if let original { try site.write(path, original) } else { try site.remove(path) }
        }
        // Nesting: libyaml and the composer recurse once per level.
        try site.write("content/data/deep.yml", "x:\n" + (1...150).map { String(repeating: " ", count: $0) + "- \n" }.joined())
        assertRefused(try site.build(), naming: "content/data/deep.yml", line: 101, before: before, after: site.output, "deep")
    }

    func testAWideTableAndTooManyCellsAreRefused() throws {
        let site = try CLISite("wide-table")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        // 29 KB that cmark-gfm pads to 2,000 cells on each of 12,000 rows.
        let header = String(repeating: "|a", count: 2_000) + "|\n" + String(repeating: "|-", count: 2_000) + "|\n"
        try site.write("content/pitfalls/wide.md", "---\ntitle: Wide\n---\n\n" + header + String(repeating: "|\n", count: 12_000))
        let wide = try site.build()
        assertRefused(wide, naming: "content/pitfalls/wide.md", line: 6, before: before, after: site.output, "wide")
        XCTAssertTrue(wide.stderr.contains("2000 columns, over the limit of 100") && wide.stderr.contains("limits: {table_columns:"), wide.stderr)
        // Narrow, but 60,000 rows of ten columns.
        let narrow = String(repeating: "|a", count: 10) + "|\n" + String(repeating: "|-", count: 10) + "|\n"
        try site.write("content/pitfalls/wide.md", "---\ntitle: Long\n---\n\n" + narrow + String(repeating: "|1\n", count: 60_000))
        let long = try site.build()
        assertRefused(long, naming: "content/pitfalls/wide.md", line: 6, before: before, after: site.output, "long")
        XCTAssertTrue(long.stderr.contains("over the limit of 100000") && long.stderr.contains("table_cells"), long.stderr)
    }

    func testManyHeadingsAreRefusedAndIdsStayUniqueUpToTheLimit() throws {
        let site = try CLISite("headings")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        try site.write("content/pitfalls/heads.md", "---\ntitle: Heads\n---\n\n" + String(repeating: "## Same\n\n", count: 20_000))
        let many = try site.build()
        // The 2,001st heading: line 5 + 2 * 2,000.
        assertRefused(many, naming: "content/pitfalls/heads.md", line: 4_005, before: before, after: site.output, "20,000 headings")
        XCTAssertTrue(many.stderr.contains("limits: {headings:"), many.stderr)

        // At the limit it builds, every id once, `same`, `same-1` ... in order.
        try site.write("content/pitfalls/heads.md", "---\ntitle: Heads\n---\n\n## Same 1\n\n" + String(repeating: "## Same\n\n", count: 1_999))
        let atLimit = try site.build()
        XCTAssertEqual(atLimit.exitStatus, 0, atLimit.summary)
        let html = try String(contentsOf: site.output.appendingPathComponent("pitfalls/heads/index.html"), encoding: .utf8)
        let ids = html.components(separatedBy: "<h2 id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("same") }
        XCTAssertEqual(ids.count, 2_000)
        XCTAssertEqual(Set(ids).count, 2_000, "two headings share an id")
        XCTAssertEqual(Array(ids.prefix(4)), ["same-1", "same", "same-2", "same-3"])
    }

    func testAnOversizedQuestionnaireIsRefused() throws {
        let site = try CLISite("questionnaire-size")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let original = try site.read("content/questionnaire.yml")
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(of prefix: String) -> Int { (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1 }

        try site.write("content/questionnaire.yml", original.replacingOccurrences(of: "  max: 10\n", with: "  max: 1000000\n"))
        let scale = try site.build()
        assertRefused(scale, naming: "content/questionnaire.yml", line: line(of: "scale:"), before: before, after: site.output, "scale")
        XCTAssertTrue(scale.stderr.contains("1000001 answers, over the limit of 101"), scale.stderr)

        let bandsAt = try XCTUnwrap(original.range(of: "\nbands:\n"))
        let bands = (0..<5_000).map { "  - {id: b\($0), label: B, min: \($0), max: \($0), summary: S, advice: A}\n" }.joined()
        try site.write("content/questionnaire.yml", String(original[..<bandsAt.lowerBound]) + "\nbands:\n" + bands)
        let manyBands = try site.build()
        assertRefused(manyBands, naming: "content/questionnaire.yml", line: line(of: "bands:"), before: before, after: site.output, "bands")
        XCTAssertTrue(manyBands.stderr.contains("5000 bands, over the limit of 200"), manyBands.stderr)

        let itemsAt = try XCTUnwrap(original.range(of: "\nitems:\n"))
        let items = (0..<2_000).map { "  - {id: i\($0), text: T, dimension: d}\n" }.joined()
        try site.write("content/questionnaire.yml", String(original[..<itemsAt.lowerBound]) + "\nitems:\n" + items + String(original[bandsAt.lowerBound...]))
        let manyItems = try site.build()
        assertRefused(manyItems, naming: "content/questionnaire.yml", line: line(of: "items:"), before: before, after: site.output, "items")
        XCTAssertTrue(manyItems.stderr.contains("2000 items, over the limit of 500"), manyItems.stderr)
    }

    /// A real site that needs more raises the limit in site.yml; a misspelt limit is an error.
    func testALimitIsRaisedInSiteYML() throws {
        let site = try CLISite("raise")
        defer { site.scratch.remove() }
        let header = String(repeating: "|a", count: 150) + "|\n" + String(repeating: "|-", count: 150) + "|\n|1|\n"
        try site.write("content/pitfalls/wide.md", "---\ntitle: Wide\n---\n\n" + header)
        let before = FolderSnapshot(site.output)
        assertRefused(try site.build(), naming: "content/pitfalls/wide.md", line: 6, before: before, after: site.output, "150 columns")
        let settings = try site.read("site.yml")
        try site.write("site.yml", settings + "limits: {table_colums: 200}\n")
        assertRefused(try site.build(), naming: "site.yml", line: settings.split(separator: "\n").count + 1, before: before, after: site.output, "misspelt limit")
        try site.write("site.yml", settings + "limits: {table_columns: 200}\n")
        let raised = try site.build()
        XCTAssertEqual(raised.exitStatus, 0, raised.summary)
    }
}
