/// Estimates, line by line and in one linear pass, how deeply block quotes and lists nest.
///
/// It is not a Markdown parser: it counts `>` markers and list markers at the start of a
/// line, and keeps a stack of the columns where earlier list markers started so that
/// indentation-based nesting is counted too. Lines inside fenced code are skipped, so
/// deeply indented code or YAML in a fence is not mistaken for nesting. Lazy continuation
/// lines can only make the estimate smaller, never larger.
enum NestingEstimator {
    struct Depth: Equatable {
        var line: Int
        var depth: Int
    }

    static func firstLine(deeperThan limit: Int, in source: String) -> Depth? {
        var source = source
        // Lines are read in place from the string's bytes, without an array of copied lines: this
        // runs on every page.
        return source.withUTF8 { firstLine(deeperThan: limit, inBytes: $0) }
    }

    private static func firstLine(deeperThan limit: Int, inBytes all: UnsafeBufferPointer<UInt8>) -> Depth? {
        var listColumns: [Int] = []
        var openFence: (marker: UInt8, length: Int)?
        for (lineNumber, line) in ByteLines(all) {
            let prefix = ContainerPrefix(line)
            if let fence = openFence {
                if prefix.fence.map({ $0.marker == fence.marker && $0.length >= fence.length }) == true {
                    openFence = nil
                }
                continue
            }
            if prefix.isBlank { continue }
            if let listColumn = prefix.firstListMarkerColumn {
                while let last = listColumns.last, last >= listColumn { listColumns.removeLast() }
                listColumns.append(listColumn)
            } else {
                while let last = listColumns.last, last >= prefix.contentColumn { listColumns.removeLast() }
            }
            let sameLineMarkers = max(prefix.listMarkers - 1, 0)
            let depth = prefix.quoteMarkers + listColumns.count + sameLineMarkers
            if depth > limit {
                return Depth(line: lineNumber, depth: depth)
            }
            openFence = prefix.fence
        }
        return nil
    }
}

/// The container markers (`>` and list bullets or numbers) at the start of one line.
private struct ContainerPrefix {
    var quoteMarkers = 0
    var listMarkers = 0
    var firstListMarkerColumn: Int?
    /// Column of the first character that is not part of a container marker.
    var contentColumn = 0
    var isBlank = true
    var fence: (marker: UInt8, length: Int)?

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        var column = 0
        scanning: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "):
                column += 1
                index += 1
            case UInt8(ascii: "\t"):
                column += 4 - column % 4
                index += 1
            case UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: ">"):
                quoteMarkers += 1
                column += 1
                index += 1
            default:
                guard let markerLength = Self.listMarkerLength(in: bytes, at: index) else { break scanning }
                if firstListMarkerColumn == nil { firstListMarkerColumn = column }
                listMarkers += 1
                column += markerLength
                index += markerLength
            }
        }
        contentColumn = column
        // A line of bare markers (`> > >`) still nests, so only a line with neither markers
        // nor content counts as blank.
        isBlank = index >= bytes.count && quoteMarkers == 0 && listMarkers == 0
        fence = Self.fence(in: bytes, at: index)
    }

    /// Length of a bullet (`-`, `*`, `+`) or ordered marker (`12.` / `12)`) followed by a space
    /// or tab at `index`, or nil when there is none. The trailing blank is not included.
    private static func listMarkerLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        func isBlank(_ position: Int) -> Bool {
            position < bytes.count && (bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t"))
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
            return isBlank(index + 1) ? 1 : nil
        }
        var end = index
        while end < bytes.count, end - index < 9, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") {
            end += 1
        }
        guard end > index, end < bytes.count,
              bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ")"),
              isBlank(end + 1)
        else { return nil }
        return end - index + 1
    }

    private static func fence(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (marker: UInt8, length: Int)? {
        guard index < bytes.count else { return nil }
        let marker = bytes[index]
        guard marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else { return nil }
        var end = index
        while end < bytes.count, bytes[end] == marker { end += 1 }
        let length = end - index
        return length >= 3 ? (marker, length) : nil
    }
}
