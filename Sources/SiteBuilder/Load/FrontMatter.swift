import ByteText

/// Splits a page into its YAML front matter and its Markdown body.
///
/// A page starts with a line `---`, then YAML, then a closing line `---` (or `...`). A page
/// without an opening `---` has no front matter; an opening without a closing line is an error,
/// because silently treating the whole page as YAML or as Markdown would hide the mistake.
struct FrontMatter: Sendable, Equatable {
    var yaml: String
    var body: String
    /// Line of the file on which the body's first line stands (1-based).
    var bodyFirstLine: Int
    /// Line of the file on which the YAML's first line stands (1-based).
    var yamlFirstLine: Int

    enum SplitError: Error, Equatable {
        case unclosed(openingLine: Int)
    }

    static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        var source = Substring(text)
        if source.hasPrefix("\u{FEFF}") { source = source.dropFirst() }
        // Lines end at every "\n" byte, with a "\r" before it belonging to the line break
        // ("\r\n" is one Character, and no other Character holds either byte). Found by bytes
        // and sliced, rather than splitting the whole page into lines and joining them again.
        let utf8 = source.utf8
        var lineStart = utf8.startIndex
        var lineIndex = 0
        while true {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let line = utf8[lineStart..<(newline ?? utf8.endIndex)]
            if lineIndex == 0 {
                guard isLine(line, "---") else {
                    return .success(FrontMatter(yaml: "", body: String(source), bodyFirstLine: 1, yamlFirstLine: 1))
                }
            } else if isLine(line, "---") || isLine(line, "...") {
                let yaml = lineIndex == 1 ? "" : withLineFeeds(source[yamlStart(source)..<lineBreakStart(before: lineStart, in: source)])
                let body = newline.map { withLineFeeds(source[utf8.index(after: $0)...]) } ?? ""
                return .success(FrontMatter(yaml: yaml, body: body, bodyFirstLine: lineIndex + 2, yamlFirstLine: 2))
            }
            guard let newline else { return .failure(.unclosed(openingLine: 1)) }
            lineStart = utf8.index(after: newline)
            lineIndex += 1
        }
    }

    /// Whether a line (without its break) is `marker` followed only by spaces, tabs and "\r".
    private static func isLine(_ line: Substring.UTF8View.SubSequence, _ marker: StaticString) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let previous = line.index(before: end)
            let byte = line[previous]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
            end = previous
        }
        let markerBytes = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        return line[line.startIndex..<end].elementsEqual(markerBytes)
    }

    /// Start of the line after the opening `---` line.
    private static func yamlStart(_ source: Substring) -> String.Index {
        let utf8 = source.utf8
        guard let newline = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return utf8.endIndex }
        return utf8.index(after: newline)
    }

    /// Start of the line break ("\n" or "\r\n") that ends just before `lineStart`.
    private static func lineBreakStart(before lineStart: String.Index, in source: Substring) -> String.Index {
        let utf8 = source.utf8
        let newline = utf8.index(before: lineStart)
        guard newline > utf8.startIndex else { return newline }
        let previous = utf8.index(before: newline)
        return utf8[previous] == UInt8(ascii: "\r") ? previous : newline
    }

    /// The text with every "\r\n" written as "\n", as joining its lines with "\n" would.
    private static func withLineFeeds(_ text: Substring) -> String {
        guard ByteSearch.range(of: "\r", in: text) != nil else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingReturn = false
        for byte in text.utf8 {
            if pendingReturn && byte != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\r")) }
            pendingReturn = byte == UInt8(ascii: "\r")
            if !pendingReturn { bytes.append(byte) }
        }
        if pendingReturn { bytes.append(UInt8(ascii: "\r")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
