import Markdown

extension SiteError {
    /// A Markdown, link or fenced-block problem at its file line, with the way to fix it.
    init(_ error: MarkdownError, file: String, firstLine: Int, limits: SiteLimits) {
        self.init(file: file, line: error.line + firstLine - 1, message: error.message,
                  fix: Self.fix(for: error.kind, limits: limits))
    }

    /// The advice follows the kind alone, so rewording a message never changes it.
    static func fix(for kind: MarkdownError.Kind, limits: SiteLimits) -> String {
        switch kind {
        case .overLimit(let limit):
            limits.raiseFix(limit, otherwise: "split the page or simplify the Markdown from this line")
        case .link:
            "link to an existing page as @/folder/page.md (paths are relative to content/)"
        case .missingBlockFile:
            "create the data file in content/data/, or name an existing one with `data:` in the block"
        case .blockFile:
            "correct the data file at the line the message names; docs/writing-guides.md shows each block's format"
        case .fencedBlock:
            "correct the fenced block on this line; docs/writing-guides.md shows each block's format"
        case .unparsable:
            "shorten or simplify the Markdown on this line"
        }
    }
}
