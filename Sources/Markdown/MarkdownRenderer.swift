import CCmarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML, with heading ids, a table of contents, link rewriting
/// and fenced-block hooks. Safe to share and call from many threads at once.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions
    public let fencedBlocks: [String: FencedBlockRenderer]

    public init(options: MarkdownOptions = .init(), fencedBlocks: [String: FencedBlockRenderer] = [:]) {
        self.options = options
        self.fencedBlocks = fencedBlocks
    }

    /// Renders one page.
    ///
    /// - Throws: `MarkdownError` when the source is over `maxInputBytes` or nests deeper than
    ///   `maxNesting` (nothing is parsed then); `MarkdownErrors` holding every error thrown by
    ///   `rewriteLink` and the fenced-block renderers, after the whole page was walked.
    public func render(_ source: String, rewriteLink: LinkRewriter? = nil) throws -> RenderedMarkdown {
        try InputBounds(options).check(source)
        guard let document = ParsedDocument(source, options: cmarkOptions) else {
            throw MarkdownError(line: 1, message: "cmark could not parse the Markdown", kind: .unparsable)
        }
        let walked = DocumentWalker(fencedBlocks: fencedBlocks, rewriteLink: rewriteLink,
                                     headingsBelowLevel: options.headingsBelowLevel, maxHeadings: options.maxHeadings,
                                     reservedIDs: options.reservedIDs).walk(document.root)
        if !walked.errors.isEmpty {
            throw MarkdownErrors(walked.errors)
        }
        walked.applyReplacements()
        return RenderedMarkdown(
            html: document.renderHTML(),
            headings: walked.headings,
            toc: walked.headings.filter { options.tocLevels.contains($0.level) },
            plainText: walked.plainText,
            searchText: walked.searchText,
            wordCount: WordCounter.count(in: walked.plainText),
            links: walked.links
        )
    }

    private var cmarkOptions: Int32 {
        var flags = CMARK_OPT_DEFAULT
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }
        return flags
    }
}
