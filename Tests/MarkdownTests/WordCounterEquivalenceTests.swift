@testable import Markdown
import XCTest

/// `WordCounter.count(in:)` reads all-ASCII text in a loop of its own; it must count exactly what
/// the general byte loop it stands in front of counts, kept here as `WordCounterReference`.
final class WordCounterEquivalenceTests: XCTestCase {
    func testCountEqualsReferenceOnShortTexts() {
        var sampler = TextSampler(seed: 0x5EED_0001)
        for round in 0..<6_000 {
            // Lengths across several 8-byte words, so every tail length is seen.
            let text = sampler.text(bytes: sampler.next(in: 0...48), nonASCIIPercent: [0, 0, 3, 30][round % 4])
            XCTAssertEqual(WordCounter.count(in: text), WordCounterReference.count(in: text), text.debugDescription)
        }
    }

    func testCountEqualsReferenceOnPageSizedTexts() {
        var sampler = TextSampler(seed: 0x5EED_0002)
        for round in 0..<400 {
            let text = sampler.text(bytes: sampler.next(in: 4_000...10_000), nonASCIIPercent: [0, 0, 1, 20][round % 4])
            XCTAssertEqual(WordCounter.count(in: text), WordCounterReference.count(in: text), "round \(round)")
        }
    }

    func testCountEqualsReferenceOnProse() {
        var sampler = TextSampler(seed: 0x5EED_0004)
        for round in 0..<2_000 {
            let text = sampler.prose(bytes: sampler.next(in: 0...(round < 1_900 ? 100 : 10_000)), nonASCIIPercent: [0, 0, 2][round % 3])
            XCTAssertEqual(WordCounter.count(in: text), WordCounterReference.count(in: text), text.debugDescription)
        }
    }

    func testCountEqualsReferenceOnEveryASCIIByte() {
        var sampler = TextSampler(seed: 0x5EED_0003)
        for _ in 0..<3_000 {
            let text = sampler.rawASCII(bytes: sampler.next(in: 0...40))
            XCTAssertEqual(WordCounter.count(in: text), WordCounterReference.count(in: text), text.debugDescription)
        }
    }

    func testCountEqualsReferenceOnEveryShortCombination() {
        let pieces = ["a", "-", " ", "\n", "\r\n", "é", "\u{301}", "\u{600}", "\u{2028}", "😀"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    for fourth in pieces {
                        let text = first + second + third + fourth
                        XCTAssertEqual(WordCounter.count(in: text), WordCounterReference.count(in: text), text.debugDescription)
                    }
                }
            }
        }
    }

    func testKnownCounts() {
        XCTAssertEqual(WordCounter.count(in: ""), 0)
        XCTAssertEqual(WordCounter.count(in: "one two\tthree\nfour\u{0B}five\u{0C}six\rseven"), 7)
        XCTAssertEqual(WordCounter.count(in: "a - b -- c"), 3, "a spaced dash is not a word")
        XCTAssertEqual(WordCounter.count(in: "  leading and trailing  "), 3)
        XCTAssertEqual(WordCounter.count(in: "café au lait"), 3)
    }
}

/// `WordCounter.count(in:)` as it was before its ASCII loop: the reference the tests compare with.
enum WordCounterReference {
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

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Seeded text made of pieces that stress byte loops: every ASCII whitespace, punctuation, digits,
/// control characters, and now and then non-ASCII (accents, combining marks, emoji, CJK, and the
/// line separators U+0085, U+2028, U+2029, and prepended marks such as U+0600 that join the
/// next character, even a space).
struct TextSampler {
    static let asciiPieces = [
        "word", "Another", "x", "42", "2024", "e", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{0B}", "\u{0C}",
        ".", "!", "?", ":", ";", ",", "-", " - ", "end.", "<", ">", "&", "\"", "'", "\\", "`", "```", "~", "~~~",
        "{", "{{", "}}", "\u{0}", "\u{1}", "\u{8}", "\u{1B}", "\u{1F}", "\u{7F}",
    ]
    static let otherPieces = [
        "é", "e\u{301}", "\u{301}", " \u{301}", "\n\u{301}", "😀", "👩‍👩‍👧", "🇫🇷", "\u{2028}", "\u{2029}", "\u{85}",
        "\u{A0}", "\u{3000}", "漢字", "·", "—", "…", "€", "\u{2018}", "\u{202F}", "\u{200B}", "\u{80}", "\u{2000}",
        "\u{600}", "\u{110BD}",
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func next(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// Pieces until the text has `bytes` UTF-8 bytes (the last piece may go past); each piece is
    /// non-ASCII with the given chance.
    mutating func text(bytes: Int, nonASCIIPercent: Int) -> String {
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
    mutating func prose(bytes: Int, nonASCIIPercent: Int) -> String {
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
    mutating func rawASCII(bytes: Int) -> String {
        var text = ""
        for _ in 0..<bytes { text.unicodeScalars.append(Unicode.Scalar(UInt8(next(in: 0...127)))) }
        return text
    }
}
