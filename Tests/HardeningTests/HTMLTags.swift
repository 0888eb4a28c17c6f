import Foundation
import TestSupport

/// A deliberately small tag scanner, enough to list the elements and attributes a browser would
/// see in generated HTML (text between tags, comments and script/style bodies are skipped).
struct HTMLTag {
    var name: String
    var attributes: [(name: String, value: String)]

    func value(of attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    static func scan(_ html: String) -> [HTMLTag] {
        let bytes = Array(html.utf8)
        var tags: [HTMLTag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func text(_ from: Int, _ to: Int) -> String { String(decoding: bytes[from..<to], as: UTF8.self) }
        func skipPast(_ marker: String, from start: Int) -> Int {
            let needle = Array(marker.utf8)
            var position = start
            while position + needle.count <= bytes.count {
                if Array(bytes[position..<position + needle.count]).map({ $0 | 0x20 }) == needle.map({ $0 | 0x20 }) { return position + needle.count }
                position += 1
            }
            return bytes.count
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if text(index, min(index + 4, bytes.count)) == "<!--" { index = skipPast("-->", from: index + 4); continue }
            guard index + 1 < bytes.count, isLetter(bytes[index + 1]) else { index += 1; continue }
            var position = index + 1
            let nameStart = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "/") { position += 1 }
            let name = text(nameStart, position).lowercased()
            var attributes: [(String, String)] = []
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1; continue }
                let attributeStart = position
                while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="), bytes[position] != UInt8(ascii: ">") { position += 1 }
                let attributeName = text(attributeStart, position).lowercased()
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                        let quote = bytes[position]
                        let valueStart = position + 1
                        position = valueStart
                        while position < bytes.count, bytes[position] != quote { position += 1 }
                        value = text(valueStart, position)
                        position += 1
                    } else {
                        let valueStart = position
                        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = text(valueStart, position)
                    }
                }
                if !attributeName.isEmpty { attributes.append((attributeName, HTMLEntities.decode(value))) }
            }
            tags.append(HTMLTag(name: name, attributes: attributes))
            index = position + 1
            // The bodies of raw-text elements are not markup.
            if name == "script" || name == "style" || name == "textarea" || name == "title" { index = skipPast("</\(name)", from: index) }
        }
        return tags
    }
}

/// Decodes the character references a URL attribute might use to hide `javascript:`.
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else { output += "&"; rest = after; continue }
            let entity = after[..<semicolon]
            var decoded: String?
            switch entity {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            case "colon": decoded = ":"
            case "Tab": decoded = "\t"
            case "NewLine": decoded = "\n"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                    decoded = String(Character(scalar))
                } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                    decoded = String(Character(scalar))
                }
            }
            if let decoded { output += decoded; rest = after[after.index(after: semicolon)...] } else { output += "&"; rest = after }
        }
        return output + rest
    }

    /// What a browser would take as the URL scheme: control characters and spaces are ignored.
    static func scheme(of url: String) -> String? {
        let cleaned = String(url.unicodeScalars.filter { $0.value > 0x20 })
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let candidate = cleaned[..<colon]
        guard !candidate.isEmpty, candidate.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return nil }
        return candidate.lowercased()
    }
}
