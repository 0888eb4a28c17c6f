import Scoring

/// The site's questionnaire with what the build derives from it, each made once: the scoring
/// table's canonical JSON (which the page embeds, `scoring-table.json` holds and output keys
/// hash) and the values placeholders in prose expand to.
struct CompiledQuestionnaire: Sendable {
    let definition: Questionnaire
    /// `content/questionnaire.yml`, for errors and claims.
    let file: String?
    /// A hash of the file's text, for the keys of outputs that print it.
    let sourceHash: UInt64
    let tableJSON: String
    let placeholderValues: [String: String]

    init(_ definition: Questionnaire, file: String?, sourceHash: UInt64) {
        self.definition = definition
        self.file = file
        self.sourceHash = sourceHash
        tableJSON = definition.compile().canonicalJSON()
        placeholderValues = definition.placeholderValues()
    }
}
