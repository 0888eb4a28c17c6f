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
        return text.utf8.withContiguousStorageIfAvailable(count(inUTF8:)) ?? countByCharacter(text[...])
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
