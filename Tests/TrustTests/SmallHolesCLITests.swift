import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import XCTest

/// One end-to-end run of the real `crossroads` binary per small hole of issue 14 and per kind of
/// internal marker: a value that is not what it claims to be is an error naming its file and line
/// (the output untouched), and content never turns into the build's own markers or the theme's ids.
final class SmallHolesCLITests: XCTestCase {
    func testLooseBooleansAndNumbersInFrontMatterAreRefused() throws {
        let site = try CLISite("booleans")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let page = "content/pitfalls/no-training.md"
        for line in ["draft: \"yes\"", "draft: yes", "draft: on", "draft: \"true\""] {
            // Pages of the default site name this one in `read_next`: only this page may be blamed.
            try site.addFrontMatter(line, to: page)
            let result = try site.build()
            assertRefused(result, naming: page, line: 2, before: before, after: site.output, line)
            let blamed = result.stderr.split(separator: "\n").filter { $0.hasPrefix("content/") && !$0.hasPrefix(page) }
            XCTAssertEqual(blamed, [], "\(line): another page is blamed:\n\(result.stderr)")
            try site.restore(page)
        }
        for line in ["weight: \"10\"", "weight: 1.5"] {
            try site.write("content/pitfalls/loose.md", "---\n\(line)\ntitle: Loose\n---\nText.\n")
            assertRefused(try site.build(), naming: "content/pitfalls/loose.md", line: 2, before: before, after: site.output, line)
        }
    }

    func testControlCharactersInTextAreRefusedAndXMLStaysWellFormed() throws {
        let site = try CLISite("control")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let page = "content/pitfalls/control.md"
        for line in ["title: \"A\\0B\"", "summary: \"bell \\a\"", "tags: [\"x\\x01\"]", "title: \"nonchar \\uFFFE\""] {
            let title = line.hasPrefix("title") ? "" : "title: Control\n"
            try site.write(page, "---\n\(line)\n\(title)---\nText.\n")
            assertRefused(try site.build(), naming: page, line: 2, before: before, after: site.output, line)
        }
        try site.remove(page)
        let settings = try site.read("site.yml")
        try site.write("site.yml", settings.replacingOccurrences(of: "author: ", with: "author: \"nul \\0\" #"))
        let authorLine = settings.split(separator: "\n").firstIndex { $0.hasPrefix("author:") }.map { $0 + 1 }
        assertRefused(try site.build(), naming: "site.yml", line: authorLine, before: before, after: site.output, "site.yml")
        try site.write("site.yml", settings)
        // Every XML output of the built site parses.
        let built = try site.build(["--base-url", "https://example.com/"])
        XCTAssertEqual(built.exitStatus, 0, built.summary)
        for name in ["atom.xml", "sitemap.xml"] {
            let parser = try XCTUnwrap(XMLParser(contentsOf: site.output.appendingPathComponent(name)))
            XCTAssertTrue(parser.parse(), "\(name): \(String(describing: parser.parserError))")
        }
    }

    func testABandNextThatNamesNothingIsRefused() throws {
        let site = try CLISite("band-next")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let original = try site.read("content/questionnaire.yml")
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let nextLine = try XCTUnwrap(lines.firstIndex { $0.contains("next: [pitfalls/") }) + 1
        try site.write("content/questionnaire.yml", original.replacingOccurrences(of: "next: [pitfalls/", with: "next: [pitfals/"))
        let result = try site.build()
        assertRefused(result, naming: "content/questionnaire.yml", line: nextLine, before: before, after: site.output, "next typo")
        XCTAssertTrue(result.stderr.contains("\"pitfals/\""), result.stderr)
    }

    func testTwoSpellingsOfOneFileAreRefused() throws {
        let site = try CLISite("spellings")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let cases = [("content/questionnaire.yaml", try site.read("content/questionnaire.yml")),
                     ("content/data/ladders.yaml", try site.read("content/data/ladders.yml")),
                     ("site.yaml", "title: Another title\n")]
        for (path, text) in cases {
            try site.write(path, text)
            let result = try site.build()
            XCTAssertTrue(result.stderr.contains(path), "\(path): the second spelling is not named:\n\(result.stderr)")
            assertRefused(result, naming: path.replacingOccurrences(of: ".yaml", with: ".yml"), before: before, after: site.output, path)
            try site.remove(path)
        }
        // `score` reads the questionnaire by itself, and refuses the same way.
        try site.write("content/questionnaire.yaml", cases[0].1)
        let score = try CrossroadsCLI.run(["score", "--source", site.root.path, "--answers", "1"])
        XCTAssertTrue((1...127).contains(score.exitStatus ?? 0) && score.stderr.contains("content/questionnaire.yaml"), score.summary)
    }

    func testScoreFileTakesOnlyWholeNumbers() throws {
        let site = try CLISite("score-file")
        defer { site.scratch.remove() }
        let count = try site.read("content/questionnaire.yml").components(separatedBy: "\n  - id: ").count - 1
        let bands = try site.read("content/questionnaire.yml").components(separatedBy: "\nbands:")[1].components(separatedBy: "\n  - id: ").count - 1
        let items = count - bands
        for bad in ["true", "\"7\"", "7.5", "null", "[1]"] {
            let answers = "[" + Array(repeating: "1", count: items - 1).joined(separator: ",") + ",\(bad)]"
            try site.scratch.write("answers.json", answers)
            let result = try CrossroadsCLI.run(["score", "--source", site.root.path, "--file", site.scratch.url.appendingPathComponent("answers.json").path])
            XCTAssertTrue((1...127).contains(result.exitStatus ?? 0), "\(bad): \(result.summary)")
            XCTAssertTrue(result.stderr.contains("answers.json: answer \(items) is not a whole number"), "\(bad): \(result.stderr)")
        }
        try site.scratch.write("answers.json", "{\"own-hands\": true}")
        let object = try CrossroadsCLI.run(["score", "--source", site.root.path, "--file", site.scratch.url.appendingPathComponent("answers.json").path])
        XCTAssertTrue(object.stderr.contains("the answer for \"own-hands\" is not a whole number (found true)"), object.summary)
    }

    /// The standalone page's policy marker, and ids the theme writes, as content.
    func testContentNeverBecomesAMarkerOrATakenId() throws {
        let site = try CLISite("markers")
        defer { site.scratch.remove() }
        let title = "Why crossroads-content-security-policy matters"
        try site.write("content/pitfalls/markers.md", """
            ---
            title: \(title)
            ---

            ## Main

            ## QN

            ## Custom block

            Text.

            """)
        // An id a site's own template adds is reserved as well: the list comes from the templates.
        let base = try site.read("templates/base.mustache")
        try site.write("templates/base.mustache", base.replacingOccurrences(of: "<body>", with: "<body><div id=\"custom-block\"></div>"))
        let result = try site.build()
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let standalone = try String(contentsOf: site.output.appendingPathComponent("standalone/pitfalls/markers.html"), encoding: .utf8)
        XCTAssertTrue(standalone.contains("<title>\(title)"), "the title was rewritten:\n\(standalone.prefix(600))")
        let page = try String(contentsOf: site.output.appendingPathComponent("pitfalls/markers/index.html"), encoding: .utf8)
        for id in ["main", "qn", "custom-block"] {
            XCTAssertEqual(page.components(separatedBy: "id=\"\(id)\"").count - 1, id == "qn" ? 0 : 1, "id \(id) in\n\(page)")
        }
        XCTAssertTrue(page.contains("<h2 id=\"main-1\"") && page.contains("<h2 id=\"qn-1\"") && page.contains("<h2 id=\"custom-block-1\""), page)
    }
}
