/// A fenced code block whose info string names a registered renderer.
public struct FencedBlock: Sendable, Equatable {
    /// First word of the info string, e.g. "chart".
    public var info: String
    /// The rest of the info string after the first word, trimmed.
    public var arguments: String
    /// The block's body, exactly as cmark read it (ends with a newline when not empty).
    public var code: String
    /// 1-based line of the opening fence in the source given to `render`.
    public var line: Int
    /// The level a heading at the top of the block's HTML takes so that the page's headings never
    /// skip a level: one below the heading of the section the block sits in (at most 6).
    public var headingLevel: Int

    public init(info: String, arguments: String, code: String, line: Int, headingLevel: Int = 3) {
        self.info = info
        self.arguments = arguments
        self.code = code
        self.line = line
        self.headingLevel = headingLevel
    }
}

/// Turns a fenced block into HTML. The result is inserted verbatim, even in safe mode.
/// Throwing a `MarkdownError` keeps its line; any other error is tagged with the fence's line.
public typealias FencedBlockRenderer = @Sendable (FencedBlock) throws -> String

/// Rewrites a link or image destination. Errors are tagged with `line` unless they are
/// `MarkdownError`s already.
public typealias LinkRewriter = @Sendable (_ destination: String, _ line: Int) throws -> String
