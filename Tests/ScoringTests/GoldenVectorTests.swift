import Foundation
@testable import Scoring
import XCTest

final class GoldenVectorTests: XCTestCase {
    private let questionnaire = Fixtures.defaultLike

    func testSplitMix64MatchesTheReferenceSequence() {
        // First outputs of the published SplitMix64 algorithm for seed 0.
        var generator = SplitMix64(seed: 0)
        XCTAssertEqual(generator.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(generator.next(), 0x6E78_9E6A_A1B9_65F4)
        XCTAssertEqual(generator.next(), 0x06C4_5D18_8009_454F)
    }

    func testBoundedDrawsStayInRangeAndReachBothEnds() {
        var generator = SplitMix64(seed: 42)
        let draws = (0..<2_000).map { _ in generator.next(in: 0...10) }
        XCTAssertEqual(Set(draws), Set(0...10))
    }

    func testSameSeedSameVectorsAndOtherSeedOtherRandomVectors() {
        let first = GoldenVectors.generate(for: questionnaire, randomCount: 50, seed: 7)
        XCTAssertEqual(GoldenVectors.generate(for: questionnaire, randomCount: 50, seed: 7), first)
        XCTAssertEqual(GoldenVectors.json(first), GoldenVectors.json(GoldenVectors.generate(for: questionnaire, randomCount: 50, seed: 7)))
        let other = GoldenVectors.generate(for: questionnaire, randomCount: 50, seed: 8)
        XCTAssertNotEqual(other, first)
        XCTAssertEqual(Array(other.prefix(14)), Array(first.prefix(14)), "the edge vectors do not depend on the seed")
    }

    func testEveryEdgeTotalAndBothUniformVectorsAreIncluded() throws {
        let vectors = GoldenVectors.generate(for: questionnaire, randomCount: 0, seed: 1)
        let edgeTotals = [0, 1, 48, 49, 50, 51, 99, 100, 101, 102, 149, 150]
        XCTAssertEqual(Array(vectors.map(\.total).prefix(edgeTotals.count)), edgeTotals)
        XCTAssertTrue(vectors.contains { $0.answers == Array(repeating: 0, count: 15) })
        XCTAssertTrue(vectors.contains { $0.answers == Array(repeating: 10, count: 15) })
        XCTAssertEqual(Set(vectors.map(\.answers)).count, vectors.count, "each answer vector once")
        var bandsOnly = questionnaire
        bandsOnly.regions = []
        XCTAssertEqual(GoldenVectors.generate(for: bandsOnly, randomCount: 0, seed: 1).count, edgeTotals.count + 2,
                       "without a map: the edges and the two uniform vectors")
    }

    func testEveryVectorAgreesWithTheScorer() throws {
        let vectors = GoldenVectors.generate(for: questionnaire, randomCount: 200, seed: 2024)
        XCTAssertGreaterThan(vectors.count, 200)
        for vector in vectors {
            let result = try questionnaire.score(vector.answers)
            XCTAssertEqual(vector.total, result.total)
            XCTAssertEqual(vector.band, result.band.id)
            XCTAssertEqual(vector.dimensions, Dictionary(uniqueKeysWithValues: result.dimensions.map { ($0.id, $0.total) }))
            XCTAssertEqual(vector.dimensions.values.reduce(0, +), vector.total)
            XCTAssertEqual(vector.strongestPulls, result.strongestPulls.map(\.itemId))
        }
        XCTAssertEqual(Set(vectors.map(\.band)), ["management", "both", "mastery"])
    }

    func testJSONIsCanonicalAndDecodes() throws {
        let vectors = GoldenVectors.generate(for: questionnaire, randomCount: 3, seed: 9)
        let json = GoldenVectors.json(vectors)
        XCTAssertTrue(json.hasPrefix(#"[{"answers":[0,0,10,0,10,10,10,0,10,0,0,10,10,0,0],"band":"management","dimensions":{"craft":0,"people":0,"scope":0},"pulls":{"management":{"percent":100,"points":70},"mastery":{"percent":0,"points":0}},"region":"management","strongestPulls":["own-hands","long-blocks","many-conversations"],"total":0}"#), json)
        XCTAssertEqual(try JSONDecoder().decode([GoldenVector].self, from: Data(json.utf8)), vectors)
    }

    func testWeightsThatSkipTotalsStillGiveExactEdges() {
        var weighted = Fixtures.small                         // totals 2...10 with weight 1
        weighted.items = weighted.items.map { var item = $0; item.weight = 2; return item }
        weighted.bands = [
            Band(id: "low", label: "Low", min: 4, max: 11, summary: "", advice: ""),
            Band(id: "high", label: "High", min: 12, max: 20, summary: "", advice: ""),
        ]
        XCTAssertEqual(weighted.validate(), [])
        let totals = GoldenVectors.generate(for: weighted, randomCount: 0, seed: 0).map(\.total)
        // Odd totals cannot be reached with every weight at 2, so 5, 11, 13 and 19 are skipped.
        XCTAssertEqual(Array(totals.prefix(4)), [4, 10, 12, 20])
        XCTAssertEqual(totals.count, 5, "the four edges plus every answer at the scale's minimum (total 12, other answers)")
    }

    func testAnInvalidQuestionnaireGivesNoVectors() {
        var broken = questionnaire
        broken.bands = []
        XCTAssertEqual(GoldenVectors.generate(for: broken, randomCount: 10, seed: 0), [])
    }
}
