@testable import Scoring
import XCTest

final class ValidationTests: XCTestCase {
    private func onlyProblem(
        _ questionnaire: Questionnaire, file: StaticString = #filePath, line: UInt = #line
    ) -> QuestionnaireProblem? {
        let problems = questionnaire.validate()
        XCTAssertEqual(problems.count, 1, "expected exactly one problem, got \(problems)", file: file, line: line)
        return problems.first
    }

    func testDefaultAndSmallQuestionnairesAreValid() {
        XCTAssertEqual(Fixtures.defaultLike.validate(), [])
        XCTAssertEqual(Fixtures.small.validate(), [])
        XCTAssertEqual(Fixtures.defaultLike.totalRange, 0...150)
        XCTAssertEqual(Fixtures.small.totalRange, 2...10)
    }

    func testEmptyQuestionnaireId() {
        var questionnaire = Fixtures.small
        questionnaire.id = "  "
        let problem = onlyProblem(questionnaire)
        XCTAssertEqual(problem?.path, "id")
        XCTAssertEqual(problem?.message.contains("questionnaire id is empty"), true)
    }

    func testVersionBelowOne() {
        var questionnaire = Fixtures.small
        questionnaire.version = 0
        let problem = onlyProblem(questionnaire)
        XCTAssertEqual(problem?.path, "version")
        XCTAssertEqual(problem?.message.contains("version is 0"), true)
    }

    func testEmptyItemId() {
        var questionnaire = Fixtures.small
        questionnaire.items[1].id = ""
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items[1].id",
            message: "the item id is empty; give every item a unique id such as \"solve-alone\""
        ))
    }

    func testDuplicateItemIdNamesTheFirstUse() {
        var questionnaire = Fixtures.small
        questionnaire.items[1].id = "a"
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items[1].id",
            message: "the item id \"a\" is already used by items[0]; item ids must be unique"
        ))
    }

    func testItemAndBandMayShareAnIdButBandsMayNotRepeatOne() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].id = "low"
        XCTAssertEqual(questionnaire.validate(), [], "item ids and band ids are separate namespaces")

        questionnaire.bands[1].id = "low"
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[1].id",
            message: "the band id \"low\" is already used by bands[0]; band ids must be unique"
        ))
    }

    func testEmptyBandId() {
        var questionnaire = Fixtures.small
        questionnaire.bands[0].id = ""
        let problem = onlyProblem(questionnaire)
        XCTAssertEqual(problem?.path, "bands[0].id")
        XCTAssertEqual(problem?.message.contains("band id is empty"), true)
    }

    func testEmptyItemText() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].text = "\n"
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items[0].text",
            message: "the statement of item \"a\" is empty; write the text people answer"
        ))
    }

    func testEmptyBandLabel() {
        var questionnaire = Fixtures.small
        questionnaire.bands[1].label = ""
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[1].label",
            message: "the label of band \"high\" is empty; write the name shown with a result in this band"
        ))
    }

    func testScaleMinNotBelowMax() {
        var questionnaire = Fixtures.small
        questionnaire.scale = Scale(min: 5, max: 5)
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "scale",
            message: "scale min (5) must be less than max (5); answers run from min up to max"
        ))
    }

    func testWeightBelowOne() {
        var questionnaire = Fixtures.small
        questionnaire.items[1].weight = 0
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items[1].weight",
            message: "the weight of item \"b\" is 0; use a whole number of at least 1 (leave it out for 1)"
        ))
    }

    func testNoItems() {
        var questionnaire = Fixtures.small
        questionnaire.items = []
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items", message: "there are no items; add at least one statement to answer"
        ))
    }

    func testNoBands() {
        var questionnaire = Fixtures.small
        questionnaire.bands = []
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands", message: "there are no bands; add bands that together cover every reachable total"
        ))
    }

    func testBandWithMinAboveMax() {
        var questionnaire = Fixtures.small
        questionnaire.bands.append(Band(id: "odd", label: "Odd", min: 9, max: 7, summary: "", advice: ""))
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[2]",
            message: "band \"odd\" has min 9 above max 7; a band runs from min up to max, both included"
        ))
    }

    func testGapNamesTheMissingTotals() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.bands[1].min = 53
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands",
            message: "totals 50...52 belong to no band; widen a neighbouring band or add one, so every total from 0 to 150 has exactly one band"
        ))
    }

    func testGapOfOneTotalAndGapAtTheTop() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.bands[0].max = 48
        questionnaire.bands[2].max = 148
        let problems = questionnaire.validate()
        XCTAssertEqual(problems.map(\.path), ["bands", "bands"])
        XCTAssertEqual(problems.first?.message.hasPrefix("total 49 belongs to no band"), true, "\(problems)")
        XCTAssertEqual(problems.last?.message.hasPrefix("totals 149...150 belong to no band"), true, "\(problems)")
    }

    func testOverlapNamesBothBandsAndTheTotals() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.bands[1].max = 103
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[2]",
            message: "band \"mastery\" and band \"both\" (bands[1]) both claim totals 101...103; each total must belong to exactly one band"
        ))
    }

    func testBandReachingPastTheReachableTotalsNamesTheRange() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.bands[2].max = 160
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[2]",
            message: "band \"mastery\" ends at 160, but totals 151...160 cannot be reached (reachable totals are 0...150); set its max to 150"
        ))

        questionnaire = Fixtures.defaultLike
        questionnaire.bands[0].min = -1
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[0]",
            message: "band \"management\" starts at -1, but total -1 cannot be reached (reachable totals are 0...150); set its min to 0"
        ))
    }

    func testBandEntirelyOutsideTheReachableTotals() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.bands.append(Band(id: "beyond", label: "Beyond", min: 200, max: 300, summary: "", advice: ""))
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "bands[3]",
            message: "band \"beyond\" (totals 200...300) lies entirely outside the reachable totals 0...150; move it inside that range or remove it"
        ))
    }

    func testEmptyDimension() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].dimension = ""
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "items[0].dimension",
            message: "the dimension of item \"a\" is empty; name the subtotal it counts toward, such as \"craft\""
        ))
    }

    func testLabelKeyedOutsideTheScale() {
        var questionnaire = Fixtures.small
        questionnaire.scale.labels[0] = "Never"
        XCTAssertEqual(onlyProblem(questionnaire), QuestionnaireProblem(
            path: "scale.labels.0",
            message: "a label is keyed to answer 0, outside the scale 1...5; key it to an answer on the scale or remove it"
        ))
    }

    func testEmptyLabelText() {
        var questionnaire = Fixtures.small
        questionnaire.scale.labels[3] = " "
        let problem = onlyProblem(questionnaire)
        XCTAssertEqual(problem?.path, "scale.labels.3")
        XCTAssertEqual(problem?.message.contains("label for answer 3 is empty"), true)
    }

    func testTotalsBeyondWhatJavaScriptCountsExactlyAreReportedWithoutTrapping() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].weight = Int.max
        questionnaire.scale = Scale(min: -1, max: 1 << 40)
        // A scale this long is over the default size limit; the totals are what is tested here.
        let problems = questionnaire.validate(limits: QuestionnaireLimits(maxItems: 10, maxBands: 10, maxScalePoints: .max))
        XCTAssertEqual(problems.map(\.path), ["items"])
        XCTAssertEqual(problems.first?.message.contains("9007199254740991"), true)
        XCTAssertThrowsError(try questionnaire.score([1, 1]))
    }

    func testSeveralProblemsAreAllReportedAtOnce() {
        var questionnaire = Fixtures.defaultLike
        questionnaire.items[3].id = "own-hands"          // duplicate of items[0]
        questionnaire.items[5].text = ""
        questionnaire.items[7].dimension = ""
        questionnaire.scale.labels[11] = "Off the scale"
        questionnaire.bands[0].label = ""
        questionnaire.bands[1].min = 52                     // gap 50...51
        questionnaire.bands[2].min = 99                     // overlaps "both" on 99...100

        let problems = questionnaire.validate()
        XCTAssertEqual(problems.map(\.path), [
            "scale.labels.11",
            "items[3].id",
            "items[5].text",
            "items[7].dimension",
            "bands[0].label",
            "bands[2]",
            "bands",
        ], "\(problems)")
        XCTAssertEqual(problems[5].message.contains("totals 99...100"), true)
        XCTAssertEqual(problems[6].message.hasPrefix("totals 50...51 belong to no band"), true)
    }
}
