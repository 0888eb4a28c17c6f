import Markdown

extension SiteError {
    /// A Markdown, link or fenced-block problem at its file line, with the way to fix it.
    init(_ error: MarkdownError, file: String, firstLine: Int, limits: SiteLimits) {
        let message = error.message
        let fix: String
        if let limit = error.limit {
            fix = limits.raiseFix(limit, otherwise: "split the page or simplify the Markdown from this line")
        } else if message.contains("link to @/") || message.hasPrefix("link to") {
            fix = "link to an existing page as @/folder/page.md (paths are relative to content/)"
        } else if message.contains("data file") {
            fix = "create the data file in content/data/, or name an existing one with `data:` in the block"
        } else if ["chart", "ladder", "compare", "bands"].contains(where: { message.hasPrefix($0) }) {
            fix = "correct the fenced block on this line; docs/writing-guides.md shows each block's format"
        } else {
            fix = "shorten or simplify the Markdown on this line"
        }
        self.init(file: file, line: error.line + firstLine - 1, message: message, fix: fix)
    }
}
