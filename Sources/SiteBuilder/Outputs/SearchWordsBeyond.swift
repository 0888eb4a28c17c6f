extension SearchIndex {
    /// The words of a page that its search text (the first `maxTextCharacters` characters, kept
    /// for snippets) cut off, each once, lowercased, space-separated: so a word a reader sees at
    /// the end of a long page, or in a table below a long introduction, is still found. Empty
    /// when nothing was cut, which is all a page shorter than the limit costs.
    ///
    /// The cut is found from below: the collapsed text's non-space bytes all come from `text` in
    /// order, so the cut lies at least that many bytes into `text`; reading from there (back to the
    /// start of its word) may repeat a few words of the shown text, never skips one. Bytes of
    /// non-ASCII characters count as word bytes, so a word is never split inside a character; the
    /// search script splits what it reads into its own words again.
    static func wordsBeyond(_ text: String, shown: String, limit: Int = maxTextCharacters) -> String {
        // Bytes first: a character is at least one, and counting characters takes longer.
        guard shown.utf8.count >= limit, shown.count >= limit else { return "" }
        var visible = 0
        for byte in shown.utf8 where byte != UInt8(ascii: " ") {
            // "·" (C2 B7) may be one the folding put in, with no byte of `text` behind it.
            visible += byte == 0xB7 ? -1 : 1
        }
        var text = text
        return text.withUTF8 { bytes -> String in
            var start = min(max(visible, 0), bytes.count)
            while start > 0 && isWordByte(bytes[start - 1]) { start -= 1 }
            var seen = Set<WordBytes>()
            var out: [UInt8] = []
            var word: [UInt8] = []
            func finishWord() {
                guard !word.isEmpty else { return }
                if seen.insert(WordBytes(bytes: word)).inserted {
                    if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                    out.append(contentsOf: word)
                }
                word.removeAll(keepingCapacity: true)
            }
            for index in start..<bytes.count {
                let byte = bytes[index]
                if isWordByte(byte) {
                    word.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
                } else {
                    finishWord()
                }
            }
            finishWord()
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x80...: true
        default: false
        }
    }

    /// A word's bytes, hashed in one call: `[UInt8]` feeds the hasher byte by byte.
    private struct WordBytes: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}
