/// How `MarkdownRenderer` parses and renders a page.
public struct MarkdownOptions: Sendable, Equatable {
    /// Raw HTML in the source passes through only when true; otherwise cmark omits it.
    public var unsafeHTML: Bool
    /// Curly quotes, en and em dashes, ellipses.
    public var smartPunctuation: Bool
    /// Sources longer than this (in UTF-8 bytes) are rejected before cmark sees them,
    /// because some inputs are quadratic in Debian's build.
    public var maxInputBytes: Int
    /// Deepest block-quote / list nesting accepted before parsing.
    public var maxNesting: Int
    /// Heading levels that appear in `RenderedMarkdown.toc`.
    public var tocLevels: ClosedRange<Int>
    /// The level of the heading the rendered content is shown under (1 under a page's `<h1>`
    /// title), or nil to print headings at their written levels. When set, content headings are
    /// printed as an outline below that level that never skips one (see `HeadingOutline`), and
    /// `FencedBlock.headingLevel` follows the printed levels.
    public var headingsBelowLevel: Int?
    /// Widest table accepted: cmark-gfm pads every row to the header's width, so a short page
    /// of empty rows under a wide header becomes millions of cells.
    public var maxTableColumns: Int
    /// Most table cells in one page, counted as columns times rows of every table.
    public var maxTableCells: Int
    /// Most headings in one page.
    public var maxHeadings: Int
    /// Ids the page's surroundings already use (`main` ...): never given to a heading.
    public var reservedIDs: Set<String>

    public init(
        unsafeHTML: Bool = false,
        smartPunctuation: Bool = true,
        maxInputBytes: Int = 4_000_000,
        maxNesting: Int = 64,
        tocLevels: ClosedRange<Int> = 2...3,
        headingsBelowLevel: Int? = nil,
        maxTableColumns: Int = 100,
        maxTableCells: Int = 100_000,
        maxHeadings: Int = 2_000,
        reservedIDs: Set<String> = []
    ) {
        self.unsafeHTML = unsafeHTML
        self.smartPunctuation = smartPunctuation
        self.maxInputBytes = maxInputBytes
        self.maxNesting = maxNesting
        self.tocLevels = tocLevels
        self.headingsBelowLevel = headingsBelowLevel
        self.maxTableColumns = maxTableColumns
        self.maxTableCells = maxTableCells
        self.maxHeadings = maxHeadings
        self.reservedIDs = reservedIDs
    }
}
