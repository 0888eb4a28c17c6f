import Scoring
import XCTest

final class PlaceholderTests: XCTestCase {
    func testPlaceholderValuesForTheDefaultQuestionnaire() {
        XCTAssertEqual(Fixtures.defaultLike.placeholderValues(), [
            "scoring.total.min": "0",
            "scoring.total.max": "150",
            "scoring.items.count": "15",
            "scoring.items.reversed": "7",
            "scoring.scale.min": "0",
            "scoring.scale.max": "10",
            "scoring.bands.count": "3",
            "scoring.version": "1",
            "scoring.band.management.min": "0",
            "scoring.band.management.max": "49",
            "scoring.band.management.label": "Drawn to leading people",
            "scoring.band.both.min": "50",
            "scoring.band.both.max": "100",
            "scoring.band.both.label": "Pulled both ways",
            "scoring.band.mastery.min": "101",
            "scoring.band.mastery.max": "150",
            "scoring.band.mastery.label": "Drawn to mastery",
        ])
    }

    func testPlaceholderTotalsFollowWeightsAndScale() {
        var questionnaire = Fixtures.small
        questionnaire.items[0].weight = 3
        let values = questionnaire.placeholderValues()
        XCTAssertEqual(values["scoring.total.min"], "4")
        XCTAssertEqual(values["scoring.total.max"], "20")
        XCTAssertEqual(values["scoring.items.reversed"], "1")
        XCTAssertEqual(values["scoring.version"], "3")
    }
}
