/// One thing wrong with a questionnaire definition.
public struct QuestionnaireProblem: Sendable, Equatable, CustomStringConvertible {
    /// Where the problem is, with 0-based list indexes: `items[3].id`, `bands[1]`, `scale.labels.12`.
    public var path: String
    /// What is wrong and how to fix it.
    public var message: String
    /// The name of the size limit this problem is about (`questionnaire_items` ...), or nil.
    public var limit: String?

    public init(path: String, message: String, limit: String? = nil) {
        self.path = path
        self.message = message
        self.limit = limit
    }

    public var description: String { "\(path): \(message)" }
}
