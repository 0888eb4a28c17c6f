@testable import Scoring
import XCTest

/// The planner's rules on a small definition shaped like content/planner.yml: who is asked what,
/// where a value stands against a span, the months of the checkpoints, the words of refusals,
/// validation with a path per problem, and seeded histories.
final class PlannerTests: XCTestCase {
    static let planner = Planner(
        id: "pendulum", version: 1,
        sources: [PlannerSource(id: "S5", title: "The Engineer/Manager Pendulum", author: "Charity Majors", year: 2017),
                  PlannerSource(id: "S1", title: "Career in Management, Mastery, or Both?")],
        inputs: [
            PlannerInput(id: "role", label: "Role", kind: .choice,
                         options: [PlannerOption(id: "engineer", label: "Engineer"), PlannerOption(id: "manager", label: "Manager")]),
            PlannerInput(id: "away", label: "Years away", kind: .number, min: 0, max: 40, grows: true,
                         when: [PlannerCondition(input: "role", options: ["manager"])]),
            PlannerInput(id: "team", label: "Team", kind: .number, min: 0, max: 100,
                         when: [PlannerCondition(input: "role", options: ["manager"])]),
        ],
        rules: [
            PlannerRule(id: "front-line", source: "S5", title: "Stay close", when: [PlannerCondition(input: "role", options: ["manager"])],
                        measure: "away", from: 2, to: 3, before: "b {value} {from}-{to}", within: "w {value}", past: "p {value} {{to}}",
                        reaching: "reach {value}", passing: "pass {value} {value}"),
            PlannerRule(id: "few", source: "S1", title: "Few", measure: "team", from: 1, to: 3, before: "none", within: "few {value}", past: "many {value}"),
            PlannerRule(id: "try", source: "S1", title: "Try", when: [PlannerCondition(input: "role", options: ["engineer"])], note: "try it"),
        ])

    private let today = PlanMonth(year: 2026, month: 12)!

    func testTheDefinitionIsValid() {
        XCTAssertEqual(Self.planner.validate(), [])
    }

    func testInputsAreAskedOnlyWhenTheirConditionsHold() {
        XCTAssertEqual(Self.planner.askedInputs(["role": 0]).map(\.id), ["role"])
        XCTAssertEqual(Self.planner.askedInputs(["role": 1]).map(\.id), ["role", "away", "team"])
        XCTAssertEqual(Self.planner.askedInputs([:]).map(\.id), ["role"])
    }

    func testStatusAtEveryEdgeOfTheSpan() throws {
        let expected: [(Int, PlanStatus, String)] = [(0, .before, "b 0 2-3"), (1, .before, "b 1 2-3"), (2, .within, "w 2"), (3, .within, "w 3"),
                                                      (4, .past, "p 4 {3}"), (40, .past, "p 40 {3}")]
        for (away, status, text) in expected {
            let result = try Self.planner.evaluate(["role": 1, "away": away, "team": 2], today: today)
            XCTAssertEqual(result.findings.first, PlanFinding(rule: "front-line", status: status, text: text), "away \(away)")
            XCTAssertEqual(result.findings.map(\.rule), ["front-line", "few"])
        }
    }

    func testCheckpointsFallInTheSameMonthYearsLaterInOrder() throws {
        let result = try Self.planner.evaluate(["role": 1, "away": 1, "team": 0], today: today)
        XCTAssertEqual(result.checkpoints.map(\.month.description), ["December 2027", "December 2029"])
        XCTAssertEqual(result.checkpoints.map(\.text), ["By December 2027, reach 2", "By December 2029, pass 4 4"])
        XCTAssertEqual(result.checkpoints.map(\.edge), [.reaching, .passing])
        // Inside the span only the passing is ahead; past it nothing; a measure that does not grow has none.
        XCTAssertEqual(try Self.planner.evaluate(["role": 1, "away": 3, "team": 0], today: today).checkpoints.map(\.month.description), ["December 2027"])
        XCTAssertEqual(try Self.planner.evaluate(["role": 1, "away": 4, "team": 0], today: today).checkpoints, [])
    }

    func testNotesApplyByConditionAndValuesOfInputsNotAskedAreIgnored() throws {
        let result = try Self.planner.evaluate(["role": 0, "away": 99], today: today)
        XCTAssertEqual(result.findings, [PlanFinding(rule: "try", status: .note, text: "try it")])
        XCTAssertEqual(result.values, ["role": 0])
    }

    func testRefusalsSayWhatIsWrong() {
        XCTAssertThrowsError(try Self.planner.evaluate(["role": 1, "team": 2], today: today)) { error in
            XCTAssertEqual("\(error)", "no value for away (Years away)")
        }
        XCTAssertThrowsError(try Self.planner.evaluate(["role": 1, "away": 41, "team": 2], today: today)) { error in
            XCTAssertEqual("\(error)", "away is 41; give a whole number from 0 to 40")
        }
        XCTAssertThrowsError(try Self.planner.readValues([("role", "boss")])) { error in
            XCTAssertEqual("\(error)", "role is \"boss\", which is not one of engineer, manager")
        }
        XCTAssertThrowsError(try Self.planner.readValues([("away", "2.5")])) { error in
            XCTAssertEqual("\(error)", "away is \"2.5\", not a whole number")
        }
        XCTAssertThrowsError(try Self.planner.readValues([("size", "2")])) { error in
            XCTAssertEqual("\(error)", "there is no planner input called \"size\"; the inputs are role, away, team")
        }
        for text in ["+2", " 2", "", "1234567890123456", "٣"] {
            XCTAssertNil(Planner.wholeNumber(text), text)
        }
        XCTAssertEqual(Planner.wholeNumber("-12"), -12)
    }

    func testValuesRoundTripThroughTextAndTheFragment() throws {
        let values = try Self.planner.readValues([("role", "manager"), ("away", "3"), ("team", "5")])
        XCTAssertEqual(values, ["role": 1, "away": 3, "team": 5])
        XCTAssertEqual(Self.planner.fragment(values), "#plan=v1:role=manager,away=3,team=5")
        XCTAssertEqual(try Self.planner.readValues(Self.planner.textValues(values)), values)
    }

    func testDatesAreReadStrictly() {
        XCTAssertEqual(PlanMonth.parse(date: "2028-03-31")?.description, "March 2028")
        XCTAssertEqual(PlanMonth.parse(date: "2024-02-29")?.description, "February 2024")
        for bad in ["2023-02-29", "2028-13-01", "2028-3-1", "28-03-01", "2028-03-32", "20x8-03-01", "1899-12-31", "2028-04-31"] {
            XCTAssertNil(PlanMonth.parse(date: bad), bad)
        }
    }

    func testHolesAreFilledInOnePass() {
        XCTAssertEqual(fillHoles("{a}{b} {c} {{a}} {a", ["a": "{b}", "b": "2"]), "{b}2 {c} {{b}} {a")
        XCTAssertEqual(holeNames(in: "x {from} {to}{value} {not a hole} {}"), ["from", "to", "value"])
    }

    func testEveryKindOfMistakeIsReportedWithItsPath() {
        var planner = Self.planner
        planner.version = 0
        planner.sources.append(PlannerSource(id: "S5", title: " "))
        planner.inputs[1].id = "Away"
        planner.inputs[2].min = 5
        planner.inputs[2].max = 5
        planner.inputs[0].options.removeLast()
        planner.inputs.append(PlannerInput(id: "later", label: "L", kind: .number, min: 0, max: 9, when: [PlannerCondition(input: "later", max: 1)]))
        planner.rules[0].source = "S9"
        planner.rules[0].to = 1
        planner.rules[0].reaching = nil
        planner.rules[1].past = "many {count}"
        planner.rules[2].id = "few"
        planner.rules[2].within = "x"
        let paths = planner.validate().map(\.path)
        XCTAssertEqual(paths, [
            "version", "sources[2].id", "sources[2].title",
            // One option left: too few, and conditions naming the removed "manager" are wrong too.
            "inputs[0].options", "inputs[1].id", "inputs[1].when.role", "inputs[2]", "inputs[2].when.role", "inputs[3].when.later",
            "rules[0].source", "rules[0].when.role", "rules[0].measure",
            "rules[1].from", "rules[1].past",
            "rules[2].id", "rules[2].within",
        ])
    }

    func testSpansMustLeaveRoomAndTextsMustMatchTheKindOfRule() {
        var planner = Self.planner
        planner.rules[0].to = 40
        planner.rules[0].reaching = nil
        planner.rules[2].note = nil
        planner.rules[2].from = 1
        let problems = planner.validate()
        XCTAssertEqual(problems.map(\.path), ["rules[0].from", "rules[0].reaching", "rules[2].note", "rules[2].from"])
        XCTAssertTrue(problems[0].message.contains("runs 0...40"), problems[0].message)
    }

    func testHistoriesAreSeededReachEveryStatusAndAgreeWithEvaluate() throws {
        let histories = PlannerHistories.generate(for: Self.planner, count: 500, seed: 9)
        XCTAssertEqual(histories.count, 500)
        XCTAssertEqual(PlannerHistories.json(histories, planner: Self.planner), PlannerHistories.json(PlannerHistories.generate(for: Self.planner, count: 500, seed: 9), planner: Self.planner))
        XCTAssertNotEqual(PlannerHistories.json(histories, planner: Self.planner), PlannerHistories.json(PlannerHistories.generate(for: Self.planner, count: 500, seed: 10), planner: Self.planner))
        let statuses = Set(histories.flatMap { $0.result.findings.map(\.status) })
        XCTAssertEqual(statuses, Set(PlanStatus.allCases))
        let aways = Set(histories.compactMap { $0.result.values["away"] })
        XCTAssertTrue(Set([1, 2, 3, 4]).isSubset(of: aways), "the edges of the span are drawn often")
        for history in histories.prefix(50) {
            let values = try Self.planner.readValues(history.values)
            XCTAssertEqual(try Self.planner.evaluate(values, today: history.today), history.result)
        }
    }

    func testTheCompiledTableIsCanonicalAndCarriesEveryThreshold() {
        let json = Self.planner.compile().canonicalJSON()
        XCTAssertEqual(json, Self.planner.compile().canonicalJSON())
        XCTAssertTrue(json.hasPrefix("{\"format\":2,"), json)
        XCTAssertTrue(json.contains("\"from\":2,\"id\":\"front-line\""), json)
        XCTAssertFalse(json.contains("Stay close"), "words travel beside the table")
        let words = Self.planner.wordsJSON()
        XCTAssertTrue(words.contains("\"months\":[\"January\""), words)
        XCTAssertTrue(words.contains("\"front-line\":{\"before\":\"b {value} {from}-{to}\""), words)
        XCTAssertFalse((json + words).contains("<"), "safe inside a script element")
        let values = Self.planner.placeholderValues()
        XCTAssertEqual(values["planner.rule.front-line.from"], "2")
        XCTAssertEqual(values["planner.rule.front-line.to"], "3")
        XCTAssertEqual(values["planner.input.away.max"], "40")
        XCTAssertEqual(values["planner.source.S5"], "The Engineer/Manager Pendulum (Charity Majors, 2017)")
    }
}
