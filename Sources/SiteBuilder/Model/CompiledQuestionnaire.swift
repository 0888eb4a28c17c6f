import Scoring

/// The site's questionnaire with what the build derives from it, each made once: the scoring
/// table's canonical JSON (which every language's page embeds, `scoring-table.json` holds and
/// output keys hash) and, per language, its words.
struct CompiledQuestionnaire: Sendable {
    /// The default language's words (questionnaire.yml's own).
    let own: Words
    /// Languages whose catalogue gives their words, by code.
    let translations: [String: Words]
    /// `content/questionnaire.yml`, for errors and claims.
    let file: String?
    /// A hash of the file's text, for the keys of outputs that print it.
    let sourceHash: UInt64
    /// The same bytes for every language: numbers and ids only.
    let tableJSON: String

    /// The questionnaire in one language: the definition in its words, the words JSON the page
    /// embeds beside the table, and what placeholders in that language's prose stand for.
    struct Words: Sendable {
        let definition: Questionnaire
        let wordsJSON: String
        let placeholderValues: [String: String]
        /// The bands by their lowest total and the scale's labelled answers by value: the order the
        /// page and its search line list them in.
        let bandsInOrder: [Band]
        let scaleLabelsInOrder: [(value: Int, label: String)]

        init(_ translated: TranslatedQuestionnaire) {
            definition = translated.questionnaire
            wordsJSON = translated.questionnaire.wordsJSON(translated.wording)
            placeholderValues = translated.questionnaire.placeholderValues()
            bandsInOrder = translated.questionnaire.bands.sorted { $0.min < $1.min }
            let labels = translated.questionnaire.scale.labels
            scaleLabelsInOrder = labels.keys.sorted().map { (value: $0, label: labels[$0] ?? "") }
        }
    }

    init(_ definition: Questionnaire, translations: [String: TranslatedQuestionnaire] = [:], file: String?, sourceHash: UInt64) {
        own = Words(TranslatedQuestionnaire(questionnaire: definition, wording: .english))
        self.translations = translations.mapValues(Words.init)
        self.file = file
        self.sourceHash = sourceHash
        tableJSON = definition.compile().canonicalJSON()
    }

    /// The words of `language`: its catalogue's, else the default language's.
    func words(_ language: String) -> Words { translations[language] ?? own }

    var definition: Questionnaire { own.definition }
    var placeholderValues: [String: String] { own.placeholderValues }
    var bandsInOrder: [Band] { own.bandsInOrder }
    var scaleLabelsInOrder: [(value: Int, label: String)] { own.scaleLabelsInOrder }
}
