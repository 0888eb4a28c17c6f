import Foundation
import Markdown
@testable import SiteBuilder
import XCTest

/// The `fix:` line of a Markdown, link or fenced-block problem follows the problem's kind, never
/// its wording.
final class FixHintTests: XCTestCase {
    private static let kinds: [MarkdownError.Kind] = [
        .overLimit("table_columns"), .link, .fencedBlock, .missingBlockFile, .blockFile, .unparsable,
    ]

    /// Needs internals: the message of a problem is written by the code that finds it, so only a
    /// problem made here can be worded differently.
    func testRewordingAMessageKeepsItsHint() {
        // Each wording borrows words another kind's message uses.
        let wordings = ["link to @/nowhere.md", "chart: the data file is odd", "ladder: tracks", "something else entirely", ""]
        var hints: Set<String> = []
        for kind in Self.kinds {
            let fixes = Set(wordings.map { SiteError(MarkdownError(line: 2, message: $0, kind: kind), file: "content/a.md", firstLine: 5,
                                                     limits: SiteLimits()).fix ?? "" })
            XCTAssertEqual(fixes.count, 1, "\(kind): \(fixes)")
            hints.formUnion(fixes)
        }
        XCTAssertEqual(hints.count, Self.kinds.count, "every kind has advice of its own: \(hints)")
    }

    /// A data file that is there but wrong is corrected, not created; a missing one is created.
    func testADataFileProblemIsFixedInTheDataFile() throws {
        let page = "---\ntitle: Ladder\nkind: pitfall\n---\n```ladder\n```\n"
        let wrong = try single(["content/pitfalls/ladder.md": page, "content/data/ladders.yml": "- a list\n- not a mapping\n"])
        XCTAssertTrue(wrong.message.contains("content/data/ladders.yml"), wrong.message)
        XCTAssertEqual(wrong.fix, SiteError.fix(for: .blockFile, limits: SiteLimits()))
        XCTAssertTrue((wrong.fix ?? "").contains("correct the data file"), wrong.fix ?? "")

        let missing = try single(["content/pitfalls/ladder.md": page])
        XCTAssertEqual(missing.fix, SiteError.fix(for: .missingBlockFile, limits: SiteLimits()))
    }

    func testEachKindFoundInABuildGetsItsHint() throws {
        let cases: [(body: String, kind: MarkdownError.Kind)] = [
            ("[gone](@/gone.md)\n", .link),
            ("```chart\ntype: pie\n```\n", .fencedBlock),
            ("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n", .overLimit("table_columns")),
        ]
        for (body, kind) in cases {
            let error = try single([
                "content/pitfalls/p.md": "---\ntitle: P\nkind: pitfall\n---\n" + body,
                "site.yml": MinimalSite.siteYML + "limits:\n  table_columns: 2\n",
            ])
            var limits = SiteLimits()
            limits.tableColumns = 2
            XCTAssertEqual(error.fix, SiteError.fix(for: kind, limits: limits), "\(kind): \(error)")
        }
    }

    private func single(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> SiteError {
        let folder = try TemporaryFolder("fix-hints")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: files)
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"), file: file, line: line)
        XCTAssertEqual(errors.count, 1, "expected one error, got: \(errors)", file: file, line: line)
        return try XCTUnwrap(errors.first, file: file, line: line)
    }
}
