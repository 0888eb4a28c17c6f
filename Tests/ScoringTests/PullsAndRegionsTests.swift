@testable import Scoring
import XCTest

/// The two pulls beside the total and the region of the map they land in (issue 17).
final class PullsAndRegionsTests: XCTestCase {
    private let questionnaire = Fixtures.defaultLike

    /// Answers with every forward-keyed statement at `forward` and every reverse-keyed one at `reverse`.
    private func answers(forward: Int, reverse: Int) -> [Int] {
        Fixtures.itemSpecs.map { $0.reverse ? reverse : forward }
    }

    func testPercentIsRoundedHalfUpInWholeNumbers() {
        XCTAssertEqual(Pull.percent(points: 0, max: 80), 0)
        XCTAssertEqual(Pull.percent(points: 80, max: 80), 100)
        XCTAssertEqual(Pull.percent(points: 40, max: 80), 50)
        XCTAssertEqual(Pull.percent(points: 1, max: 200), 1, "0.5 rounds up")
        XCTAssertEqual(Pull.percent(points: 3, max: 200), 2, "1.5 rounds up")
        XCTAssertEqual(Pull.percent(points: 2, max: 70), 3, "2.857 rounds to 3")
        XCTAssertEqual(Pull.percent(points: 1, max: 80), 1, "1.25 rounds to 1")
        XCTAssertEqual(Pull.percent(points: 0, max: 0), 0)
    }

    func testFewestPointsIsTheInverseOfThePercentForEveryMaximum() {
        for max in 1...250 {
            var reached: Set<Int> = []
            for points in 0...max { reached.insert(Pull.percent(points: points, max: max)) }
            for percent in 0...100 {
                let points = Pull.fewestPoints(giving: percent, max: max)
                XCTAssertEqual(points != nil, reached.contains(percent), "max \(max), percent \(percent)")
                guard let points else { continue }
                XCTAssertEqual(Pull.percent(points: points, max: max), percent)
                if points > 0 { XCTAssertLessThan(Pull.percent(points: points - 1, max: max), percent) }
            }
        }
    }

    func testTheMapTellsBothFromNeither() throws {
        // All 0s, all 5s and all 10s share the middle band; the map separates them.
        let cases: [(answers: [Int], band: String, region: String, mastery: Int, management: Int)] = [
            (answers(forward: 0, reverse: 0), "both", "neither", 0, 0),
            (answers(forward: 5, reverse: 5), "both", "neither", 50, 50),
            (answers(forward: 10, reverse: 10), "both", "both", 100, 100),
            (answers(forward: 10, reverse: 0), "mastery", "mastery", 100, 0),
            (answers(forward: 0, reverse: 10), "management", "management", 0, 100),
            (answers(forward: 6, reverse: 6), "both", "both", 60, 60),
        ]
        for item in cases {
            let result = try questionnaire.score(item.answers)
            XCTAssertEqual(result.band.id, item.band, "\(item.answers)")
            XCTAssertEqual(result.region?.id, item.region, "\(item.answers)")
            XCTAssertEqual(result.pulls?.mastery.percent, item.mastery)
            XCTAssertEqual(result.pulls?.management.percent, item.management)
        }
        let mixed = try questionnaire.score(answers(forward: 7, reverse: 3))
        XCTAssertEqual(mixed.pulls, Pulls(mastery: Pull(points: 56, max: 80), management: Pull(points: 21, max: 70)))
    }

    /// The source's rule holds for any answers, whatever the map says: total > 100 is mastery,
    /// < 50 management, else both; pulls and region come from the same answers.
    func testTheTotalRuleHoldsForAnyAnswers() throws {
        var generator = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            let answers = questionnaire.items.map { _ in generator.next(in: 0...10) }
            let result = try questionnaire.score(answers)
            let total = zip(Fixtures.itemSpecs, answers).reduce(0) { $0 + ($1.0.reverse ? 10 - $1.1 : $1.1) }
            XCTAssertEqual(result.total, total)
            XCTAssertEqual(result.band.id, total > 100 ? "mastery" : total < 50 ? "management" : "both", "\(answers)")
            let forward = zip(Fixtures.itemSpecs, answers).filter { !$0.0.reverse }.reduce(0) { $0 + $1.1 }
            let reverse = zip(Fixtures.itemSpecs, answers).filter { $0.0.reverse }.reduce(0) { $0 + $1.1 }
            XCTAssertEqual(result.total, forward + (70 - reverse), "total = mastery points + reversed management points")
            let strongMastery = (200 * forward + 80) / 160 >= 60, strongManagement = (200 * reverse + 70) / 140 >= 60
            let expected = strongMastery ? (strongManagement ? "both" : "mastery") : (strongManagement ? "management" : "neither")
            XCTAssertEqual(result.region?.id, expected, "\(answers)")
        }
    }

    func testPullsCountAnswersFromTheBottomOfTheScaleWithWeights() throws {
        var weighted = Fixtures.small                    // scale 1...5; a forward, b reverse
        weighted.items[0].weight = 3                     // totals 4...20
        weighted.bands = [Band(id: "low", label: "Low", min: 4, max: 11, summary: "", advice: ""),
                          Band(id: "high", label: "High", min: 12, max: 20, summary: "", advice: "")]
        weighted.regions = [Region(id: "all", label: "All", mastery: PercentRange(min: 0, max: 100), management: PercentRange(min: 0, max: 100), summary: "", advice: "")]
        XCTAssertEqual(weighted.validate(), [])
        let result = try weighted.score([2, 4])
        XCTAssertEqual(result.pulls?.mastery, Pull(points: 3, max: 12))      // 3 × (2 − 1)
        XCTAssertEqual(result.pulls?.management, Pull(points: 3, max: 4))    // 1 × (4 − 1), before reversal
        XCTAssertEqual(result.pulls?.mastery.percent, 25)
        XCTAssertEqual(result.pulls?.management.percent, 75)
        XCTAssertEqual(result.region?.id, "all")
    }

    func testWithoutRegionsThereAreNoPulls() throws {
        let result = try Fixtures.small.score([3, 3])
        XCTAssertNil(result.pulls)
        XCTAssertNil(result.region)
        XCTAssertTrue(GoldenVectors.generate(for: Fixtures.small, randomCount: 3, seed: 1).allSatisfy { $0.region == nil && $0.pulls == nil })
    }

    // MARK: validation, as for the bands

    private func problems(_ edit: (inout Questionnaire) -> Void) -> [QuestionnaireProblem] {
        var changed = questionnaire
        edit(&changed)
        return changed.validate()
    }

    func testAGapNamesTheUncoveredPartOfTheMap() {
        let found = problems { $0.regions[1].mastery.min = 65 }     // mastery 60...64 × management 0...59 left over
        XCTAssertEqual(found.map(\.path), ["regions"])
        XCTAssertEqual(found.first?.message.hasPrefix("mastery 60...64 %, management 0...59 % belongs to no region"), true, found.description)
    }

    func testAnOverlapNamesBothRegionsAndTheSharedPart() {
        let found = problems { $0.regions[0].mastery.max = 61 }     // neither reaches into mastery's 60...61
        XCTAssertEqual(found.count, 1, found.description)
        XCTAssertEqual(found.first?.path, "regions[1]")
        XCTAssertEqual(found.first?.message, "region \"mastery\" and region \"neither\" (regions[0]) both claim mastery 60...61 %, management 0...59 %; each pair of pulls must belong to exactly one region")
    }

    func testEdgesOutsideZeroToHundredOrReversedAreRefused() {
        let outside = problems { $0.regions[3].management.max = 120 }
        XCTAssertEqual(outside.first?.path, "regions[3].management")
        XCTAssertEqual(outside.first?.message.contains("outside 0...100"), true, outside.description)
        let reversed = problems { $0.regions[2].mastery = PercentRange(min: 59, max: 0) }
        XCTAssertEqual(reversed.first?.path, "regions[2].mastery")
        XCTAssertEqual(reversed.first?.message.contains("min above max"), true, reversed.description)
        // A region with a bad range is left out of the coverage check, so its part shows as a gap.
        XCTAssertTrue(reversed.dropFirst().allSatisfy { $0.path == "regions" })
    }

    func testIdsAndLabels() {
        let found = problems {
            $0.regions[1].id = "neither"
            $0.regions[2].label = " "
            $0.regions[3].id = ""
        }
        XCTAssertEqual(found.map(\.path), ["regions[1].id", "regions[2].label", "regions[3].id"])
        XCTAssertEqual(found.first?.message, "the region id \"neither\" is already used by regions[0]; region ids must be unique")
    }

    func testAMapNeedsStatementsOfBothKeyings() {
        let found = problems { $0.items = $0.items.map { var item = $0; item.reverse = false; return item } }
        XCTAssertTrue(found.contains { $0.path == "regions" && $0.message.contains("no reverse-keyed statement") }, found.description)
    }

    func testTooManyRegionsAreRefusedBeforeAnythingElse() {
        var many = questionnaire
        many.regions = Array(repeating: questionnaire.regions[0], count: 101)
        let found = many.validate()
        XCTAssertEqual(found.map(\.limit), ["questionnaire_regions"])
    }

    // MARK: golden vectors

    func testGoldenVectorsLandOnEveryRegionEdgeAndAgreeWithTheScorer() throws {
        let vectors = GoldenVectors.generate(for: questionnaire, randomCount: 0, seed: 1)
        let pairs = Set(vectors.compactMap { vector in vector.pulls.map { [$0["mastery"]?.percent ?? -1, $0["management"]?.percent ?? -1] } })
        for mastery in [0, 59, 60, 61, 99, 100] {
            for management in [0, 59, 60, 61, 100] where Pull.fewestPoints(giving: mastery, max: 80) != nil && Pull.fewestPoints(giving: management, max: 70) != nil {
                XCTAssertTrue(pairs.contains([mastery, management]), "no vector at \(mastery) %, \(management) %")
            }
        }
        XCTAssertEqual(Set(vectors.compactMap(\.region)), ["neither", "mastery", "management", "both"])
        for vector in vectors {
            let result = try questionnaire.score(vector.answers)
            XCTAssertEqual(vector.region, result.region?.id)
            XCTAssertEqual(vector.pulls?["mastery"]?.points, result.pulls?.mastery.points)
            XCTAssertEqual(vector.pulls?["management"]?.percent, result.pulls?.management.percent)
        }
    }
}
