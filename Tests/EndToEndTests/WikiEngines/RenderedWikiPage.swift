import Foundation

/// A page as a wiki engine served it: the article part of the HTML (without the skin's menus
/// and footers) and what the checks read from it.
struct RenderedWikiPage {
    let name: String
    /// The article's HTML.
    let content: String

    /// Cuts the article out of `html`, from the end of `start` to the beginning of `end`.
    init(name: String, html: String, start: String, end: String) throws {
        guard let from = html.range(of: start), let to = html.range(of: end, range: from.upperBound..<html.endIndex) else {
            throw SupportError("\(name): the served page has no article between \(start) and \(end):\n\(html.prefix(2000))")
        }
        self.name = name
        content = String(html[from.upperBound..<to.lowerBound])
    }

    /// Every opening tag `<name ...>` in the article.
    func tags(_ tag: String) -> [String] {
        var found: [String] = []
        var rest = content[...]
        while let start = rest.range(of: "<" + tag, options: .caseInsensitive) {
            let after = rest[start.upperBound...]
            guard let next = after.first, next == " " || next == ">" || next == "\n" || next == "/",
                  let end = after.firstIndex(of: ">") else {
                rest = after
                continue
            }
            found.append(String(rest[start.lowerBound...end]))
            rest = rest[rest.index(after: end)...]
        }
        return found
    }

    /// The value of `attribute` in one opening tag, entities decoded.
    static func attribute(_ attribute: String, of tag: String) -> String? {
        guard let start = tag.range(of: " " + attribute + "=\"") else { return nil }
        guard let end = tag[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return decodeEntities(String(tag[start.upperBound..<end]))
    }

    /// The classes of one opening tag.
    static func classes(of tag: String) -> Set<String> {
        Set((attribute("class", of: tag) ?? "").split(separator: " ").map(String.init))
    }

    /// The opening tags of the article's headings (`<h1>`..`<h6>`).
    var headings: [String] { (1...6).flatMap { tags("h\($0)") } }

    var tableCount: Int { tags("table").count }

    /// Each table row's cells as plain text.
    var tableRows: [[String]] {
        content.components(separatedBy: "<tr").dropFirst().map { row in
            let body = row.components(separatedBy: "</tr>").first ?? row
            return body.components(separatedBy: "<t").dropFirst()
                .filter { cell in ["d>", "d ", "h>", "h "].contains { cell.hasPrefix($0) } }
                .map { Self.plainText("<t" + $0) }
        }
    }

    /// The article as text, tags removed, entities decoded, white space collapsed.
    var text: String { Self.plainText(content) }

    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; text.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { text.append(character) }
        }
        return decodeEntities(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#039;", "'"), ("&#39;", "'"), ("&nbsp;", "\u{a0}"), ("&#160;", "\u{a0}")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        // Numeric references (MediaWiki writes some punctuation as &#91; etc.).
        while let range = result.range(of: #"&#x?[0-9a-fA-F]+;"#, options: .regularExpression) {
            let body = result[range].dropFirst(2).dropLast()
            let value = body.hasPrefix("x") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            result.replaceSubrange(range, with: value.flatMap { Unicode.Scalar($0) }.map { String(Character($0)) } ?? "?")
        }
        return result.replacingOccurrences(of: "&amp;", with: "&")
    }
}
