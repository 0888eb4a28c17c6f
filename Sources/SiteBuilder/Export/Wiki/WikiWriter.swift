import Markdown

/// The one walker behind every wiki export: writes a page's GFM tree in a `WikiSyntax`,
/// resolving links between pages and chart images through the `WikiSite`.
struct WikiWriter<Syntax: WikiSyntax> {
    let syntax: Syntax
    let site: WikiSite

    func write(_ page: WikiSite.Page) -> String {
        var blocks = page.body.map { block($0, in: page, markers: []) }
        if syntax.keepsTitleHeading {
            blocks.insert(syntax.heading(level: 1, content: syntax.text(page.title), plain: page.title), at: 0)
        }
        return blocks.filter { !$0.isEmpty }.joined(separator: syntax.blockSeparator) + "\n"
    }

    private func block(_ block: MarkdownTree.Block, in page: WikiSite.Page, markers: [Bool]) -> String {
        switch block {
        case .heading(let level, _, let content):
            return syntax.heading(level: level, content: inlines(content, in: page), plain: HTMLFragment.collapse(MarkdownTree.plainText(content)))
        case .paragraph(let content):
            return syntax.paragraph(inlines(content, in: page))
        case .list(let ordered, _, let items):
            let nestedMarkers = markers + [ordered]
            let written = items.map { item -> (content: String, nested: [String]) in
                var parts: [String] = []
                var nested: [String] = []
                for inner in item.blocks {
                    if case .list = inner { nested.append(self.block(inner, in: page, markers: nestedMarkers)); continue }
                    parts.append(itemPart(inner, in: page))
                }
                var content = parts.joined(separator: syntax.lineBreak)
                if let checked = item.checked { content = syntax.text(checked ? "☑ " : "☐ ") + content }
                return (content, nested)
            }
            return syntax.list(markers: nestedMarkers, items: written)
        case .blockQuote(let inner):
            var warning = false
            if case .paragraph(let content)? = inner.first, case .text(let first)? = content.first {
                warning = ["[!WARNING]", "[!CAUTION]", "[!IMPORTANT]"].contains { first.hasPrefix($0) }
            }
            return syntax.panel(inner.map { self.block($0, in: page, markers: []) }, warning: warning)
        case .codeBlock(let language, let code):
            return syntax.codeBlock(language: language, code: code)
        case .html(let html):
            return syntax.paragraph(syntax.text(html.trimmingTrailingNewlines()))
        case .thematicBreak:
            return syntax.thematicBreak
        case .table(let header, let rows):
            return syntax.table(header: header.map { inlines($0, in: page) }, rows: rows.map { $0.map { inlines($0, in: page) } })
        }
    }

    /// A block inside a list item, where only inline markup fits on the item's line.
    private func itemPart(_ block: MarkdownTree.Block, in page: WikiSite.Page) -> String {
        switch block {
        case .paragraph(let content), .heading(_, _, let content): inlines(content, in: page)
        case .codeBlock(_, let code): syntax.code(code.trimmingTrailingNewlines())
        case .html(let html): syntax.text(html.trimmingTrailingNewlines())
        case .blockQuote(let inner): inner.map { itemPart($0, in: page) }.joined(separator: syntax.lineBreak)
        case .table(let header, let rows):
            ([header] + rows).map { $0.map { inlines($0, in: page) }.joined(separator: syntax.text(" · ")) }.joined(separator: syntax.lineBreak)
        case .list, .thematicBreak: ""
        }
    }

    private func inlines(_ content: [MarkdownTree.Inline], in page: WikiSite.Page) -> String {
        content.map { inline($0, in: page) }.joined()
    }

    private func inline(_ inline: MarkdownTree.Inline, in page: WikiSite.Page) -> String {
        switch inline {
        case .text(let text): return syntax.text(text)
        case .code(let code): return syntax.code(code)
        case .emphasis(let content): return syntax.emphasis(inlines(content, in: page))
        case .strong(let content): return syntax.strong(inlines(content, in: page))
        case .strikethrough(let content): return syntax.strikethrough(inlines(content, in: page))
        case .softBreak: return " "
        case .lineBreak: return syntax.lineBreak
        case .html(let html): return syntax.text(html)
        case .link(let destination, _, let content):
            let label = inlines(content, in: page)
            let plain = HTMLFragment.collapse(MarkdownTree.plainText(content))
            switch site.resolveLink(destination, from: page.file) {
            case .page(let target, let anchor): return syntax.pageLink(target, anchor: anchor, label: label, plainLabel: plain)
            case .external(let url): return syntax.externalLink(url, label: label, plainLabel: plain)
            case .none: return label
            }
        case .image(let source, _, let alt):
            let text = HTMLFragment.collapse(MarkdownTree.plainText(alt))
            guard let name = site.resolveImage(source, from: page.file) else { return syntax.text(text) }
            return syntax.image(name, alt: text)
        }
    }
}
