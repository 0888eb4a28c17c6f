/// The text a reader sees in the HTML a fenced-block renderer made (a chart's caption and data
/// table, a ladder, a comparison table, the band table), for search: tags dropped, block-level
/// elements and table cells on lines of their own, the five entities the renderers write (and
/// numeric ones) decoded. An `<svg>` is skipped whole: what it draws is repeated in HTML beside it
/// (a chart's caption and data table), and its text would only repeat that.
enum BlockText {
    static func visibleText(ofHTML html: String) -> String {
        var output = ""
        var rest = Substring(html)
        var skippingUntil: Substring?
        while let open = rest.firstIndex(of: "<") {
            if skippingUntil == nil { output += decodingEntities(rest[..<open]) }
            guard let close = rest[open...].firstIndex(of: ">") else { return output }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let isEnd = tag.hasPrefix("/")
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            if let skipped = skippingUntil {
                if isEnd && name == skipped { skippingUntil = nil }
                continue
            }
            if !isEnd && (name == "svg" || name == "script" || name == "style") && !tag.hasSuffix("/") {
                skippingUntil = Substring(name)
            } else if breaking.contains(name) {
                output += "\n"
            }
        }
        if skippingUntil == nil { output += decodingEntities(rest) }
        return output
    }

    /// Elements that start or end a line of their own on the page (or a cell of a table).
    private static let breaking: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "thead", "tbody", "caption",
        "figure", "figcaption", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "br", "blockquote",
    ]

    private static func decodingEntities(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var output = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            if let semicolon = rest[afterAmp...].prefix(12).firstIndex(of: ";"), let decoded = entity(rest[afterAmp..<semicolon]) {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output += "&"
                rest = rest[afterAmp...]
            }
        }
        return output + rest
    }

    private static func entity(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
