import Foundation
import SiteBuilder
import XCTest

/// Each kind of mistake in a site is reported at its file, line and column with what was expected.
final class ErrorReportingTests: XCTestCase {
    static let file = "content/pitfalls/second.md"

    /// A page whose fourth line (inside the front matter) is `line`.
    static func page(line4 line: String, body: String = "Body.\n") -> String {
        "---\ntitle: Second\nkind: pitfall\n\(line)\n---\n\(body)"
    }

    func testYAMLSyntaxError() throws {
        let error = try single([Self.file: Self.page(line4: "summary: a: b")])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.column, 11)
        XCTAssertTrue(error.message.contains("YAML"), error.message)
    }

    func testUnknownKind() throws {
        let error = try single([Self.file: "---\ntitle: Second\nkind: pitfal\n---\nBody.\n"])
        XCTAssertEqual(error.location, "\(Self.file):3:7")
        XCTAssertTrue(error.message.contains("unknown kind \"pitfal\""), error.message)
        XCTAssertTrue((error.fix ?? "").contains("pitfall") && (error.fix ?? "").contains("mastery-stage"), error.fix ?? "")
    }

    func testWeightThatIsNotANumber() throws {
        let error = try single([Self.file: Self.page(line4: "weight: high")])
        XCTAssertEqual(error.location, "\(Self.file):4:9")
        XCTAssertTrue(error.message.contains("whole number") && error.message.contains("high"), error.message)
    }

    func testDateThatIsNotADate() throws {
        let error = try single([Self.file: Self.page(line4: "date: soon")])
        XCTAssertEqual(error.location, "\(Self.file):4:7")
        XCTAssertTrue(error.message.contains("YYYY-MM-DD") && error.message.contains("soon"), error.message)
    }

    func testImpossibleDate() throws {
        let error = try single([Self.file: Self.page(line4: "date: 2026-02-30")])
        XCTAssertEqual(error.location, "\(Self.file):4:7")
    }

    func testTagsOfTheWrongShape() throws {
        let error = try single([Self.file: Self.page(line4: "tags: {a: b}")])
        XCTAssertEqual(error.location, "\(Self.file):4:7")
        XCTAssertTrue(error.message.contains("list"), error.message)
    }

    func testMissingTitle() throws {
        let error = try single([Self.file: "---\nkind: pitfall\n---\nBody.\n"])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("title"), error.message)
    }

    func testUnknownFrontMatterField() throws {
        let error = try single([Self.file: Self.page(line4: "titel: Typo")])
        XCTAssertEqual(error.location, "\(Self.file):4:1")
        XCTAssertTrue(error.message.contains("titel"), error.message)
    }

    func testMissingClosingFrontMatterLine() throws {
        let error = try single([Self.file: "---\ntitle: Second\nkind: pitfall\n\nBody without a closing line.\n"])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertEqual(error.line, 1)
        XCTAssertTrue(error.message.contains("never closed"), error.message)
    }

    func testDuplicateKey() throws {
        let error = try single([Self.file: Self.page(line4: "title: Again")])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertEqual(error.line, 4, "the duplicate is on line 4")
        XCTAssertTrue(error.message.contains("duplicate") && error.message.contains("title"), error.message)
        XCTAssertTrue(error.message.contains("first written on line 2"), error.message)
    }

    func testDuplicateKeyInADataFile() throws {
        let error = try single(["content/data/people.yml": "people:\n  - name: Ada\n    role: lead\n    name: Grace\n"])
        XCTAssertEqual(error.location, "content/data/people.yml:4:5")
        XCTAssertTrue(error.message.contains("'name'"), error.message)
    }

    func testTabIndentation() throws {
        let error = try single([Self.file: "---\ntitle: Second\nkind: pitfall\ntags:\n\t- one\n---\nBody.\n"])
        XCTAssertEqual(error.location, "\(Self.file):5:1")
        XCTAssertTrue(error.message.contains("tab"), error.message)
    }

    func testUnknownPlaceholder() throws {
        let error = try single([Self.file: Self.page(line4: "weight: 2", body: "Line six.\n\nThe {{scoring.nope}} value.\n")])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertEqual(error.line, 8)
        XCTAssertTrue(error.message.contains("scoring.nope"), error.message)
    }

    func testEscapedPlaceholderIsLiteral() throws {
        let folder = try TemporaryFolder("errors")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: [Self.file: Self.page(line4: "weight: 2", body: "Write \\{{name}} in templates.\n")])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertTrue(site.text("pitfalls/second/index.html").contains("Write {{name}} in templates."))
    }

    func testMissingTemplate() throws {
        let error = try single([Self.file: Self.page(line4: "template: nothere")])
        XCTAssertEqual(error.file, Self.file)
        XCTAssertTrue(error.message.contains("templates/nothere.mustache"), error.message)
    }

    func testMissingPartial() throws {
        let error = try single(["templates/list.mustache": "{{<base}}{{$main}}\n{{>partials/gone}}\n{{/main}}{{/base}}\n"])
        XCTAssertEqual(error.file, "templates/list.mustache")
        XCTAssertEqual(error.line, 2)
        XCTAssertTrue(error.message.contains("partials/gone"), error.message)
    }

    func testTemplateSyntaxError() throws {
        let error = try single(["templates/tags.mustache": "{{<base}}{{$main}}{{#tags}}\n{{name}}\n{{/tag}}\n{{/main}}{{/base}}\n"])
        XCTAssertEqual(error.file, "templates/tags.mustache")
        XCTAssertEqual(error.line, 3)
        XCTAssertTrue(error.message.contains("template syntax error"), error.message)
    }

    func testSiteConfigError() throws {
        let error = try single(["site.yml": "title: Guides\nrelative_urls: maybe\n"])
        XCTAssertEqual(error.location, "site.yml:2:16")
        XCTAssertTrue(error.message.contains("true or false"), error.message)
    }

    func testSeveralBrokenPagesAreReportedTogether() throws {
        let folder = try TemporaryFolder("errors")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: [
            "content/pitfalls/second.md": Self.page(line4: "weight: high"),
            "content/pendulum/swing.md": "---\ntitle: Swing\nkind: pendulm\n---\nBody.\n",
            "content/mastery/stage.md": "---\ntitle: Stage\nkind: mastery-stage\ndate: soon\ndraft: perhaps\n---\nBody.\n",
            "content/about.md": "---\ntitle: [broken\n---\nBody.\n",
        ])
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let locations = errors.map { "\($0.file):\($0.line ?? 0)" }
        XCTAssertEqual(locations, [
            "content/about.md:3",
            "content/mastery/stage.md:4",
            "content/mastery/stage.md:5",
            "content/pendulum/swing.md:3",
            "content/pitfalls/second.md:4",
        ], "\(errors)")
        let failure = BuildFailure(errors)
        XCTAssertTrue(failure.description.contains("5 errors"), failure.description)
    }

    func testRenderErrorsOfSeveralPagesAreReportedTogether() throws {
        let folder = try TemporaryFolder("errors")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: [
            "content/pitfalls/second.md": Self.page(line4: "weight: 2", body: "[a](@/gone.md)\n\n[b](@/also-gone.md)\n"),
            "content/about.md": "---\ntitle: About\n---\n{{nope}}\n",
        ])
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertEqual(errors.map(\.location), ["content/about.md:4", "content/pitfalls/second.md:6", "content/pitfalls/second.md:8"], "\(errors)")
    }

    /// Builds the minimal site with `files` replaced and expects exactly one error.
    private func single(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> SiteError {
        let folder = try TemporaryFolder("errors")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: files)
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"), file: file, line: line)
        XCTAssertEqual(errors.count, 1, "expected one error, got: \(errors)", file: file, line: line)
        return try XCTUnwrap(errors.first, file: file, line: line)
    }
}
