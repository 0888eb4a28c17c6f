import ByteText

/// Counts words for reading time: whitespace-separated runs holding at least one letter or
/// digit, so stray punctuation such as a spaced dash is not a word.
///
/// Most text is ASCII, so it is read as bytes: an ASCII whitespace byte between two ASCII bytes
/// is always a whole `Character` of its own, so it splits the text exactly where the
/// `Character` reading would. Only runs holding non-ASCII bytes are read as `Character`s.
enum WordCounter {
    static func count(in text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable(countSplittingASCII) ?? countByCharacter(text[...])
    }

    /// `count(inUTF8:)`, with the ASCII stretches between runs that hold non-ASCII bytes counted by
    /// `countASCII`: prose is nearly all ASCII, and there no neighbour check or run decoding is
    /// needed. The text is cut only at whitespace
    /// bytes that split it in `count(inUTF8:)` too, so the counts of the pieces add up.
    private static func countSplittingASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var start = 0
        while let nonASCII = ByteWord.firstNonASCII(in: bytes, from: start) {
            let runStart = afterSplit(before: nonASCII, in: bytes, from: start)
            let runEnd = split(after: nonASCII, in: bytes)
            words += countASCII(UnsafeBufferPointer(rebasing: bytes[start..<runStart]))
                + count(inUTF8: UnsafeBufferPointer(rebasing: bytes[runStart..<runEnd]))
            start = runEnd
        }
        return words + countASCII(UnsafeBufferPointer(rebasing: bytes[start...]))
    }

    /// Where the run holding `nonASCII`, the first non-ASCII byte from `start` on, starts: just
    /// after the last splitting whitespace byte before it, or else `start` (the start of the text
    /// or a splitting byte).
    private static func afterSplit(before nonASCII: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        // Every byte from `start` to `nonASCII` is ASCII, so any whitespace byte but the last one splits.
        var index = nonASCII - 2
        while index >= start {
            if isASCIIWhitespace(bytes[index]) { return index + 1 }
            index -= 1
        }
        return start
    }

    /// Where the run holding `nonASCII` ends: the first splitting whitespace byte after it, or the
    /// end of the text.
    private static func split(after nonASCII: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = nonASCII + 1
        while index < bytes.count {
            if isASCIIWhitespace(bytes[index]) && bytes[index - 1] < 0x80 && (index + 1 == bytes.count || bytes[index + 1] < 0x80) {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    /// `count(inUTF8:)` for ASCII text, where every whitespace byte splits. Without branches on
    /// the byte: where words end in prose is too irregular for the branch predictor, whose misses
    /// cost more than everything else in the loop.
    private static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        asciiClasses.withUnsafeBufferPointer { classes in
            var words = 0
            var runHasAlphanumeric = 0
            for byte in bytes {
                let byteClass = Int(classes[Int(byte)])
                // Whitespace, the only odd class, ends a run: a word if the run held a letter or digit.
                words += runHasAlphanumeric & byteClass
                // Whitespace clears the flag, a letter or digit sets it, any other byte keeps it.
                runHasAlphanumeric = byteClass == 0 ? runHasAlphanumeric : byteClass >> 1
            }
            return words + runHasAlphanumeric
        }
    }

    /// For each byte value: 1 for whitespace, 2 for a letter or digit, 0 for any other byte.
    private static let asciiClasses: [UInt8] = (UInt8.min...UInt8.max).map { byte in
        isASCIIWhitespace(byte) ? 1 : isASCIIAlphanumeric(byte) ? 2 : 0
    }

    private static func count(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var runStart = 0
        var runIsASCII = true
        var runHasAlphanumeric = false
        var index = 0
        while index <= bytes.count {
            let atEnd = index == bytes.count
            let byte: UInt8 = atEnd ? 0 : bytes[index]
            if !atEnd && byte >= 0x80 {
                runIsASCII = false
            } else if atEnd || (isASCIIWhitespace(byte) && (index == 0 || bytes[index - 1] < 0x80)
                                && (index + 1 == bytes.count || bytes[index + 1] < 0x80)) {
                if runStart < index {
                    if runIsASCII {
                        if runHasAlphanumeric { words += 1 }
                    } else {
                        let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                        words += countByCharacter(String(decoding: run, as: UTF8.self)[...])
                    }
                }
                runStart = index + 1
                runIsASCII = true
                runHasAlphanumeric = false
            } else if isASCIIAlphanumeric(byte) {
                runHasAlphanumeric = true
            }
            index += 1
        }
        return words
    }

    private static func countByCharacter(_ text: Substring) -> Int {
        text.split(whereSeparator: { $0.isWhitespace })
            .count { word in word.contains { $0.isLetter || $0.isNumber } }
    }

    /// Tab, line feed, vertical tab, form feed, carriage return, space: ASCII's `isWhitespace`.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
