import Markdown

/// A problem with a fenced block or with the data file it reads.
///
/// `line` counts from 1 inside the block body when `file` is nil, and inside the data file when
/// `file` names one; 0 means the problem has no single line (a missing file, an empty body).
public struct BlockError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var file: String?
    public var message: String
    /// The block names a data file that does not exist.
    public var fileIsMissing: Bool

    public init(line: Int, file: String? = nil, message: String, fileIsMissing: Bool = false) {
        self.line = line
        self.file = file
        self.message = message
        self.fileIsMissing = fileIsMissing
    }

    /// The kind of Markdown problem this becomes on the page.
    var kind: MarkdownError.Kind {
        if fileIsMissing { return .missingBlockFile }
        return file == nil ? .fencedBlock : .blockFile
    }

    /// The Markdown renderer prefixes the page and the fence line, so this only says where inside
    /// the block or data file to look.
    public var description: String {
        switch (file, line) {
        case let (file?, line) where line > 0: return "\(file):\(line): \(message)"
        case let (file?, _): return "\(file): \(message)"
        case (nil, let line) where line > 0: return "line \(line) of the block: \(message)"
        default: return message
        }
    }
}
