import Foundation
@testable import Scoring
import XCTest

final class ScoringTableTests: XCTestCase {
    func testCanonicalJSONHasExactBytes() {
        let questionnaire = Questionnaire(
            id: "one", version: 4, title: "T",
            scale: Scale(min: 0, max: 2, labels: [2: "Yes", 0: "No", 10: "Off"]),
            items: [Item(id: "i", text: "Say \"hi\"", reverse: true, weight: 2, dimension: "d")],
            bands: [
                Band(id: "hi", label: "High", min: 3, max: 4, summary: "S2", advice: "A2", next: ["mastery/"]),
                Band(id: "lo", label: "Low", min: 0, max: 2, summary: "S1", advice: "A1"),
            ]
        )
        let expected = #"{"bands":[{"id":"lo","max":2,"min":0,"next":[]},{"id":"hi","max":4,"min":3,"next":["mastery/"]}],"#
            + #""dimensions":["d"],"format":3,"id":"one","#
            + #""items":[{"dimension":"d","id":"i","reverse":true,"weight":2}],"#
            + #""regions":[],"scale":{"max":2,"min":0},"#
            + #""strongestPullsLimit":3,"totals":{"max":4,"min":0},"version":4}"#
        XCTAssertEqual(questionnaire.compile().canonicalJSON(), expected)
        // The words travel beside the table, in the same canonical form.
        let words = #"{"bands":{"hi":{"advice":"A2","label":"High","summary":"S2"},"lo":{"advice":"A1","label":"Low","summary":"S1"}},"#
            + #""items":{"i":"Say \"hi\""},"regions":{},"scale":{"labels":{"0":"No","10":"Off","2":"Yes"}},"title":"T","words":{"#
        XCTAssertTrue(questionnaire.wordsJSON(.english).hasPrefix(words), questionnaire.wordsJSON(.english))
    }

    func testCanonicalJSONIsByteStable() {
        let first = Fixtures.defaultLike.compile().canonicalJSON()
        var rebuilt = Fixtures.defaultLike
        rebuilt.scale.labels = [10: "Strongly agree", 0: "Strongly disagree"]
        rebuilt.scale.labels[5] = "Neither agree nor disagree"
        XCTAssertEqual(rebuilt.compile().canonicalJSON(), first)
        XCTAssertEqual(Fixtures.defaultLike.compile().canonicalJSON(), first)
    }

    func testCanonicalJSONIsValidAndCarriesTheWholeTable() throws {
        let json = Fixtures.defaultLike.compile().canonicalJSON()
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["format"] as? Int, 3)
        XCTAssertEqual(object["id"] as? String, "path-fit")
        XCTAssertEqual(object["totals"] as? [String: Int], ["min": 0, "max": 150])
        XCTAssertEqual(object["dimensions"] as? [String], ["craft", "people", "scope"])
        XCTAssertEqual((object["items"] as? [Any])?.count, 15)
        XCTAssertEqual((object["bands"] as? [[String: Any]])?.compactMap { $0["max"] as? Int }, [49, 100, 150])
        XCTAssertEqual((object["scale"] as? [String: Any])?["max"] as? Int, 10)
        let regions = try XCTUnwrap(object["regions"] as? [[String: Any]])
        XCTAssertEqual(regions.compactMap { $0["id"] as? String }, ["neither", "mastery", "management", "both"])
        XCTAssertEqual(regions.first?["mastery"] as? [String: Int], ["min": 0, "max": 59])
        let words = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(Fixtures.defaultLike.wordsJSON(.english).utf8)) as? [String: Any])
        XCTAssertEqual((words["scale"] as? [String: Any])?["labels"] as? [String: String], [
            "0": "Strongly disagree", "5": "Neither agree nor disagree", "10": "Strongly agree",
        ])
        XCTAssertEqual(((words["regions"] as? [String: Any])?["neither"] as? [String: Any])?["discuss"] as? [String], ["Which job have I seen?"])
    }

    func testStatementsCannotBreakOutOfAScriptElement() throws {
        var questionnaire = Fixtures.small
        let hostile = "Ends here </script><script>alert(1)</script> & <!-- \u{2028}\u{2029} tab\tline\n\u{01}"
        questionnaire.items[0].text = hostile
        let json = questionnaire.wordsJSON(.english)

        XCTAssertFalse(json.contains("</script"))
        XCTAssertFalse(json.contains("<"))
        XCTAssertFalse(json.contains(">"))
        XCTAssertFalse(json.contains("&"))
        XCTAssertFalse(json.unicodeScalars.contains("\u{2028}"))
        XCTAssertFalse(json.unicodeScalars.contains("\u{2029}"))
        XCTAssertTrue(json.contains(#"Ends here \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003c!-- \u2028\u2029 tab\tline\n\u0001"#), json)

        // The escapes are ordinary JSON: a parser gets the statement back unchanged.
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try XCTUnwrap(object["items"] as? [String: String])
        XCTAssertEqual(items[questionnaire.items[0].id], hostile)
    }

    func testNonASCIITextIsKeptAsUTF8() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].text = "Café — ok"
        XCTAssertTrue(questionnaire.wordsJSON(.english).contains("\"Café — ok\""))
    }
}
