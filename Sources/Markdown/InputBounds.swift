/// Cheap checks run before cmark sees a source, so that hostile or accidental inputs
/// (huge files, thousands of nested quotes or lists) fail with a clear error instead of
/// taking quadratic time or deep recursion inside the C parser.
struct InputBounds {
    let maxInputBytes: Int
    let maxNesting: Int

    func check(_ source: String) throws(MarkdownError) {
        let bytes = source.utf8
        if bytes.count > maxInputBytes {
            let line = Self.lineNumber(atByteOffset: maxInputBytes, in: bytes)
            throw MarkdownError(
                line: line,
                message: "the Markdown is \(bytes.count) bytes long, over the limit of \(maxInputBytes) bytes"
            )
        }
        if let deepest = NestingEstimator.firstLine(deeperThan: maxNesting, in: source) {
            throw MarkdownError(
                line: deepest.line,
                message: "block quotes and lists are nested \(deepest.depth) deep, over the limit of \(maxNesting)"
            )
        }
    }

    private static func lineNumber(atByteOffset offset: Int, in bytes: String.UTF8View) -> Int {
        var line = 1
        for byte in bytes.prefix(offset) where byte == UInt8(ascii: "\n") {
            line += 1
        }
        return line
    }
}
