/// One wiki's markup for each element of a page. `WikiWriter` walks the page and calls these
/// with the parts already written, so a syntax only spells elements and escapes text.
protocol WikiSyntax {
    /// Plain text, escaped so that nothing in it is read as markup.
    func text(_ text: String) -> String
    func code(_ code: String) -> String
    func emphasis(_ content: String) -> String
    func strong(_ content: String) -> String
    func strikethrough(_ content: String) -> String
    var lineBreak: String { get }

    /// A link to another page of the export; `anchor` is the heading text it points at.
    /// `label` is the written label, `plainLabel` the same words without markup.
    func pageLink(_ page: WikiSite.Page, anchor: String?, label: String, plainLabel: String) -> String
    func externalLink(_ url: String, label: String, plainLabel: String) -> String
    /// A chart image, by its flat file name, as uploaded next to the page.
    func image(_ name: String, alt: String) -> String

    func heading(level: Int, content: String, plain: String) -> String
    func paragraph(_ content: String) -> String
    /// `markers` holds whether each enclosing list, this one last, is ordered.
    func list(markers: [Bool], items: [(content: String, nested: [String])]) -> String
    func table(header: [String], rows: [[String]]) -> String
    func codeBlock(language: String, code: String) -> String
    /// A quoted passage; `warning` when it starts with a GFM alert such as `[!WARNING]`.
    func panel(_ blocks: [String], warning: Bool) -> String
    var thematicBreak: String { get }

    /// Whether the page starts with its title as a first-level heading (DokuWiki takes the
    /// title from it; MediaWiki and Confluence show the title themselves).
    var keepsTitleHeading: Bool { get }
    /// How blocks are separated.
    var blockSeparator: String { get }
}
