/// Seeded text made of pieces that stress byte loops: every ASCII whitespace, punctuation, digits,
/// control characters, and now and then non-ASCII (accents, combining marks, emoji, CJK, and the
/// line separators U+0085, U+2028, U+2029, and prepended marks such as U+0600 that join the
/// next character, even a space).
public struct TextSampler {
    public static let asciiPieces = [
        "word", "Another", "x", "42", "2024", "e", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
        ".", "!", "?", ":", ";", ",", "-", " - ", "end.", "<", ">", "&", "\"", "'", "\\", "`", "```", "~", "~~~",
        "{", "{{", "}}", "\u{0}", "\u{1}", "\u{8}", "\u{1B}", "\u{1F}", "\u{7F}",
    ]
    public static let otherPieces = [
        "é", "e\u{301}", "\u{301}", " \u{301}", "\n\u{301}", "😀", "👩‍👩‍👧", "🇫🇷", "\u{2028}", "\u{2029}", "\u{85}",
        "\u{A0}", "\u{3000}", "漢字", "·", "—", "…", "€", "\u{2018}", "\u{202F}", "\u{200B}", "\u{80}", "\u{2000}",
        "\u{600}", "\u{110BD}",
    ]

    private var random: SeededRandom

    public init(seed: UInt64) { random = SeededRandom(seed: seed) }

    public mutating func next() -> UInt64 { random.next() }

    public mutating func next(in range: ClosedRange<Int>) -> Int { random.next(in: range) }

    /// Pieces until the text has `bytes` UTF-8 bytes (the last piece may go past); each piece is
    /// non-ASCII with the given chance.
    public mutating func text(bytes: Int, nonASCIIPercent: Int) -> String {
        var text = ""
        while text.utf8.count < bytes {
            let pieces = next(in: 0...99) < nonASCIIPercent ? Self.otherPieces : Self.asciiPieces
            text += pieces[next(in: 0...(pieces.count - 1))]
        }
        return text
    }

    /// Prose-like text: words of 1 to 12 letters, mostly single spaces between them, now and then
    /// sentence punctuation, a line break, a run of whitespace or (with the given chance) a
    /// non-ASCII piece.
    public mutating func prose(bytes: Int, nonASCIIPercent: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var text = ""
        while text.utf8.count < bytes {
            text += String((0..<next(in: 1...12)).map { _ in letters[next(in: 0...(letters.count - 1))] })
            switch next(in: 0...99) {
            case 0..<80: text += " "
            case 80..<88: text += [". ", ", ", "! ", "? ", ": ", "; "][next(in: 0...5)]
            case 88..<(88 + nonASCIIPercent): text += Self.otherPieces[next(in: 0...(Self.otherPieces.count - 1))]
            default: text += Self.asciiPieces[next(in: 0...(Self.asciiPieces.count - 1))]
            }
        }
        return text
    }

    /// Bytes drawn from all of ASCII, controls included.
    public mutating func rawASCII(bytes: Int) -> String {
        var text = ""
        for _ in 0..<bytes { text.unicodeScalars.append(Unicode.Scalar(UInt8(next(in: 0...127)))) }
        return text
    }
}
