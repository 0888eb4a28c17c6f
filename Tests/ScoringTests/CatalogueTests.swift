@testable import Scoring
import XCTest

/// Catalogues give the instruments' words in another language, keyed by id: the compiled tables
/// stay the same bytes, the same answers score the same numbers, and every gap or stray id in a
/// catalogue is a problem with its path.
final class CatalogueTests: XCTestCase {
    /// Every English sentence marked as another language's, holes kept.
    static func marked(_ templates: [String: String]) -> [String: String] { templates.mapValues { "«de» " + $0 } }

    static let german = QuestionnaireCatalogue(
        title: "Meisterschaft, Führung oder beides?", intro: "Bewerte jede Aussage ({{scoring.items.count}} Aussagen).",
        scale: .init(labels: [0: "Trifft gar nicht zu", 5: "Teils, teils", 10: "Trifft voll zu"]),
        items: Dictionary(uniqueKeysWithValues: Fixtures.itemSpecs.map { ($0.id, "Aussage \($0.id).") }),
        bands: Dictionary(uniqueKeysWithValues: Fixtures.defaultLike.bands.map { ($0.id, .init(label: "Band \($0.id)", summary: "Zusammenfassung.", advice: "Rat.")) }),
        regions: Dictionary(uniqueKeysWithValues: Fixtures.regions.map {
            ($0.id, .init(label: "Region \($0.id)", summary: "Kurz.", advice: "Tu was.", discuss: $0.discuss.isEmpty ? nil : ["Welche Rolle kenne ich?"]))
        }),
        words: marked(AnswerWording.english.templates))

    private func translated() throws -> TranslatedQuestionnaire {
        try Self.german.translate(Fixtures.defaultLike).get()
    }

    func testEveryLanguageEmbedsTheSameTableBytesAndTheTableHoldsNoWord() throws {
        let german = try translated()
        XCTAssertNotEqual(german.questionnaire, Fixtures.defaultLike, "the words changed")
        let table = Fixtures.defaultLike.compile().canonicalJSON()
        XCTAssertEqual(german.questionnaire.compile().canonicalJSON(), table)
        for word in ["Statement own-hands.", "Aussage own-hands.", "Drawn to mastery", "Band mastery", "Strongly agree", "Trifft voll zu", "Explore."] {
            XCTAssertFalse(table.contains(word), "the table carries the word \(word)")
        }
        XCTAssertTrue(german.questionnaire.wordsJSON(german.wording).contains("\"own-hands\":\"Aussage own-hands.\""))
        XCTAssertNotEqual(german.questionnaire.wordsJSON(german.wording), Fixtures.defaultLike.wordsJSON(.english))
    }

    func testTheSameAnswersScoreTheSameNumbersInEveryLanguage() throws {
        let german = try translated()
        var generator = SplitMix64(seed: 18)
        for _ in 0..<200 {
            let answers = Fixtures.itemSpecs.map { _ in generator.next(in: 0...10) }
            let english = try Fixtures.defaultLike.score(answers), other = try german.questionnaire.score(answers)
            XCTAssertEqual(other.total, english.total)
            XCTAssertEqual(other.band.id, english.band.id)
            XCTAssertEqual(other.band.label, "Band \(english.band.id)")
            XCTAssertEqual(other.pulls, english.pulls)
            XCTAssertEqual(other.region?.id, english.region?.id)
            XCTAssertEqual(other.strongestPulls, english.strongestPulls)
        }
    }

    func testRefusalsAreWordedInTheLanguage() throws {
        let german = try translated()
        XCTAssertThrowsError(try german.questionnaire.score([1, 2])) { error in
            let message = (error as? ScoringError)?.description(in: german.wording) ?? ""
            XCTAssertTrue(message.hasPrefix("«de» no answer for «de» item 3 of 15 (\"many-conversations\")"), message)
            XCTAssertEqual((error as? ScoringError)?.description, (error as? ScoringError)?.description(in: .english))
        }
        XCTAssertEqual(AnswerListError.notWholeNumber(position: 2, text: "x").description(in: german.wording), "«de» answer 2 is \"x\", not a whole number")
    }

    func testEveryGapAndStrayIdIsAProblemWithItsPath() {
        var catalogue = Self.german
        catalogue.items["own-hands"] = nil
        catalogue.items["no-such-item"] = "?"
        catalogue.bands["both"]?.label = " "
        catalogue.bands["extra"] = .init(label: "x", summary: "x", advice: "x")
        catalogue.regions["mastery"] = nil
        catalogue.regions["neither"]?.discuss = nil
        catalogue.scale?.labels[7] = "sieben"
        catalogue.scale?.labels[5] = nil
        catalogue.words["undo"] = nil
        catalogue.words["total"] = "Summe {total}"
        catalogue.words["unheard"] = "?"
        catalogue.title = nil
        guard case .failure(let failure) = catalogue.translate(Fixtures.defaultLike) else { return XCTFail("the catalogue translated") }
        let paths = failure.problems.map(\.path)
        for path in ["title", "scale.labels.5", "scale.labels.7", "items.no-such-item", "items.own-hands", "bands.both.label", "bands.extra",
                     "regions", "regions.neither", "words", "words.total", "words.unheard"] {
            XCTAssertTrue(paths.contains(path), "no problem at \(path): \(failure.problems)")
        }
        let total = failure.problems.first { $0.path == "words.total" }?.message ?? ""
        XCTAssertTrue(total.contains("{bandMax}, {bandMin}, {max}, {min}, {total}"), total)
        XCTAssertTrue(failure.problems.contains { $0.path == "words" && $0.message.contains("`undo` is missing") }, "\(failure.problems)")
    }

    func testAPlannerCatalogueChangesWordsNotThresholds() throws {
        let planner = PlannerTests.planner
        let catalogue = Self.germanPlanner
        let german = try catalogue.translate(planner).get()
        XCTAssertEqual(german.compile().canonicalJSON(), planner.compile().canonicalJSON())
        XCTAssertNotEqual(german.wordsJSON(), planner.wordsJSON())
        let today = PlanMonth(year: 2026, month: 12)!
        let values = try german.readValues([("role", "manager"), ("away", "1"), ("team", "2")])
        let english = try planner.evaluate(values, today: today), other = try german.evaluate(values, today: today)
        XCTAssertEqual(other.checkpoints.map(\.month), english.checkpoints.map(\.month))
        XCTAssertEqual(other.findings.map(\.status), english.findings.map(\.status))
        XCTAssertEqual(other.checkpoints.first?.text, "«de» By Dezember 2027, erreicht 2")
        XCTAssertEqual(other.lines(in: german).first, "«de» Where you stand in Dezember 2026")
        XCTAssertThrowsError(try german.readValues([("role", "boss")])) { error in
            XCTAssertEqual("\(error)", "«de» role is \"boss\", which is not one of engineer, manager")
        }
    }

    func testPlannerCatalogueProblemsHaveTheirPaths() {
        var catalogue = Self.germanPlanner
        catalogue.months.removeLast()
        catalogue.inputs["role"]?.options["manager"] = nil
        catalogue.inputs["away"]?.help = "nie gezeigt"
        catalogue.rules["few"]?.texts["within"] = "wenige"
        catalogue.rules["try"] = nil
        catalogue.rules["front-line"]?.texts["note"] = "nie"
        catalogue.sources["S9"] = .init(title: "?")
        guard case .failure(let failure) = catalogue.translate(PlannerTests.planner) else { return XCTFail("the catalogue translated") }
        let paths = failure.problems.map(\.path)
        for path in ["months", "inputs.role.options.manager", "inputs.away.help", "rules.few.within", "rules", "rules.front-line.note", "sources.S9"] {
            XCTAssertTrue(paths.contains(path), "no problem at \(path): \(failure.problems)")
        }
    }

    static let germanPlanner = PlannerCatalogue(
        title: nil, intro: nil,
        months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
        inputs: ["role": .init(label: "Rolle", options: ["engineer": "Entwicklerin", "manager": "Führungskraft"]),
                 "away": .init(label: "Jahre weg"), "team": .init(label: "Team")],
        rules: ["front-line": .init(title: "Nah bleiben", texts: ["before": "v {value} {from}-{to}", "within": "i {value}", "past": "n {value} {{to}}",
                                                                 "reaching": "erreicht {value}", "passing": "überschreitet {value}"]),
                "few": .init(title: "Wenige", texts: ["before": "keins", "within": "wenige {value}", "past": "viele {value}"]),
                "try": .init(title: "Probieren", texts: ["note": "probier es"])],
        sources: [:],
        words: marked(PlannerWording.english.templates).merging(["month": "{month} {year}", "listSeparator": ", "]) { _, plain in plain })
}
