import Scoring

/// The questionnaire as a paper form in GFM, generated from the scoring module so a pencil total
/// always agrees with the site: the statements, an answer grid, how to turn reverse-keyed and
/// weighted answers into points, and the band table.
enum PaperQuestionnaire {
    /// Header of the band table; the same columns as the site's ```bands block.
    static let bandHeader = ["Result", "Total", "What it suggests"]

    static func bandRows(_ questionnaire: Questionnaire) -> [[String]] {
        questionnaire.bands.map { [$0.label, "\($0.min)–\($0.max)", $0.summary] }
    }

    /// `headingLevel` is the level of the form's own heading (1 for a file of its own, 2 when it
    /// follows the questionnaire page's text).
    static func markdown(_ questionnaire: Questionnaire, headingLevel: Int) -> String {
        let heading = String(repeating: "#", count: headingLevel)
        let sub = heading + "#"
        let scale = questionnaire.scale
        let answers = scale.answers
        var text = headingLevel == 1
            ? "\(heading) \(GFMText.escape(questionnaire.title ?? "Questionnaire"))\n\n"
            : "\(heading) The questionnaire on paper\n\n"
        if let intro = questionnaire.intro, !intro.isEmpty { text += GFMText.escape(intro) + "\n\n" }

        var howTo = "For each statement, circle one number from \(scale.min) to \(scale.max)"
        let labelled = scale.labels.keys.sorted()
        if !labelled.isEmpty {
            howTo += " (" + labelled.map { "\($0) means “\(scale.labels[$0] ?? "")”" }.joined(separator: ", ") + ")"
        }
        text += GFMText.escape(howTo + ". Answer for an ordinary week, and go with your first honest reaction.") + "\n\n"

        text += "\(sub) Statements\n\n"
        let grid = questionnaire.items.enumerated().map { offset, item in
            ["\(offset + 1)", item.text] + answers.map { _ in "○" }
        }
        text += GFMText.table(header: ["#", "Statement"] + answers.map(String.init), rows: grid) + "\n"

        text += "\(sub) Scoring\n\n"
        var step = 1
        let reversed = questionnaire.items.enumerated().filter { $0.element.reverse }
        if !reversed.isEmpty {
            let numbers = reversed.map { String($0.offset + 1) }.joined(separator: ", ")
            text += "\(step). Reverse-keyed statements: \(numbers). For these, your points are "
                + "\(scale.min + scale.max) − your answer (\(scale.max) + \(scale.min) − answer), "
                + "so an answer of \(scale.max) gives \(scale.min) points and an answer of \(scale.min) gives \(scale.max). "
                + "For every other statement, your points are your answer.\n"
            step += 1
        }
        let weighted = questionnaire.items.enumerated().filter { $0.element.weight != 1 }
        if !weighted.isEmpty {
            let list = weighted.map { "statement \($0.offset + 1) × \($0.element.weight)" }.joined(separator: ", ")
            text += "\(step). Some statements count more: \(list). Multiply their points by that number.\n"
            step += 1
        }
        let range = questionnaire.totalRange
        text += "\(step). Add up the points of all \(questionnaire.items.count) statements. "
            + "Your total lies between \(range.lowerBound) and \(range.upperBound).\n"
        text += "\(step + 1). Find the row of the table below whose range holds your total.\n\n"

        if !reversed.isEmpty {
            text += "Reverse-keyed statements, answer → points:\n\n"
            let rows = reversed.map { offset, item in
                ["\(offset + 1)", item.text] + answers.map { "\(scale.min + scale.max - $0)" }
            }
            text += GFMText.table(header: ["#", "Statement"] + answers.map(String.init), rows: rows) + "\n"
        }

        text += "\(sub) Results\n\n"
        text += GFMText.table(header: bandHeader, rows: bandRows(questionnaire)) + "\n"
        for band in questionnaire.bands {
            text += "**\(GFMText.escape(band.label))** (\(band.min)–\(band.max)): \(GFMText.escape(band.advice))\n\n"
        }
        if questionnaire.hasMap { text += pullsGuide(questionnaire, heading: sub) }
        return text
    }

    /// How to work out both pulls and the region by hand, with the regions as a table.
    static func pullsGuide(_ questionnaire: Questionnaire, heading: String) -> String {
        let scale = questionnaire.scale
        let offset = scale.min == 0 ? "" : " minus \(scale.min) each"
        let weighted = questionnaire.items.contains { $0.weight != 1 } ? ", each multiplied by its weight" : ""
        func numbers(_ axis: PullAxis) -> String { questionnaire.pullItems(axis).map { String($0 + 1) }.joined(separator: ", ") }
        var text = "\(heading) The two pulls and the map\n\n"
        text += "1. Pull toward mastery: add up your answers\(offset) to statements \(numbers(.mastery)) (the statements not turned around)\(weighted). The most is \(questionnaire.pullMaximum(.mastery)).\n"
        text += "2. Pull toward management: add up your answers\(offset) to statements \(numbers(.management)), as you gave them, before turning them around\(weighted). The most is \(questionnaire.pullMaximum(.management)).\n"
        text += "3. Turn each into a percent: 100 × your points ÷ the most, rounded to the nearest whole number, halves up.\n"
        text += "4. Find the row of the table below whose two ranges hold both percents.\n\n"
        let rows = questionnaire.regions.map { region in
            ["\(region.mastery.min)–\(region.mastery.max) %", "\(region.management.min)–\(region.management.max) %", region.label, region.summary + " " + region.advice]
        }
        text += GFMText.table(header: ["Pull toward mastery", "Pull toward management", "Region", "What it suggests"], rows: rows) + "\n"
        return text
    }
}
