/// Cheap checks run before cmark sees a source, so that hostile or accidental inputs
/// (huge files, thousands of nested quotes or lists) fail with a clear error instead of
/// taking quadratic time or deep recursion inside the C parser.
struct InputBounds {
    let maxInputBytes: Int
    let maxNesting: Int
    let maxTableColumns: Int
    let maxTableCells: Int

    init(_ options: MarkdownOptions) {
        maxInputBytes = options.maxInputBytes
        maxNesting = options.maxNesting
        maxTableColumns = options.maxTableColumns
        maxTableCells = options.maxTableCells
    }

    func check(_ source: String) throws(MarkdownError) {
        let bytes = source.utf8
        if bytes.count > maxInputBytes {
            let line = Self.lineNumber(atByteOffset: maxInputBytes, in: bytes)
            throw MarkdownError(
                line: line,
                message: "the Markdown is \(bytes.count) bytes long, over the limit of \(maxInputBytes) bytes",
                limit: "file_bytes"
            )
        }
        if let deepest = NestingEstimator.firstLine(deeperThan: maxNesting, in: source) {
            throw MarkdownError(
                line: deepest.line,
                message: "block quotes and lists are nested \(deepest.depth) deep, over the limit of \(maxNesting)",
                limit: "markdown_nesting"
            )
        }
        switch TableEstimator.firstExcess(in: source, maxColumns: maxTableColumns, maxCells: maxTableCells) {
        case .columns(let table)?:
            throw MarkdownError(
                line: table.line,
                message: "this table has \(table.columns) columns, over the limit of \(maxTableColumns)",
                limit: "table_columns")
        case .cells(let table, let total)?:
            throw MarkdownError(
                line: table.line,
                message: "the tables of this page reach \(total) cells (columns times rows, short rows count in full) with this one, over the limit of \(maxTableCells)",
                limit: "table_cells")
        case nil:
            break
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
