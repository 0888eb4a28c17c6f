/// Writing plain text into GFM so that it reads back as the same text.
enum GFMText {
    /// Backslash-escapes the ASCII punctuation that could start Markdown syntax (CommonMark lets
    /// any ASCII punctuation be escaped), so table cells and list items stay literal text.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>|#&~".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A GFM table; every row is padded or cut to the header's width.
    static func table(header: [String], rows: [[String]], alignRight: Set<Int> = []) -> String {
        let width = header.count
        func line(_ cells: [String]) -> String {
            let padded = (cells + Array(repeating: "", count: max(0, width - cells.count))).prefix(width)
            return "| " + padded.map(escape).joined(separator: " | ") + " |"
        }
        let separator = "|" + (0..<width).map { alignRight.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|"
        return ([line(header), separator] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
