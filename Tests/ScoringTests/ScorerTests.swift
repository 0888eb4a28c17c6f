import Foundation
@testable import Scoring
import XCTest

final class ScorerTests: XCTestCase {
    private let questionnaire = Fixtures.defaultLike

    func testLowestTotalIsManagementWithNoBandBelow() throws {
        // Agreeing fully with every reverse-keyed item and not at all with the rest.
        let answers = Fixtures.answers(givingPoints: Array(repeating: 0, count: 15))
        XCTAssertEqual(answers, [0, 0, 10, 0, 10, 10, 10, 0, 10, 0, 0, 10, 10, 0, 0])
        let result = try questionnaire.score(answers)
        XCTAssertEqual(result.total, 0)
        XCTAssertEqual(result.band.id, "management")
        XCTAssertNil(result.pointsBelowBand)
        XCTAssertEqual(result.pointsAboveBand, 50)
    }

    func testHighestTotalIsMasteryWithNoBandAbove() throws {
        let answers = Fixtures.answers(givingPoints: Array(repeating: 10, count: 15))
        let result = try questionnaire.score(answers)
        XCTAssertEqual(result.total, 150)
        XCTAssertEqual(result.band.id, "mastery")
        XCTAssertEqual(result.pointsBelowBand, 50)
        XCTAssertNil(result.pointsAboveBand)
    }

    func testBothSidesOfTheManagementEdge() throws {
        let at49 = Fixtures.answers(givingPoints: [4, 4, 4, 4] + Array(repeating: 3, count: 11))
        let result49 = try questionnaire.score(at49)
        XCTAssertEqual(result49.total, 49)
        XCTAssertEqual(result49.band.id, "management")
        XCTAssertEqual(result49.pointsAboveBand, 1)

        let at50 = Fixtures.answers(givingPoints: [4, 4, 4, 4, 4] + Array(repeating: 3, count: 10))   // one point more on item 5
        let result50 = try questionnaire.score(at50)
        XCTAssertEqual(result50.total, 50)
        XCTAssertEqual(result50.band.id, "both")
        XCTAssertEqual(result50.pointsBelowBand, 1)
        XCTAssertEqual(result50.pointsAboveBand, 51)
    }

    func testBothSidesOfTheMasteryEdge() throws {
        let at100 = Fixtures.answers(givingPoints: [6, 6, 6, 6, 6] + Array(repeating: 7, count: 10))
        XCTAssertEqual(at100, [6, 6, 4, 6, 4, 3, 3, 7, 3, 7, 7, 3, 3, 7, 7])
        let result100 = try questionnaire.score(at100)
        XCTAssertEqual(result100.total, 100)
        XCTAssertEqual(result100.band.id, "both")
        XCTAssertEqual(result100.pointsBelowBand, 51)
        XCTAssertEqual(result100.pointsAboveBand, 1)
        XCTAssertEqual(result100.dimensions, [
            DimensionScore(id: "craft", total: 30, min: 0, max: 50),
            DimensionScore(id: "people", total: 35, min: 0, max: 50),
            DimensionScore(id: "scope", total: 35, min: 0, max: 50),
        ])

        let at101 = Fixtures.answers(givingPoints: [7, 6, 6, 6, 6] + Array(repeating: 7, count: 10))
        let result101 = try questionnaire.score(at101)
        XCTAssertEqual(result101.total, 101)
        XCTAssertEqual(result101.band.id, "mastery")
        XCTAssertEqual(result101.pointsBelowBand, 1)
        XCTAssertNil(result101.pointsAboveBand)
    }

    func testReverseKeyedItemsAreMirroredAndWeighted() throws {
        var weighted = Fixtures.small                        // scale 1...5, item b reverse-keyed
        weighted.items[1].weight = 2
        weighted.bands = [Band(id: "all", label: "All", min: 3, max: 15, summary: "", advice: "")]
        let result = try weighted.score([4, 5])
        XCTAssertEqual(result.contributions, [
            Contribution(itemId: "a", answer: 4, points: 4, minPoints: 1, maxPoints: 5),
            Contribution(itemId: "b", answer: 5, points: 2, minPoints: 2, maxPoints: 10),   // 2 × (1 + 5 − 5)
        ])
        XCTAssertEqual(result.total, 6)
        XCTAssertNil(result.pointsBelowBand)
        XCTAssertNil(result.pointsAboveBand)
    }

    func testBandsListedOutOfOrderStillFindTheirNeighbours() throws {
        var shuffled = questionnaire
        shuffled.bands = [questionnaire.bands[2], questionnaire.bands[0], questionnaire.bands[1]]
        let result = try shuffled.score(Array(repeating: 5, count: 15))
        XCTAssertEqual(result.total, 75)
        XCTAssertEqual(result.band.id, "both")
        XCTAssertEqual(result.pointsBelowBand, 26)
        XCTAssertEqual(result.pointsAboveBand, 26)
    }

    func testStrongestPullsRankBySizeThenItemOrder() throws {
        var answers = Array(repeating: 5, count: 15)        // every item on its midpoint: no pull
        XCTAssertEqual(try questionnaire.score(answers).strongestPulls, [])

        answers[13] = 9                                     // +8
        answers[8] = 7                                      // reverse-keyed: 3 points, −4
        answers[3] = 0                                      // −10
        answers[2] = 0                                      // reverse-keyed: 10 points, +10
        let pulls = try questionnaire.score(answers).strongestPulls
        XCTAssertEqual(pulls.map(\.itemId), ["many-conversations", "hands-on-later", "one-area-deep"])
        XCTAssertEqual(pulls.map(\.pull), [10, -10, 8])
    }

    func testMissingAnswersNameEveryItemAndTheRange() {
        XCTAssertThrowsError(try questionnaire.score(Array(repeating: 5, count: 13))) { error in
            let expected = ScoringError.missingAnswers([
                .init(index: 13, id: "one-area-deep", itemCount: 15),
                .init(index: 14, id: "direction-by-design", itemCount: 15),
            ], allowed: 0...10)
            XCTAssertEqual(error as? ScoringError, expected)
            XCTAssertEqual(
                "\(error)",
                "no answer for item 14 of 15 (\"one-area-deep\"), item 15 of 15 (\"direction-by-design\"); answer every item with a whole number from 0 to 10"
            )
        }
    }

    func testExtraAnswersAreRejected() {
        XCTAssertThrowsError(try questionnaire.score(Array(repeating: 5, count: 17))) { error in
            XCTAssertEqual(error as? ScoringError, .extraAnswers(given: 17, itemCount: 15))
            XCTAssertEqual(error.localizedDescription.contains("answers 16...17 match no item"), true, "\(error)")
        }
    }

    func testOutOfRangeAnswersNameTheItemsAndTheScale() {
        var answers = Array(repeating: 5, count: 15)
        answers[2] = 11
        answers[5] = -1
        XCTAssertThrowsError(try questionnaire.score(answers)) { error in
            XCTAssertEqual(
                "\(error)",
                "answer 11 for item 3 of 15 (\"many-conversations\"), answer -1 for item 6 of 15 (\"coaching-week\") outside the scale; answer with a whole number from 0 to 10"
            )
        }
    }

    func testScoringByIdMatchesScoringInOrder() throws {
        let answers = [3, 9, 1, 0, 10, 4, 4, 6, 2, 8, 5, 7, 1, 9, 3]
        let byId = Dictionary(uniqueKeysWithValues: zip(questionnaire.items.map(\.id), answers))
        XCTAssertEqual(try questionnaire.score(answers: byId), try questionnaire.score(answers))
    }

    func testScoringByIdReportsMissingAndUnknownIds() {
        var byId = Dictionary(uniqueKeysWithValues: questionnaire.items.map { ($0.id, 5) })
        byId["final-decision"] = nil
        XCTAssertThrowsError(try questionnaire.score(answers: byId)) { error in
            XCTAssertEqual(error as? ScoringError, .missingAnswers([.init(index: 11, id: "final-decision", itemCount: 15)], allowed: 0...10))
        }
        byId["final-decision"] = 5
        byId["final-decisio"] = 5
        XCTAssertThrowsError(try questionnaire.score(answers: byId)) { error in
            XCTAssertEqual(error as? ScoringError, .unknownItemIds(["final-decisio"]))
        }
    }

    func testAnInvalidQuestionnaireRefusesToScore() {
        var broken = questionnaire
        broken.bands.removeLast()
        XCTAssertThrowsError(try broken.score(Array(repeating: 5, count: 15))) { error in
            guard case .invalidQuestionnaire(let problems)? = error as? ScoringError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(problems.map(\.path), ["bands"])
        }
    }
}

final class ScoreResultCodingTests: XCTestCase {
    func testAResultSurvivesAJSONRoundTrip() throws {
        let result = try Fixtures.defaultLike.score([3, 9, 1, 0, 10, 4, 4, 6, 2, 8, 5, 7, 1, 9, 3])
        let data = try JSONEncoder().encode(result)
        XCTAssertEqual(try JSONDecoder().decode(ScoreResult.self, from: data), result)
    }
}
