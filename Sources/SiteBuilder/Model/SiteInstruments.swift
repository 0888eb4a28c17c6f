import Blocks
import Scoring

/// The instruments in the languages their catalogues give, by language code: the definitions
/// with the catalogue's words (numbers untouched) and each language's sentences.
struct InstrumentTranslations: Sendable {
    var questionnaires: [String: TranslatedQuestionnaire] = [:]
    var planners: [String: Planner] = [:]
    /// A hash of every catalogue's name and text, for the keys of outputs that print them.
    var sourceHash: UInt64 = 0
}

/// What the site's instruments (the questionnaire and the planner) give Markdown: the fenced
/// blocks that print them and the `{{scoring.…}}` / `{{planner.…}}` placeholders. The build and
/// the export both take them from here, so a page reads the same in both. Each exists per
/// language: a language without a catalogue reads the default language's words.
extension Site {
    var blockRenderers: BlockRenderers { blockRenderers(language: config.language) }

    func blockRenderers(language: String) -> BlockRenderers {
        BlockRenderers(dataFiles: dataFiles, questionnaire: questionnaire(in: language)?.questionnaire, planner: planner(in: language))
    }

    var placeholderValues: [String: String] { placeholderValues(language: config.language) }

    /// Names never clash: each instrument's start with its own prefix. Labels are the language's.
    func placeholderValues(language: String) -> [String: String] {
        (questionnaire(in: language)?.questionnaire.placeholderValues() ?? [:])
            .merging(planner(in: language)?.placeholderValues() ?? [:]) { first, _ in first }
    }

    /// The questionnaire in `language`'s words: its catalogue's, else the definition's own.
    func questionnaire(in language: String) -> TranslatedQuestionnaire? {
        guard let questionnaire else { return nil }
        return translations.questionnaires[language] ?? TranslatedQuestionnaire(questionnaire: questionnaire, wording: .english)
    }

    /// The planner in `language`'s words: its catalogue's, else the definition's own.
    func planner(in language: String) -> Planner? {
        guard planner != nil else { return nil }
        return translations.planners[language] ?? planner
    }
}
