import XCTest

/// `crossroads score` on the default site: the numbers it prints and how it refuses bad answers.
final class ScoreCommandTests: XCTestCase {
    func testJSONReportsTotalBandAndDimensions() throws {
        let site = try TemporarySite()
        // 15 answers; reverse-keyed items (3, 5, 6, 7, 9, 12, 13) count as 10 − answer.
        let result = try site.score(["--answers", "10,10,0,10,0,0,0,10,0,10,10,0,0,10,10", "--json"])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let report = try ScoreReportJSON.decode(result.stdout)
        XCTAssertEqual(report.total, 150)
        XCTAssertEqual(report.band.id, "mastery")
        XCTAssertEqual(report.dimensions.map(\.total), [50, 50, 50])
    }

    func testTooFewAnswersExitOneWithAClearMessage() throws {
        let site = try TemporarySite()
        let result = try site.score(["--answers", "1,2"])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stdout.isEmpty, result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("3"), "should name the first statement without an answer: \(result.stderr)")
    }

    func testAnswerAboveTheScaleExitsOne() throws {
        let site = try TemporarySite()
        let answers = (["11"] + Array(repeating: "5", count: 14)).joined(separator: ",")
        let result = try site.score(["--answers", answers])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("11"), result.stderr)
        XCTAssertTrue(result.stderr.contains("10"), "should say the allowed range: \(result.stderr)")
    }

    func testNonNumberAnswerExitsOne() throws {
        let site = try TemporarySite()
        let result = try site.score(["--answers", "7,x"])
        XCTAssertEqual(result.exitCode, 1)
        XCTAssertTrue(result.stderr.contains("\"x\""), result.stderr)
    }
}

/// The shape `crossroads score --json` prints (the parts these tests read).
struct ScoreReportJSON: Decodable {
    struct Band: Decodable { var id: String; var label: String; var min: Int; var max: Int }
    struct Dimension: Decodable { var id: String; var total: Int }
    var total: Int
    var band: Band
    var dimensions: [Dimension]
    var strongest_pulls: [String]?
    struct Pull: Decodable { var points: Int; var max: Int; var percent: Int }
    struct Pulls: Decodable { var mastery: Pull; var management: Pull }
    struct Range: Decodable { var min: Int; var max: Int }
    struct Region: Decodable { var id: String; var label: String; var mastery: Range; var management: Range }
    var pulls: Pulls?
    var region: Region?

    static func decode(_ text: String) throws -> ScoreReportJSON {
        try JSONDecoder().decode(ScoreReportJSON.self, from: Data(text.utf8))
    }
}
