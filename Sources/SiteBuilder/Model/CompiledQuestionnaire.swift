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
    /// The bands by their lowest total and the scale's labelled answers by value: the order the
    /// page and its search line list them in.
    let bandsInOrder: [Band]
    let scaleLabelsInOrder: [(value: Int, label: String)]

    init(_ definition: Questionnaire, file: String?, sourceHash: UInt64) {
        self.definition = definition
        self.file = file
        self.sourceHash = sourceHash
        tableJSON = definition.compile().canonicalJSON()
        placeholderValues = definition.placeholderValues()
        bandsInOrder = definition.bands.sorted { $0.min < $1.min }
        let labels = definition.scale.labels
        scaleLabelsInOrder = labels.keys.sorted().map { (value: $0, label: labels[$0] ?? "") }
    }
}
