import ByteText

/// Expands `{{scoring.band.mastery.min}}`-style placeholders in Markdown before it is parsed, so
/// every number quoted in prose comes from the scoring module. `\{{` stays a literal `{{`.
enum Placeholders {
    struct Unknown: Error, Equatable, Sendable {
        var name: String
        /// 1-based line within the text that was expanded.
        var line: Int
    }

    static func expand(_ text: String, values: [String: String]) -> (text: String, unknown: [Unknown]) {
        // By bytes: Foundation's `contains` converts the whole page to UTF-16 first.
        guard ByteSearch.range(of: "{{", in: text[...]) != nil else { return (text, []) }
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var unknown: [Unknown] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\\", text[index...].hasPrefix("\\{{") {
                output += "{{"
                index = text.index(index, offsetBy: 3)
                continue
            }
            if character == "{", text[index...].hasPrefix("{{"),
               let close = text[index...].range(of: "}}"),
               !text[index..<close.lowerBound].contains(where: \.isNewline) {
                let name = text[text.index(index, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let value = values[name] {
                    output += value
                } else {
                    unknown.append(Unknown(name: name, line: line))
                    output += text[index..<close.upperBound]
                }
                index = close.upperBound
                continue
            }
            // "\r\n" is one Character, so test for it too, or Windows files count lines wrong.
            if character == "\n" || character == "\r\n" { line += 1 }
            output.append(character)
            index = text.index(after: index)
        }
        return (output, unknown)
    }
}
