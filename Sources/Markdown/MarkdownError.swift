/// One problem in a Markdown source, at a 1-based line of the string given to `render`.
public struct MarkdownError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// The name of the limit the source went over (`table_columns`, `headings` ...), so that
    /// the caller can say where to raise it; nil for every other problem.
    public var limit: String?

    public init(line: Int, message: String, limit: String? = nil) {
        self.line = line
        self.message = message
        self.limit = limit
    }

    public var description: String { "line \(line): \(message)" }
}

/// Every problem found while walking one page, in document order, thrown together so an
/// author sees them all at once.
public struct MarkdownErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [MarkdownError]

    public init(_ errors: [MarkdownError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
