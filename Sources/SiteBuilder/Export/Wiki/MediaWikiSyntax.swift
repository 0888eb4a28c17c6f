import Blocks

/// MediaWiki wikitext: `== headings ==`, `''emphasis''`, `{| class="wikitable"` tables,
/// `[[Title#Heading|label]]` links between pages, `[[File:x.svg]]` images.
struct MediaWikiSyntax: WikiSyntax {
    /// Character sequences that start markup anywhere in a line: links, templates, tables' cell
    /// separators, bold and italics, signatures, behaviour switches (`__TOC__`), magic links.
    private static let markupSequences = ["[", "]", "{", "}", "|", "''", "~~~", "__", "!!", "ISBN ", "RFC ", "PMID "]
    /// Characters that start markup at the start of a line (lists, definitions, indents, headings,
    /// rules, preformatted text, tables).
    private static let lineStarts: Set<Character> = ["*", "#", ":", ";", "=", "-", " ", "!", "{", "|"]

    /// Entities for `&`, `<` and `>` (MediaWiki reads them inside and outside `<nowiki>`), and
    /// `<nowiki>` around any text that holds markup.
    func text(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        let escaped = Self.entities(text)
        // A lone apostrophe next to `''` markup would make three or more.
        let needsNowiki = Self.markupSequences.contains { text.contains($0) } || text.hasPrefix("'") || text.hasSuffix("'")
        return needsNowiki ? "<nowiki>" + escaped + "</nowiki>" : escaped
    }

    static func entities(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    func code(_ code: String) -> String { "<code><nowiki>" + Self.entities(code) + "</nowiki></code>" }
    func emphasis(_ content: String) -> String { "''" + content + "''" }
    func strong(_ content: String) -> String { "'''" + content + "'''" }
    func strikethrough(_ content: String) -> String { "<s>" + content + "</s>" }
    var lineBreak: String { "<br />" }

    func pageLink(_ page: WikiSite.Page, anchor: String?, label: String, plainLabel: String) -> String {
        "[[" + page.title + (anchor.map { "#" + Self.linkPart($0) } ?? "") + "|" + label + "]]"
    }

    func externalLink(_ url: String, label: String, plainLabel: String) -> String {
        "[" + Self.urlPart(url) + " " + label + "]"
    }

    func image(_ name: String, alt: String) -> String {
        "[[File:" + name + "|frameless|upright=2|alt=" + Self.linkPart(alt) + "|" + Self.linkPart(alt) + "]]"
    }

    func heading(level: Int, content: String, plain: String) -> String {
        let marks = String(repeating: "=", count: min(max(level, 1), 6))
        // A heading's text ending in `=` would be read as part of the closing marks.
        return marks + " " + content + (content.hasSuffix("=") ? "<nowiki/>" : "") + " " + marks
    }

    /// Text that would start a list, an indent or a table at the start of the line is cut off from
    /// the line's start by an empty `<nowiki/>`.
    func paragraph(_ content: String) -> String {
        content.first.map(Self.lineStarts.contains) == true ? "<nowiki/>" + content : content
    }

    func list(markers: [Bool], items: [(content: String, nested: [String])]) -> String {
        let prefix = markers.map { $0 ? "#" : "*" }.joined()
        return items.map { item in
            ([prefix + " " + item.content] + item.nested).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    func table(header: [String], rows: [[String]]) -> String {
        var lines = ["{| class=\"wikitable\""]
        lines += header.map { "! " + $0 }
        for row in rows {
            lines.append("|-")
            lines += (row + Array(repeating: "", count: max(0, header.count - row.count))).map { "| " + $0 }
        }
        lines.append("|}")
        return lines.joined(separator: "\n")
    }

    func codeBlock(language: String, code: String) -> String {
        "<pre>" + Self.entities(code.trimmingTrailingNewlines()) + "</pre>"
    }

    func panel(_ blocks: [String], warning: Bool) -> String {
        "<blockquote>\n" + blocks.joined(separator: "\n\n") + "\n</blockquote>"
    }

    var thematicBreak: String { "----" }
    var keepsTitleHeading: Bool { false }
    var blockSeparator: String { "\n\n" }

    /// Text inside `[[...]]`, where `|`, `[`, `]` and `{`, `}` would end or change the link.
    private static func linkPart(_ text: String) -> String {
        entities(String(text.map { "|[]{}".contains($0) ? " " : $0 }))
    }

    /// A URL inside `[...]`: a space or `]` would end it.
    private static func urlPart(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "]", with: "%5D")
            .replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "'", with: "%27")
    }
}
