/// Finds GFM tables line by line, in one linear pass, and measures them as cmark-gfm will build
/// them: every row padded to the width of the delimiter row (`|---|:-:|`), so the cells of a
/// table are its columns times its rows, however short its rows are written.
///
/// It is not a Markdown parser: a table is a delimiter row (only `|`, `-`, `:` and blanks, each
/// cell holding a `-`, at least one `|`) and the non-blank lines after it. Where it errs (a
/// table shown inside a code block), it counts more cells, never fewer.
enum TableEstimator {
    struct Table: Equatable {
        /// 1-based line of the delimiter row.
        var line: Int
        var columns: Int
        var rows: Int
    }

    enum Excess: Equatable {
        case columns(Table)
        /// The table that brought the page's total over the limit, with that total.
        case cells(Table, total: Int)
    }

    static func firstExcess(in source: String, maxColumns: Int, maxCells: Int) -> Excess? {
        var source = source
        return source.withUTF8 { firstExcess(inBytes: $0, maxColumns: maxColumns, maxCells: maxCells) }
    }

    private static func firstExcess(inBytes all: UnsafeBufferPointer<UInt8>, maxColumns: Int, maxCells: Int) -> Excess? {
        var totalCells = 0
        var open: Table?
        func close(_ table: Table) -> Excess? {
            // The header row is a row too.
            totalCells += table.columns * (table.rows + 1)
            return totalCells > maxCells ? .cells(table, total: totalCells) : nil
        }
        for (lineNumber, line) in ByteLines(all) {
            if var table = open {
                if isBlank(line) {
                    open = nil
                    if let excess = close(table) { return excess }
                } else {
                    table.rows += 1
                    open = table
                    // Checked as rows arrive, so one endless table stops early as well.
                    if totalCells + table.columns * (table.rows + 1) > maxCells {
                        return .cells(table, total: totalCells + table.columns * (table.rows + 1))
                    }
                }
                continue
            }
            if let columns = delimiterRowColumns(line) {
                let table = Table(line: lineNumber, columns: columns, rows: 0)
                if columns > maxColumns { return .columns(table) }
                open = table
            }
        }
        if let table = open { return close(table) }
        return nil
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { isBlank($0) }
    }

    /// The number of cells when `line` is a delimiter row (after any block-quote markers), else nil.
    static func delimiterRowColumns(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < line.count, line[index] == UInt8(ascii: ">") || isBlank(line[index]) { index += 1 }
        var end = line.count
        while end > index, isBlank(line[end - 1]) { end -= 1 }
        guard index < end else { return nil }
        let trailingPipe = line[end - 1] == UInt8(ascii: "|")
        var pipes = 0
        var cellHasDash = false
        var cells = 0
        var sawDash = false
        for position in index..<end {
            switch line[position] {
            case UInt8(ascii: "|"):
                pipes += 1
                if position != index {
                    guard cellHasDash else { return nil }
                    cells += 1
                }
                cellHasDash = false
            case UInt8(ascii: "-"):
                cellHasDash = true
                sawDash = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                continue
            default:
                return nil
            }
        }
        guard pipes > 0, sawDash else { return nil }
        if !trailingPipe {
            guard cellHasDash else { return nil }
            cells += 1
        }
        return cells
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
