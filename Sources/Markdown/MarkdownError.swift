/// One problem in a Markdown source, at a 1-based line of the string given to `render`.
public struct MarkdownError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
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
