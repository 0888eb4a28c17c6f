import Blocks

/// What the site's instruments (the questionnaire and the planner) give Markdown: the fenced
/// blocks that print them and the `{{scoring.…}}` / `{{planner.…}}` placeholders. The build and
/// the export both take them from here, so a page reads the same in both.
extension Site {
    var blockRenderers: BlockRenderers {
        BlockRenderers(dataFiles: dataFiles, questionnaire: questionnaire, planner: planner)
    }

    /// Names never clash: each instrument's start with its own prefix.
    var placeholderValues: [String: String] {
        (questionnaire?.placeholderValues() ?? [:]).merging(planner?.placeholderValues() ?? [:]) { first, _ in first }
    }
}
