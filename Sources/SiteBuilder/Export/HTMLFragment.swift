import Foundation

/// Reads the small, regular HTML the Blocks renderers produce (tables, the ladder, chart
/// figures) back into tags and text, so the Markdown export can turn the very same output into
/// GFM instead of re-implementing each block. Not a general HTML parser: it expects well-formed
/// markup without comments or scripts, which is what `BlockRenderers` writes.
struct HTMLFragment {
    enum Token: Equatable {
        case open(name: String, attributes: [String: String])
        case close(name: String)
        case text(String)
    }

    var tokens: [Token]

    init(_ html: String) {
        var tokens: [Token] = []
        var rest = html[...]
        while !rest.isEmpty {
            if rest.first == "<", let end = rest.firstIndex(of: ">") {
                let inside = rest[rest.index(after: rest.startIndex)..<end]
                if inside.hasPrefix("/") {
                    tokens.append(.close(name: inside.dropFirst().trimmingCharacters(in: .whitespaces).lowercased()))
                } else {
                    let (name, attributes) = Self.parseTag(inside)
                    tokens.append(.open(name: name, attributes: attributes))
                }
                rest = rest[rest.index(after: end)...]
            } else {
                let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                tokens.append(.text(Self.decodeEntities(String(rest[..<end]))))
                rest = rest[end...]
            }
        }
        self.tokens = tokens
    }

    /// The text inside the first element whose opening tag matches, starting at `from`;
    /// returns the text (whitespace collapsed) and the index after its closing tag.
    func text(from start: Int, until closing: String) -> (text: String, next: Int) {
        var depth = 0
        var pieces: [String] = []
        var index = start
        while index < tokens.count {
            switch tokens[index] {
            case .open(let name, _) where name == closing: depth += 1
            case .close(let name) where name == closing:
                depth -= 1
                if depth <= 0 { return (Self.collapse(pieces.joined()), index + 1) }
            case .text(let text): pieces.append(text)
            default: break
            }
            index += 1
        }
        return (Self.collapse(pieces.joined()), index)
    }

    /// The text of every element `pick` names a part for (from the element's name and class
    /// attribute), in document order; the inside of a picked element is not searched further.
    func texts<Part>(_ pick: (_ name: String, _ classes: String) -> Part?) -> [(part: Part, text: String)] {
        var found: [(part: Part, text: String)] = []
        var index = 0
        while index < tokens.count {
            guard case .open(let name, let attributes) = tokens[index], let part = pick(name, attributes["class"] ?? "") else {
                index += 1
                continue
            }
            let (text, next) = text(from: index, until: name)
            found.append((part, text))
            index = next
        }
        return found
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func parseTag(_ inside: Substring) -> (String, [String: String]) {
        var body = inside
        if body.hasSuffix("/") { body = body.dropLast() }
        let nameEnd = body.firstIndex(where: \.isWhitespace) ?? body.endIndex
        let name = body[..<nameEnd].lowercased()
        var attributes: [String: String] = [:]
        var rest = body[nameEnd...]
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces)
            var valueStart = rest.index(after: equals)
            guard valueStart < rest.endIndex, rest[valueStart] == "\"" else { break }
            valueStart = rest.index(after: valueStart)
            guard let valueEnd = rest[valueStart...].firstIndex(of: "\"") else { break }
            // A bare attribute before this one (`reversed`) is kept as the key's first word's prefix; drop it.
            let keyName = key.split(separator: " ").last.map(String.init) ?? key
            attributes[keyName.lowercased()] = decodeEntities(String(rest[valueStart..<valueEnd]))
            rest = rest[rest.index(after: valueEnd)...]
        }
        return (name, attributes)
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
