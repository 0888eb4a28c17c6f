/// Everything `MarkdownRenderer.render` learns about one page.
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    /// Every heading, in document order.
    public var headings: [Heading]
    /// The headings whose level is in `MarkdownOptions.tocLevels`.
    public var toc: [Heading]
    /// Text content without markup, for search and reading time; fenced-block output excluded.
    public var plainText: String
    /// What a reader sees, for search: the plain text with the visible text of fenced blocks
    /// (charts' captions and data, ladders, comparison and band tables) where they stand.
    public var searchText: String
    public var wordCount: Int
    /// Link and image destinations, as rewritten.
    public var links: [Link]

    public init(html: String, headings: [Heading], toc: [Heading], plainText: String, searchText: String? = nil, wordCount: Int, links: [Link]) {
        self.html = html
        self.headings = headings
        self.toc = toc
        self.plainText = plainText
        self.searchText = searchText ?? plainText
        self.wordCount = wordCount
        self.links = links
    }
}
