extension SearchIndex {
    /// A page's search text: its first `limit` characters with runs of whitespace folded to one
    /// space and none at either end; a line break after a heading or list item that ends without
    /// punctuation becomes " · ", so snippets do not run one block into the next. Only the first
    /// `limit + 64` characters are collapsed before the cut, not whole pages. `FastPathTests` keeps
    /// this definition, written `Character` by `Character`, and compares. Prose with typographic
    /// quotes (which smart punctuation makes of every `'` and `"`) is not ASCII, and reading all of
    /// it as `Character`s is slow.
    ///
    /// Two ASCII bytes in a row are always two characters (grapheme clusters), apart from "\r\n",
    /// so ASCII stretches are read as bytes; each stretch holding other bytes, from the ASCII byte
    /// before it to the next pair of ASCII bytes, is read as `Character`s, with the same rules.
    static func searchText(_ text: String, limit: Int) -> String {
        if let ascii = collapsedASCII(text, limit: limit) { return ascii }
        var collapser = Collapser(limit: limit + 64)
        var text = text
        text.withUTF8 { bytes in
            Segments.forEach(in: bytes, until: { collapser.isFull }) { segment in
                switch segment {
                case .ascii(let byte): collapser.add(asciiByte: byte)
                case .characters(let characters): collapser.add(characters)
                }
            }
        }
        var collapsed = String(decoding: collapser.output, as: UTF8.self)
        return collapsed.withUTF8 { bytes in
            // A character is at least one byte, so a short text is its own prefix.
            guard bytes.count > limit else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<Segments.byteCount(ofFirst: limit, in: bytes)]), as: UTF8.self)
        } ?? collapsed
    }

    /// The folding, as a state machine fed bytes and characters.
    private struct Collapser {
        let limit: Int
        var output: [UInt8] = []
        var count = 0
        var pendingSpace = false
        var pendingBreak = false
        var lastEndsSentence = false

        init(limit: Int) {
            self.limit = limit
            output.reserveCapacity(limit + 64)
        }

        var isFull: Bool { count >= limit }

        mutating func add(asciiByte byte: UInt8) {
            switch byte {
            case 0x0A...0x0D: addWhitespace(isNewline: true)
            case 0x09, 0x20: addWhitespace(isNewline: false)
            default: addVisible(CollectionOfOne(byte), endsSentence: SearchIndex.endsSentence(byte))
            }
        }

        mutating func add(_ characters: Substring) {
            for character in characters {
                if isFull { return }
                if character.isWhitespace {
                    addWhitespace(isNewline: character.isNewline)
                } else {
                    addVisible(character.utf8, endsSentence: ".!?:;,·".contains(character))
                }
            }
        }

        private mutating func addWhitespace(isNewline: Bool) {
            pendingSpace = count > 0
            if isNewline { pendingBreak = count > 0 }
        }

        private mutating func addVisible(_ bytes: some Collection<UInt8>, endsSentence: Bool) {
            if pendingSpace {
                if pendingBreak && !lastEndsSentence {
                    output.append(contentsOf: [0x20, 0xC2, 0xB7, 0x20])
                    count += 3
                } else {
                    output.append(0x20)
                    count += 1
                }
                pendingSpace = false
                pendingBreak = false
            }
            output.append(contentsOf: bytes)
            lastEndsSentence = endsSentence
            count += 1
        }
    }

    /// UTF-8 text cut where a character (grapheme cluster) surely ends: between two ASCII bytes
    /// other than "\r\n", and at both ends of the text.
    private enum Segments {
        enum Segment {
            /// A byte that is a character on its own (or the "\r" or "\n" of "\r\n", which
            /// fold alike).
            case ascii(UInt8)
            case characters(Substring)
        }

        static func forEach(in bytes: UnsafeBufferPointer<UInt8>, until isDone: () -> Bool, _ body: (Segment) -> Void) {
            var index = 0
            while index < bytes.count, !isDone() {
                if isLoneASCII(at: index, in: bytes) {
                    body(.ascii(bytes[index]))
                    index += 1
                } else {
                    let end = endOfMixedRun(from: index, in: bytes)
                    body(.characters(Substring(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)))
                    index = end
                }
            }
        }

        /// How many bytes the first `count` characters take.
        static func byteCount(ofFirst count: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var index = 0
            var characters = 0
            while index < bytes.count, characters < count {
                if isLoneASCII(at: index, in: bytes) {
                    let isCRLF = bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                    index += isCRLF ? 2 : 1
                    characters += 1
                } else {
                    let end = endOfMixedRun(from: index, in: bytes)
                    for character in Substring(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) {
                        if characters == count { return index }
                        index += character.utf8.count
                        characters += 1
                    }
                }
            }
            return index
        }

        /// An ASCII byte followed by another ASCII byte or the end: a character of its own.
        private static func isLoneASCII(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes[index] < 0x80 && (index + 1 == bytes.count || bytes[index + 1] < 0x80)
        }

        /// From `start` (an ASCII byte before a non-ASCII one, or the text's first byte) to just
        /// before the next pair of ASCII bytes, keeping "\r\n" whole.
        private static func endOfMixedRun(from start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var end = start + 1
            while end < bytes.count, !(bytes[end - 1] < 0x80 && bytes[end] < 0x80) { end += 1 }
            if end < bytes.count, bytes[end - 1] == 0x0D, bytes[end] == 0x0A { end += 1 }
            return end
        }
    }
}
