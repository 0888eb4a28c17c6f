import Foundation

/// DokuWiki markup: `====== headings ======`, `//emphasis//`, `^ header ^` tables,
/// `[[ns:page#section|label]]` links between pages, `{{ns:x.svg|alt}}` images. Pages live under
/// one namespace (`crossroads:pitfalls:no-training`), a section's index is its namespace's `start`.
struct DokuWikiSyntax: WikiSyntax {
    /// The root namespace, a DokuWiki id itself (`crossroads`).
    let namespace: String

    /// Sequences DokuWiki reads as markup anywhere in a line: formatting, links, media,
    /// footnotes, tags, table cells, forced line breaks, and the smileys and typography it
    /// replaces (`--` becomes a dash, `:-)` an image).
    private static let markupSequences = [
        "**", "//", "__", "''", "[[", "]]", "{{", "}}", "%%", "\\\\", "((", "))", "~~", "<", ">", "^", "|", "==", "--",
        "(c)", "(C)", "(tm)", "(TM)", "(r)", "(R)", "8-", ":-", ";-", "=)", ":?:", ":!:", "LOL", "FIXME", "DELETEME",
    ]

    /// `%%` around any text that holds markup (`<nowiki>` when the text itself holds `%%`).
    func text(_ text: String) -> String {
        guard Self.markupSequences.contains(where: { text.contains($0) }) || Self.hasDimensions(text) else { return text }
        return text.contains("%%") ? "<nowiki>" + text.replacingOccurrences(of: "</nowiki>", with: "</ nowiki>") + "</nowiki>" : "%%" + text + "%%"
    }

    /// `640x480`, which DokuWiki's typography turns into `640×480`.
    private static func hasDimensions(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.indices.dropFirst().dropLast().contains { index in
            characters[index] == "x" && characters[index - 1].isNumber && characters[index + 1].isNumber
        }
    }

    func code(_ code: String) -> String { "''" + text(code) + "''" }
    func emphasis(_ content: String) -> String { "//" + content + "//" }
    func strong(_ content: String) -> String { "**" + content + "**" }
    func strikethrough(_ content: String) -> String { "<del>" + content + "</del>" }
    var lineBreak: String { "\\\\ " }

    /// `pitfalls/no-training.md` -> `crossroads:pitfalls:no-training`; an `index.md` is its namespace's `start`.
    func pageID(_ page: WikiSite.Page) -> String {
        var parts = String(page.file.dropLast(page.file.hasSuffix(".md") ? 3 : 0)).split(separator: "/").map { Self.cleanID(String($0)) }
        if parts.last == "index" { parts[parts.count - 1] = "start" }
        return ([namespace] + parts).joined(separator: ":")
    }

    func mediaID(_ name: String) -> String { namespace + ":" + Self.cleanID(name) }

    func pageLink(_ page: WikiSite.Page, anchor: String?, label: String, plainLabel: String) -> String {
        "[[" + pageID(page) + (anchor.map { "#" + Self.sectionID($0) } ?? "") + "|" + Self.linkTitle(plainLabel) + "]]"
    }

    func externalLink(_ url: String, label: String, plainLabel: String) -> String {
        "[[" + url.replacingOccurrences(of: "|", with: "%7C").replacingOccurrences(of: "]", with: "%5D") + "|" + Self.linkTitle(plainLabel) + "]]"
    }

    func image(_ name: String, alt: String) -> String {
        "{{" + mediaID(name) + "?nolink&800|" + Self.linkTitle(alt).replacingOccurrences(of: "}}", with: "} }") + "}}"
    }

    /// DokuWiki shows a heading's text as written, without markup.
    func heading(level: Int, content: String, plain: String) -> String {
        let marks = String(repeating: "=", count: 7 - min(max(level, 1), 5))
        var text = plain
        while text.hasSuffix("=") { text.removeLast() }
        return marks + " " + text + " " + marks
    }

    func paragraph(_ content: String) -> String { content }

    func list(markers: [Bool], items: [(content: String, nested: [String])]) -> String {
        let prefix = String(repeating: "  ", count: markers.count) + ((markers.last ?? false) ? "-" : "*")
        return items.map { ([prefix + " " + $0.content] + $0.nested).joined(separator: "\n") }.joined(separator: "\n")
    }

    func table(header: [String], rows: [[String]]) -> String {
        let width = header.count
        func cells(_ row: [String]) -> [String] {
            (row + Array(repeating: "", count: max(0, width - row.count))).prefix(width).map { $0.isEmpty ? " " : $0 }
        }
        let head = "^ " + cells(header).joined(separator: " ^ ") + " ^"
        return ([head] + rows.map { "| " + cells($0).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    func codeBlock(language: String, code: String) -> String {
        let name = language.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } ? language : ""
        return "<code\(name.isEmpty ? "" : " " + name)>\n" + code.replacingOccurrences(of: "</code>", with: "</ code>").trimmingTrailingNewlines() + "\n</code>"
    }

    func panel(_ blocks: [String], warning: Bool) -> String {
        blocks.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }.map { "> " + $0 }.joined(separator: "\n")
    }

    var thematicBreak: String { "----" }
    var keepsTitleHeading: Bool { true }
    var blockSeparator: String { "\n\n" }

    /// A link's title is shown as written: only `]]` and `|` would end it.
    private static func linkTitle(_ text: String) -> String {
        text.replacingOccurrences(of: "]]", with: "] ]").replacingOccurrences(of: "|", with: "/")
    }

    /// DokuWiki's `cleanID` for the default settings: lower case without accents, every character but letters,
    /// digits, `_`, `-`, `.` and `:` becomes `_`, runs of `_` become one, `:._-` trimmed at the ends
    /// of the id and of each namespace.
    static func cleanID(_ text: String) -> String {
        var id = ""
        // DokuWiki's default `deaccent` setting turns accented letters into plain ones.
        for character in text.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
            let kept = character.isLetter || character.isNumber || "_-.:".contains(character)
            let next: Character = kept ? character : "_"
            if next == "_", id.last == "_" { continue }
            id.append(next)
        }
        // No separator right after or before a namespace colon either.
        let separators = CharacterSet(charactersIn: ":._-")
        var cleaned = ""
        for part in id.trimmingCharacters(in: separators).split(separator: ":", omittingEmptySubsequences: true) {
            if !cleaned.isEmpty { cleaned += ":" }
            cleaned += part.trimmingCharacters(in: separators)
        }
        return cleaned
    }

    /// DokuWiki's `sectionID`: the heading's id as its renderer makes it (without the number a
    /// repeated heading gets).
    static func sectionID(_ heading: String) -> String {
        let id = cleanID(heading).replacingOccurrences(of: ":", with: "").replacingOccurrences(of: ".", with: "")
        let trimmed = id.drop { $0.isNumber || $0 == "_" || $0 == "-" }
        return trimmed.isEmpty ? "section" + id.filter(\.isNumber) : String(trimmed)
    }
}
