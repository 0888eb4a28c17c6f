import Foundation
import Scoring

/// The paper scoring guide's band table as a wiki renders it: one row per band with its label
/// and its `min–max` range, from the scoring module's questionnaire.
enum WikiBandTable {
    static func expectedRows(_ questionnaire: Questionnaire) -> [(label: String, range: String)] {
        questionnaire.bands.map { ($0.label, "\($0.min)–\($0.max)") }
    }

    /// The first page with a table row for every band (its label and its range as cells).
    static func page(showing questionnaire: Questionnaire, in pages: [RenderedWikiPage]) -> RenderedWikiPage? {
        let expected = expectedRows(questionnaire)
        return pages.sorted { $0.name < $1.name }.first { page in
            let rows = page.tableRows
            return expected.allSatisfy { band in rows.contains { $0.contains(band.label) && $0.contains(band.range) } }
        }
    }
}
