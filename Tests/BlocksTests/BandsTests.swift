@testable import Scoring
import XCTest
@testable import Blocks

final class BandsTests: XCTestCase {
    private func questionnaire(_ bands: [Band]) -> Questionnaire {
        Questionnaire(
            id: "path", version: 1, scale: Scale(min: 0, max: 10),
            items: [Item(id: "q1", text: "I like building", dimension: "craft")], bands: bands)
    }

    private let bands = [
        Band(id: "management", label: "Leaning to management", min: 0, max: 3,
             summary: "People work energises you.", advice: "Try a lead role."),
        Band(id: "both", label: "Both ways", min: 4, max: 6, summary: "You could go either way.", advice: "Swing."),
        Band(id: "mastery", label: "Leaning to mastery", min: 7, max: 10,
             summary: "Depth & craft <matter> most.", advice: "Go deep."),
    ]

    func testTableMatchesTheQuestionnaire() throws {
        let html = try BandsRenderer(questionnaire: questionnaire(bands)).render(body: "")
        XCTAssertTrue(html.hasPrefix("<table class=\"bands\">"))
        XCTAssertEqual(
            try captures(#"<th scope="col">([^<]*)</th>"#, in: html), ["Result", "Total", "What it suggests"])
        XCTAssertEqual(try captures(#"<tr id="band-([^"]*)">"#, in: html), bands.map(\.id))
        XCTAssertEqual(try captures(#"<th scope="row">([^<]*)</th>"#, in: html), bands.map(\.label))
        let cells = try captures(#"<td>([^<]*)</td>"#, in: html)
        XCTAssertEqual(cells, ["0–3", "People work energises you.", "4–6", "You could go either way.",
                               "7–10", "Depth &amp; craft &lt;matter&gt; most."])
    }

    func testChangedBandsChangeTheTable() throws {
        var moved = bands
        moved[1].max = 5
        moved[2].min = 6
        let html = try BandsRenderer(questionnaire: questionnaire(moved)).render(body: "")
        XCTAssertTrue(html.contains("<td>4–5</td>"))
        XCTAssertTrue(html.contains("<td>6–10</td>"))
    }

    func testNoQuestionnaireAndStrayBodyAreErrors() throws {
        let missing = try XCTUnwrap(blockError { _ = try BandsRenderer(questionnaire: nil).render(body: "") })
        XCTAssertTrue(missing.message.hasPrefix("bands: there is no questionnaire"), missing.message)

        let body = try XCTUnwrap(blockError {
            _ = try BandsRenderer(questionnaire: self.questionnaire(self.bands)).render(body: "\ncaption: x\n")
        })
        XCTAssertEqual(body.line, 2)
        XCTAssertTrue(body.message.contains("takes no body"), body.message)
    }
}
