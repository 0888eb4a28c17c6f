import Blocks

/// Confluence's storage format (XHTML with `ac:` and `ri:` elements): `<ac:link>` to pages by
/// title, `info`/`note` macros as panels, `<ac:image>` of the page's attachments, a `code` macro.
struct ConfluenceSyntax: WikiSyntax {
    static let namespaces = [
        "ac": "http://atlassian.com/content",
        "ri": "http://atlassian.com/resource/identifier",
    ]

    func text(_ text: String) -> String { escapeHTML(text) }
    func code(_ code: String) -> String { "<code>" + escapeHTML(code) + "</code>" }
    func emphasis(_ content: String) -> String { "<em>" + content + "</em>" }
    func strong(_ content: String) -> String { "<strong>" + content + "</strong>" }
    func strikethrough(_ content: String) -> String { "<del>" + content + "</del>" }
    var lineBreak: String { "<br/>" }

    func pageLink(_ page: WikiSite.Page, anchor: String?, label: String, plainLabel: String) -> String {
        "<ac:link" + (anchor.map { " ac:anchor=\"" + escapeHTML($0) + "\"" } ?? "") + ">"
            + "<ri:page ri:content-title=\"" + escapeHTML(page.title) + "\"/>"
            + "<ac:link-body>" + label + "</ac:link-body></ac:link>"
    }

    func externalLink(_ url: String, label: String, plainLabel: String) -> String {
        "<a href=\"" + escapeHTML(url) + "\">" + label + "</a>"
    }

    func image(_ name: String, alt: String) -> String {
        "<ac:image ac:alt=\"" + escapeHTML(alt) + "\"><ri:attachment ri:filename=\"" + escapeHTML(name) + "\"/></ac:image>"
    }

    func heading(level: Int, content: String, plain: String) -> String {
        let tag = "h\(min(max(level, 1), 6))"
        return "<\(tag)>" + content + "</\(tag)>"
    }

    func paragraph(_ content: String) -> String { "<p>" + content + "</p>" }

    func list(markers: [Bool], items: [(content: String, nested: [String])]) -> String {
        let tag = (markers.last ?? false) ? "ol" : "ul"
        return "<\(tag)>" + items.map { "<li>" + $0.content + $0.nested.joined() + "</li>" }.joined() + "</\(tag)>"
    }

    func table(header: [String], rows: [[String]]) -> String {
        let head = "<tr>" + header.map { "<th>" + $0 + "</th>" }.joined() + "</tr>"
        let body = rows.map { row in "<tr>" + row.map { "<td>" + $0 + "</td>" }.joined() + "</tr>" }.joined()
        return "<table><tbody>" + head + body + "</tbody></table>"
    }

    func codeBlock(language: String, code: String) -> String {
        var macro = "<ac:structured-macro ac:name=\"code\">"
        if !language.isEmpty { macro += "<ac:parameter ac:name=\"language\">" + escapeHTML(language) + "</ac:parameter>" }
        // A CDATA section cannot hold `]]>`: it is split across two.
        let body = code.trimmingTrailingNewlines().replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
        return macro + "<ac:plain-text-body><![CDATA[" + body + "]]></ac:plain-text-body></ac:structured-macro>"
    }

    func panel(_ blocks: [String], warning: Bool) -> String {
        "<ac:structured-macro ac:name=\"\(warning ? "note" : "info")\"><ac:rich-text-body>" + blocks.joined() + "</ac:rich-text-body></ac:structured-macro>"
    }

    var thematicBreak: String { "<hr/>" }
    var keepsTitleHeading: Bool { false }
    var blockSeparator: String { "\n" }
}
