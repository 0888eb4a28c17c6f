import Scoring

/// The 1:1 sheet as GFM (`crossroads score --sheet`): the same facts the page's printed sheet
/// shows, from the same result, to paste into a one-to-one's notes.
public enum OneToOneSheet {
    /// `date` is printed as given (`YYYY-MM-DD`).
    public static func markdown(_ result: ScoreResult, questionnaire: Questionnaire, date: String) -> String {
        var text = "# 1:1 sheet: \(GFMText.escape(questionnaire.title ?? "The questionnaire"))\n\n"
        text += "Date: \(date) · Questionnaire version \(questionnaire.version)\n\n"
        text += "- Total: \(result.total) of \(questionnaire.totalRange.upperBound): **\(GFMText.escape(result.band.label))** (\(result.band.min)–\(result.band.max))\n"
        if let pulls = result.pulls, let region = result.region {
            text += "- Pull toward mastery: \(pulls.mastery.percent) % (\(pulls.mastery.points) of \(pulls.mastery.max) points)\n"
            text += "- Pull toward management: \(pulls.management.percent) % (\(pulls.management.points) of \(pulls.management.max) points)\n"
            text += "- Region: **\(GFMText.escape(region.label))** (mastery \(region.mastery.min)–\(region.mastery.max) %, management \(region.management.min)–\(region.management.max) %)\n"
        }
        text += "\n## Answers (\(questionnaire.scale.min)–\(questionnaire.scale.max))\n\n"
        let rows = zip(questionnaire.items, result.contributions).enumerated().map { offset, pair in
            ["\(offset + 1)", pair.0.text, "\(pair.1.answer)"]
        }
        text += GFMText.table(header: ["#", "Statement", "Answer"], rows: rows, alignRight: [0, 2]) + "\n"
        let questions = result.region?.discuss ?? []
        if !questions.isEmpty {
            text += "## Questions to discuss\n\n" + questions.map { "- \(GFMText.escape($0))\n" }.joined() + "\n"
        }
        text += "## Notes\n\n"
        return text
    }
}
