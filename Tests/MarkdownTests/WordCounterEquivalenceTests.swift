@testable import Markdown
import TestSupport
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

