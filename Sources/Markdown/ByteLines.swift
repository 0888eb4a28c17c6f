/// The lines of a UTF-8 buffer, read in place (no copies), numbered from 1. Text that ends with a
/// line feed has one more, empty, line after it, and empty text is one empty line: the input
/// bounds count lines as an editor shows them.
struct ByteLines: Sequence, IteratorProtocol {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineStart = 0
    private var lineNumber = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> (number: Int, line: UnsafeBufferPointer<UInt8>)? {
        guard lineStart <= bytes.count else { return nil }
        var lineEnd = lineStart
        while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        defer { lineStart = lineEnd + 1 }
        lineNumber += 1
        return (lineNumber, UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]))
    }
}
