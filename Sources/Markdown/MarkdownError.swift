/// One problem in a Markdown source, at a 1-based line of the string given to `render`.
public struct MarkdownError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, decided where the problem is found, so that a caller can choose its
    /// advice by kind instead of by the wording of the message.
    public enum Kind: Sendable, Hashable {
        /// The source went over the named limit (`table_columns`, `headings` ...), so that the
        /// caller can say where to raise it.
        case overLimit(String)
        /// The caller's link rewriter refused a link's destination.
        case link
        /// A fenced block's renderer refused the block's own lines.
        case fencedBlock
        /// A file a fenced block reads (not the page) does not exist.
        case missingBlockFile
        /// A file a fenced block reads (not the page) holds a problem.
        case blockFile
        /// cmark-gfm could not parse the source.
        case unparsable
    }

    public var line: Int
    public var message: String
    public var kind: Kind

    public init(line: Int, message: String, kind: Kind) {
        self.line = line
        self.message = message
        self.kind = kind
    }

    public init(line: Int, message: String, limit: String) {
        self.init(line: line, message: message, kind: .overLimit(limit))
    }

    /// The name of the limit the source went over; nil for every other kind of problem.
    public var limit: String? {
        if case .overLimit(let name) = kind { name } else { nil }
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
