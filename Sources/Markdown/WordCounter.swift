/// Counts words for reading time: whitespace-separated runs holding at least one letter or
/// digit, so stray punctuation such as a spaced dash is not a word.
enum WordCounter {
    static func count(in text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace })
            .count { word in word.contains { $0.isLetter || $0.isNumber } }
    }
}
