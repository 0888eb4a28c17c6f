import ByteText
@testable import SiteBuilder
import TestSupport
import XCTest

/// The per-page byte loops rewritten for speed (word-at-a-time checks, output written in place)
/// give exactly what the loops they replaced gave, kept here as `ByteLoopReference`:
/// their results go into output files and cache keys.
final class ByteLoopEquivalenceTests: XCTestCase {
    func testCollapsedASCIIEqualsReferenceOnShortTexts() {
        var sampler = TextSampler(seed: 0x5EED_0101)
        for limit in [-1, 0, 1, 2, 3, 4, 5, 8, 17, 64] {
            for round in 0..<600 {
                let text = sampler.text(bytes: sampler.next(in: 0...80), nonASCIIPercent: [0, 0, 2, 30][round % 4])
                assertCollapsedEqual(text, limit: limit)
            }
        }
    }

    func testCollapsedASCIIEqualsReferenceAroundTheLimit() {
        var sampler = TextSampler(seed: 0x5EED_0102)
        // One non-ASCII piece before, at or after the place the limit stops the copy: it must make
        // the result nil only where the old loop read it.
        for limit in [1, 5, 17, 64, SearchIndex.maxTextCharacters] {
            for round in 0..<(limit < 100 ? 1_500 : 150) {
                let prefix = sampler.text(bytes: sampler.next(in: max(0, limit - 12)...(limit * 5 / 4 + 12)), nonASCIIPercent: 0)
                let other = TextSampler.otherPieces[sampler.next(in: 0...(TextSampler.otherPieces.count - 1))]
                let text = prefix + other + sampler.text(bytes: sampler.next(in: 0...40), nonASCIIPercent: round % 2 == 0 ? 0 : 10)
                assertCollapsedEqual(text, limit: limit)
            }
        }
    }

    func testCollapsedASCIIEqualsReferenceOnPageSizedTexts() {
        var sampler = TextSampler(seed: 0x5EED_0103)
        for round in 0..<200 {
            let text = sampler.text(bytes: sampler.next(in: 4_000...10_000), nonASCIIPercent: [0, 0, 0, 1][round % 4])
            assertCollapsedEqual(text, limit: SearchIndex.maxTextCharacters)
        }
        for _ in 0..<2_000 {
            assertCollapsedEqual(sampler.rawASCII(bytes: sampler.next(in: 0...40)), limit: sampler.next(in: 0...30))
        }
    }

    func testCollapsedASCIIEqualsReferenceOnProse() {
        var sampler = TextSampler(seed: 0x5EED_0104)
        // Words and single spaces are copied eight bytes at a time: every way such a stretch can
        // end, at every distance from the limit.
        for limit in [1, 7, 8, 9, 16, 23, 64, 200] {
            for round in 0..<400 {
                let text = sampler.prose(bytes: sampler.next(in: 0...(limit * 2 + 20)), nonASCIIPercent: [0, 0, 3][round % 3])
                assertCollapsedEqual(text, limit: limit)
            }
        }
        for round in 0..<300 {
            let text = sampler.prose(bytes: sampler.next(in: 4_000...10_000), nonASCIIPercent: round % 10 == 0 ? 1 : 0)
            assertCollapsedEqual(text, limit: SearchIndex.maxTextCharacters)
        }
    }

    func testJSONStringEqualsReference() {
        var sampler = TextSampler(seed: 0x5EED_0201)
        var texts: [String] = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }
            + TextSampler.otherPieces + ["\u{2028}\u{2029}", "a\u{2028}b", String(repeating: "x", count: 7) + "\u{2028}"]
        for round in 0..<6_000 {
            texts.append(sampler.text(bytes: sampler.next(in: 0...48), nonASCIIPercent: [0, 0, 5, 40][round % 4]))
        }
        for _ in 0..<3_000 { texts.append(sampler.rawASCII(bytes: sampler.next(in: 0...40))) }
        for round in 0..<200 {
            texts.append(sampler.text(bytes: sampler.next(in: 5_000...7_000), nonASCIIPercent: [0, 0, 1, 10][round % 4]))
        }
        for round in 0..<1_000 {
            texts.append(sampler.prose(bytes: sampler.next(in: 0...200), nonASCIIPercent: [0, 0, 5][round % 3]))
        }
        for text in texts {
            XCTAssertEqual(JSONText.needsEscaping(text), ByteLoopReference.needsEscaping(text), text.debugDescription)
        }
    }

    private func assertCollapsedEqual(_ text: String, limit: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(SearchIndex.collapsedASCII(text, limit: limit), ByteLoopReference.collapsedASCII(text, limit: limit),
                       "limit \(limit), text \(text.debugDescription)", file: file, line: line)
    }
}

/// The loops as they were before they were rewritten for speed: the references the tests compare with.
enum ByteLoopReference {
    /// `SearchIndex.collapsedASCII`.
    static func collapsedASCII(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit) + 8)
            var count = 0
            var pendingSpace = false
            var pendingBreak = false
            var last: UInt8 = UInt8(ascii: " ")
            for byte in bytes {
                if byte >= 0x80 { return nil }
                switch byte {
                case 0x0A...0x0D:
                    pendingSpace = count > 0
                    pendingBreak = count > 0
                    continue
                case 0x09, 0x20:
                    pendingSpace = count > 0
                    continue
                default: break
                }
                if count >= limit { break }
                if pendingSpace {
                    let breaksBlock = pendingBreak && !endsSentence(last)
                    if breaksBlock {
                        out.append(UInt8(ascii: " "))
                        count += 1
                        if count < limit { out.append(contentsOf: [0xC2, 0xB7]); count += 1 }
                        if count < limit { out.append(UInt8(ascii: " ")); count += 1 }
                    } else {
                        out.append(UInt8(ascii: " "))
                        count += 1
                    }
                    pendingSpace = false
                    pendingBreak = false
                    if count >= limit { break }
                }
                out.append(byte)
                last = byte
                count += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func endsSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return true
        default: return false
        }
    }

    /// `JSONText.needsEscaping`.
    static func needsEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return true
            case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80): return true
            default: previous = (previous.1, byte)
            }
        }
        return false
    }
}

