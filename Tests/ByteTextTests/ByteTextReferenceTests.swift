import ByteText
import Foundation
@testable import Scoring
import TestSupport
import XCTest

/// Each word-at-a-time test and scan, compared on seeded text with the plain code it stands for.
final class ByteTextReferenceTests: XCTestCase {
    func testWordTestsEqualByteTests() {
        var random = SeededRandom(seed: 0x5EED_0B17)
        // Words made mostly of the bytes the tests look for and their neighbours, where a borrow
        // from one byte into the next would show.
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x22, 0x26, 0x3C, 0x3E, 0x5C, 0x7F, 0x80, 0xC2, 0xFF]
        for round in 0..<50_000 {
            let bytes = (0..<8).map { _ in
                round % 3 == 0 ? UInt8(truncatingIfNeeded: random.next()) : interesting[random.next(in: 0...(interesting.count - 1))]
            }
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0.baseAddress!, at: 0) }
            XCTAssertEqual(ByteWord.isASCII(word), bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
            for limit: UInt8 in [1, 0x0E, 0x20, 0x80] {
                XCTAssertEqual(ByteWord.hasByte(below: limit, word), bytes.contains { $0 < limit }, "below \(limit): \(bytes)")
            }
            for byte: UInt8 in [0x00, 0x20, 0x22, 0x3E, 0x5C, 0x7F] {
                XCTAssertEqual(ByteWord.hasByte(byte, word), bytes.contains(byte), "\(byte): \(bytes)")
            }
        }
    }

    func testFirstNonASCIIEqualsByteLoop() {
        var sampler = TextSampler(seed: 0x5EED_0B18)
        for round in 0..<4_000 {
            let text = sampler.text(bytes: sampler.next(in: 0...80), nonASCIIPercent: [0, 1, 5, 40][round % 4])
            var bytesOfText = text
            bytesOfText.withUTF8 { bytes in
                for start in [0, bytes.count / 3, max(0, bytes.count - 1)] where start <= bytes.count {
                    XCTAssertEqual(ByteWord.firstNonASCII(in: bytes, from: start), bytes[start...].firstIndex { $0 >= 0x80 },
                                   "from \(start) in \(text.debugDescription)")
                }
            }
        }
    }

    /// The search index's fast writer and Scoring's canonical writer (a plain loop over scalars)
    /// write every string with the same bytes.
    func testJSONTextEqualsScoringsWriter() {
        var sampler = TextSampler(seed: 0x5EED_0B19)
        var texts: [String] = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }
            + TextSampler.otherPieces + ["\u{2028}\u{2029}", "a\u{2028}b", "\u{08}\u{0C}", String(repeating: "x", count: 7) + "\u{2028}"]
        for round in 0..<4_000 {
            texts.append(sampler.text(bytes: sampler.next(in: 0...48), nonASCIIPercent: [0, 0, 5, 40][round % 4]))
        }
        for _ in 0..<2_000 { texts.append(sampler.rawASCII(bytes: sampler.next(in: 0...40))) }
        for text in texts {
            XCTAssertEqual(JSONText.string(text), JSONValue.string(text).canonicalText, text.debugDescription)
        }
    }

    /// Whatever the escapes, a JSON reader gives back the string written.
    func testJSONTextReadsBackAsItsText() throws {
        let texts = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) } + ["\u{2028}", "é\u{1F600}\"<&>\\"]
        for text in texts {
            let data = Data(("[" + JSONText.string(text) + "]").utf8)
            let read = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String], text.debugDescription)
            XCTAssertEqual(read, [text], text.debugDescription)
        }
    }
}
