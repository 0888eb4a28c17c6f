import Foundation
import Scoring
import XCTest
import Yams

/// The instruments in another language come from catalogues (`content/questionnaire.de.yml`,
/// `content/planner.de.yml`, the complete German examples in Tests/Fixtures/catalogues): the
/// pages embed the same tables whatever the language, with the language's words beside them;
/// `--lang` prints the same numbers in those words; a bad catalogue fails the build at its line.
final class LanguageCatalogueTests: XCTestCase {
    static let fixtures = TemporarySite.repositoryRoot.appendingPathComponent("Tests/Fixtures/catalogues")
    static let answers = "10,9,1,8,2,3,0,10,1,9,10,2,1,8,9"

    /// The default site's English guides with the German catalogues, German as its only language
    /// (the default site's German pages and `languages:` taken out), so the catalogues are the
    /// default language's words.
    private func germanSite() throws -> TemporarySite {
        let site = try TemporarySite()
        let content = site.root.appendingPathComponent("content")
        for path in try FileManager.default.subpathsOfDirectory(atPath: content.path) where path.hasSuffix(".de.md") || path.hasSuffix(".de.yml") {
            try FileManager.default.removeItem(at: content.appendingPathComponent(path))
        }
        for name in ["questionnaire.de.yml", "planner.de.yml"] {
            try site.write(try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8), to: "content/\(name)")
        }
        var settings: [String] = []
        var inLanguages = false
        for line in try site.read("site.yml").components(separatedBy: "\n") {
            if line.hasPrefix("languages:") { inLanguages = true; continue }
            if inLanguages, line.hasPrefix(" ") { continue }
            inLanguages = false
            settings.append(line == "language: en" ? "language: de" : line)
        }
        try site.write(settings.joined(separator: "\n"), to: "site.yml")
        XCTAssertTrue(try site.read("site.yml").contains("language: de\n"))
        return site
    }

    /// The text of the one `<script type="application/json" …>` element opened by `open`.
    private func element(_ open: String, in html: String) throws -> String {
        let parts = html.components(separatedBy: open)
        XCTAssertEqual(parts.count, 2, "expected one \(open)")
        return try XCTUnwrap(parts.last?.components(separatedBy: "</script>").first)
    }

    /// One German build: its pages embed exactly the tables Swift compiles from the English
    /// definitions, with German words beside them; `--lang de` prints the page's words with the
    /// numbers of the English command.
    func testTheSameTablesWithTheLanguagesWordsOnThePagesAndInTheCommands() throws {
        let site = try germanSite()
        let output = try site.build()
        let root = TemporarySite.repositoryRoot
        let definition = try YAMLDecoder().decode(Questionnaire.self, from: String(contentsOf: root.appendingPathComponent("content/questionnaire.yml"), encoding: .utf8))
        let planner = try YAMLDecoder().decode(Planner.self, from: String(contentsOf: root.appendingPathComponent("content/planner.yml"), encoding: .utf8))
        let table = try element("<script type=\"application/json\" id=\"scoring-table\">", in: try site.read("public/questionnaire/index.html"))
        XCTAssertEqual(table, definition.compile().canonicalJSON(), "the German page's table is not the English definition's")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("scoring-table.json"), encoding: .utf8), table + "\n")
        let plannerPage = try site.read("public/planner/index.html")
        XCTAssertEqual(try element("<script type=\"application/json\" class=\"pl-table\">", in: plannerPage), planner.compile().canonicalJSON())
        for field in ["text", "label", "summary", "advice", "title", "intro", "discuss", "labels"] {
            XCTAssertFalse(table.contains("\"\(field)\":"), "the table carries words (\(field)): \(table.prefix(300))")
        }

        let words = try element("<script type=\"application/json\" id=\"qn-words\">", in: try site.read("public/questionnaire/index.html"))
        XCTAssertTrue(words.contains("\"own-hands\":\"Ich möchte den Großteil meiner Arbeitszeit"), words)
        XCTAssertTrue(words.contains("\"progressAll\":\"{answered} von {count} beantwortet\""), words)
        XCTAssertTrue(plannerPage.contains("<h3 class=\"pl-checkpoints-title\">Schwellen, die vor dir liegen</h3>"), plannerPage)
        XCTAssertTrue(plannerPage.contains("<caption>Jede Regel, die der Planer anwendet</caption>"), plannerPage)
        XCTAssertTrue(try element("<script type=\"application/json\" class=\"pl-words\">", in: plannerPage).contains("\"Dezember\""))

        let command = try CrossroadsBinary.run(["score", "--source", site.root.path, "--answers", Self.answers, "--lang", "de", "--json"])
        XCTAssertEqual(command.exitCode, 0, command.stderr)
        let german = try ScoreReportJSON.decode(command.stdout)
        let reference = try ScoreReportJSON.decode(try CrossroadsBinary.run(["score", "--source", root.path, "--answers", Self.answers, "--json"]).stdout)
        XCTAssertEqual(german.total, reference.total)
        XCTAssertEqual(german.band.id, reference.band.id)
        XCTAssertEqual(german.band.min, reference.band.min)
        XCTAssertNotEqual(german.band.label, reference.band.label)
        // The label the command prints is the one the German page shows for that band.
        let pageWords = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(words.utf8)) as? [String: Any])
        let bands = try XCTUnwrap(pageWords["bands"] as? [String: [String: String]])
        XCTAssertEqual(bands[german.band.id]?["label"], german.band.label)

        let text = try CrossroadsBinary.run(["score", "--source", site.root.path, "--answers", Self.answers, "--lang", "de"])
        XCTAssertTrue(text.stdout.hasPrefix("Summe: \(reference.total) von 150\nErgebnis: \(german.band.label) ("), text.stdout)
        let refused = try CrossroadsBinary.run(["score", "--source", site.root.path, "--answers", "1,2", "--lang", "de"])
        XCTAssertEqual(refused.exitCode, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("error: keine Antwort für Aussage 3 von 15 („many-conversations“)"), refused.stderr)

        func plan(_ source: URL) -> [String] {
            ["plan", "--source", source.path, "--role", "manager", "--years", "2", "--years-from-hands-on", "1", "--team-size", "4", "--today", "2026-12-04"]
        }
        let germanPlan = try CrossroadsBinary.run(plan(site.root) + ["--lang", "de"]), englishPlan = try CrossroadsBinary.run(plan(root))
        XCTAssertEqual(germanPlan.exitCode, 0, germanPlan.stderr)
        XCTAssertTrue(germanPlan.stdout.hasPrefix("Wo du im Dezember 2026 stehst\n"), germanPlan.stdout)
        XCTAssertTrue(germanPlan.stdout.contains("- Im Dezember 2027 bist du 2 Jahre von der praktischen Arbeit entfernt"), germanPlan.stdout)
        XCTAssertTrue(englishPlan.stdout.contains("- By December 2027, "), englishPlan.stdout)
        // The same link: plan links name no language.
        XCTAssertEqual(germanPlan.stdout.components(separatedBy: "\n").last, englishPlan.stdout.components(separatedBy: "\n").last)

        for command in [["score", "--answers", Self.answers], ["plan", "--role", "engineer"]] {
            let unknown = try CrossroadsBinary.run([command[0], "--source", site.root.path, "--lang", "fr"] + command.dropFirst())
            XCTAssertEqual(unknown.exitCode, 1)
            XCTAssertTrue(unknown.stderr.contains("site.yml: error: the site has no language \"fr\"; its languages are de"), unknown.stderr)
        }
    }

    func testABadCatalogueFailsTheBuildAtItsLinesAndLeavesTheOutput() throws {
        let site = try germanSite()
        let output = try site.build()
        let before = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let page = try site.read("public/questionnaire/index.html")
        try site.replaceOnce("  own-hands: \"Ich möchte den Großteil", with: "  own-hand: \"Ich möchte den Großteil", in: "content/questionnaire.de.yml")
        try site.replaceOnce("  checkpoint: \"Im {date} {text}\"", with: "  checkpoint: \"Im {date}\"", in: "content/planner.de.yml")
        try site.write("items: {}\n", to: "content/questionnaire.fr.yml")
        let lines = try site.read("content/questionnaire.de.yml").components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  own-hand:") }) + 1
        let plannerLines = try site.read("content/planner.de.yml").components(separatedBy: "\n")
        let plannerLine = try XCTUnwrap(plannerLines.firstIndex { $0.hasPrefix("  checkpoint:") }) + 1

        let result = try CrossroadsBinary.run(["build", "--source", site.root.path, "--output", output.path])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("content/questionnaire.de.yml:\(line): error: items.own-hand: there is no item \"own-hand\" in the definition"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: items.own-hands: the statement of item \"own-hands\" is missing"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/planner.de.yml:\(plannerLine): error: words.checkpoint: `checkpoint` must use the holes {date}, {text} exactly"), result.stderr)
        XCTAssertTrue(result.stderr.contains("content/questionnaire.fr.yml: error: this is the questionnaire's catalogue for the language \"fr\", which site.yml does not list"), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).sorted(), before)
        XCTAssertEqual(try site.read("public/questionnaire/index.html"), page, "the previous output is untouched")
    }
}
