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
            "scoring.version": "2",
            "scoring.band.management.min": "0",
            "scoring.band.management.max": "49",
            "scoring.band.management.label": "Drawn to leading people",
            "scoring.band.both.min": "50",
            "scoring.band.both.max": "100",
            "scoring.band.both.label": "Pulled both ways",
            "scoring.band.mastery.min": "101",
            "scoring.band.mastery.max": "150",
            "scoring.band.mastery.label": "Drawn to mastery",
            "scoring.items.forward": "8",
            "scoring.regions.count": "4",
            "scoring.pull.mastery.max": "80",
            "scoring.pull.management.max": "70",
            "scoring.region.neither.label": "Neither pulls hard yet",
            "scoring.region.neither.mastery.min": "0", "scoring.region.neither.mastery.max": "59",
            "scoring.region.neither.management.min": "0", "scoring.region.neither.management.max": "59",
            "scoring.region.mastery.label": "Mastery pulls harder",
            "scoring.region.mastery.mastery.min": "60", "scoring.region.mastery.mastery.max": "100",
            "scoring.region.mastery.management.min": "0", "scoring.region.mastery.management.max": "59",
            "scoring.region.management.label": "Management pulls harder",
            "scoring.region.management.mastery.min": "0", "scoring.region.management.mastery.max": "59",
            "scoring.region.management.management.min": "60", "scoring.region.management.management.max": "100",
            "scoring.region.both.label": "Both pull hard",
            "scoring.region.both.mastery.min": "60", "scoring.region.both.mastery.max": "100",
            "scoring.region.both.management.min": "60", "scoring.region.both.management.max": "100",
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
