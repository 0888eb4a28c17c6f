import Foundation
import Scoring
import XCTest

final class DecodingTests: XCTestCase {
    private func decode(_ json: String) throws -> Questionnaire {
        try JSONDecoder().decode(Questionnaire.self, from: Data(json.utf8))
    }

    private let minimal = """
        {"id": "q", "version": 2,
         "scale": {"min": 0, "max": 4, "labels": {"0": "No", " 4": "Yes"}},
         "items": [{"id": "i1", "text": "One", "dimension": "d2"},
                   {"id": "i2", "text": "Two", "reverse": true, "weight": 3, "dimension": "d1"},
                   {"id": "i3", "text": "Three", "dimension": "d2"}],
         "bands": [{"id": "b", "label": "B", "min": 0, "max": 20, "summary": "S", "advice": "A"}]}
        """

    func testNumericStringLabelKeysAndOmittedDefaults() throws {
        let questionnaire = try decode(minimal)
        XCTAssertEqual(questionnaire.scale.labels, [0: "No", 4: "Yes"])
        XCTAssertEqual(questionnaire.items[0].reverse, false)
        XCTAssertEqual(questionnaire.items[0].weight, 1)
        XCTAssertEqual(questionnaire.items[1].reverse, true)
        XCTAssertEqual(questionnaire.items[1].weight, 3)
        XCTAssertEqual(questionnaire.bands[0].next, [])
        XCTAssertNil(questionnaire.title)
        XCTAssertEqual(questionnaire.dimensions, ["d2", "d1"])
        XCTAssertEqual(questionnaire.validate(), [])
    }

    func testEncodingRoundTrips() throws {
        let encoded = try JSONEncoder().encode(Fixtures.defaultLike)
        XCTAssertEqual(try JSONDecoder().decode(Questionnaire.self, from: encoded), Fixtures.defaultLike)
    }

    func testNonNumericLabelKeyIsRejected() {
        let json = minimal.replacingOccurrences(of: "\" 4\"", with: "\"four\"")
        XCTAssertThrowsError(try decode(json)) { error in
            XCTAssertEqual("\(error)".contains("\"four\" is not a whole number"), true, "\(error)")
        }
    }

    func testMisspeltFieldIsRejectedByName() {
        let json = minimal.replacingOccurrences(of: "\"reverse\": true", with: "\"reversed\": true")
        XCTAssertThrowsError(try decode(json)) { error in
            guard case .dataCorrupted(let context)? = error as? DecodingError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(context.debugDescription.contains("unknown field \"reversed\""), true, context.debugDescription)
            XCTAssertEqual(context.codingPath.last?.stringValue, "reversed")
        }
    }
}
