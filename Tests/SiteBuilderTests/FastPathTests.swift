import Blocks
import ByteText
@testable import Scoring
@testable import SiteBuilder
import TestSupport
import XCTest

/// The byte-level fast paths added for speed give exactly what the Character-level code they
/// stand in for gives.
final class FastPathTests: XCTestCase {
    func testSearchTextByBytesEqualsCharacterPath() {
        var random = SplitMix64(seed: 7)
        func pick(_ items: [String]) -> String { items[random.next(in: 0...(items.count - 1))] }
        let pieces = ["word", "Another", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", "!", "?", ":", ";", ",", "x", "\u{0B}", "\u{0C}", "end."]
        for limit in [1, 2, 3, 5, 17, 200, 6_000] {
            for _ in 0..<300 {
                let text = (0..<random.next(in: 0...399)).map { _ in pick(pieces) }.joined()
                let expected = String(SearchTextDefinition.collapse(text, atLeast: limit + 64).prefix(limit))
                XCTAssertEqual(SearchIndex.collapsedASCII(text, limit: limit), expected, "limit \(limit), text \(text.debugDescription)")
            }
        }
        XCTAssertNil(SearchIndex.collapsedASCII("café", limit: 10), "non-ASCII text must take the Character path")
    }

    /// Text with other characters (typographic quotes, accents, emoji, combining and prepended
    /// marks, separators, "\r\n") read as ASCII stretches and `Character` runs gives exactly the
    /// `Character` path's text, at limits inside and around characters of several bytes.
    func testSearchTextOfMixedTextEqualsCharacterPath() {
        var sampler = TextSampler(seed: 29)
        var compared = 0
        for limit in [1, 2, 3, 4, 5, 7, 17, 64, 200, 6_000] {
            for round in 0..<250 {
                let bytes = sampler.next(in: 0...(limit < 200 ? 120 : 9_000))
                let text = round.isMultiple(of: 2) ? sampler.prose(bytes: bytes, nonASCIIPercent: 5 + round % 40)
                                                   : sampler.text(bytes: bytes, nonASCIIPercent: round % 60)
                let expected = String(SearchTextDefinition.collapse(text, atLeast: limit + 64).prefix(limit))
                XCTAssertEqual(SearchIndex.searchText(text, limit: limit), expected, "limit \(limit), text \(text.debugDescription)")
                compared += 1
            }
        }
        for text in ["’quoted’ text", "\u{600} x", "a\n\u{301}b", "x \u{301} y", "\r\né\r\n", "👩‍👩‍👧 🇫🇷🇫🇷", "end.\n\u{387}next", "e\u{301}"] {
            for limit in 1...12 {
                XCTAssertEqual(SearchIndex.searchText(text, limit: limit), String(SearchTextDefinition.collapse(text, atLeast: limit + 64).prefix(limit)),
                               "limit \(limit), text \(text.debugDescription)")
            }
        }
        XCTAssertEqual(compared, 2_500)
    }

    /// Every word of a page is in the index: in the text kept for snippets or in the words beyond
    /// it, split as the search script splits them (letters and digits), at many limits and with
    /// line breaks, runs of spaces and other characters that make the kept text shorter or
    /// longer than its source. A text that was not cut has no words beyond.
    func testEveryWordIsInTheSnippetTextOrTheWordsBeyond() {
        var sampler = TextSampler(seed: 41)
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
        }
        for limit in [5, 17, 64, 200, 1_000] {
            for round in 0..<120 {
                let bytes = sampler.next(in: 0...(limit * 3))
                let text = round.isMultiple(of: 2) ? sampler.prose(bytes: bytes, nonASCIIPercent: round % 30)
                                                   : sampler.text(bytes: bytes, nonASCIIPercent: round % 50)
                let shown = SearchIndex.searchText(text, limit: limit)
                let beyond = SearchIndex.wordsBeyond(text, shown: shown, limit: limit)
                let missing = words(text).subtracting(words(shown)).subtracting(words(beyond))
                XCTAssertEqual(missing, [], "limit \(limit), text \(text.debugDescription)")
                if shown.count < limit { XCTAssertEqual(beyond, "", "nothing was cut") }
            }
        }
    }

    /// Byte search (with `memchr` for the first byte) finds what Foundation finds, case-sensitive
    /// or not, and replaces every occurrence.
    func testByteSearchEqualsFoundation() {
        var random = SplitMix64(seed: 11)
        let pieces = ["<", "<s", "<script", "<SCRIPT", "</style", "a", "é", " ", "\n", "script", "x<", "<<"]
        for _ in 0..<2_000 {
            let text = (0..<random.next(in: 0...12)).map { _ in pieces[random.next(in: 0...(pieces.count - 1))] }.joined()
            for needle in ["<script", "</style", "<", "script", "é<"] {
                for ignoringCase in [false, true] {
                    let expected = text.range(of: needle, options: ignoringCase ? [.caseInsensitive, .literal] : [.literal])
                    let found = ByteSearch.range(of: needle, in: text[...], ignoringASCIICase: ignoringCase)
                    XCTAssertEqual(found.map { text.distance(from: text.startIndex, to: $0.lowerBound) },
                                   expected.map { text.distance(from: text.startIndex, to: $0.lowerBound) },
                                   "\(needle) in \(text.debugDescription), ignoring case: \(ignoringCase)")
                }
                XCTAssertEqual(ByteSearch.replacing(needle, with: "#", in: text), text.replacingOccurrences(of: needle, with: "#"))
            }
        }
    }

    func testHTMLEscapingByBytes() {
        XCTAssertEqual(escapeHTML("plain text"), "plain text")
        XCTAssertEqual(escapeHTML(#"<a href="x">Tom & Jerry's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        XCTAssertEqual(escapeHTML("é < ü"), "é &lt; ü")
        XCTAssertEqual(escapeHTML(""), "")
    }

    func testTemplatesEscapeWithTheFastEscaper() throws {
        let folder = try TemporaryFolder("fast-escape")
        defer { folder.remove() }
        // The first line must still print: the pragma line added in front of it prints nothing.
        let set = try TemplateSet.load(from: Self.templates(in: folder, "probe", "first line\n{{value}}|{{{value}}}\n"))
        let output = try set.render("probe", context: ["value": "<b>&'\""], forFile: "probe", recorder: ReadRecorder())
        XCTAssertEqual(output, "first line\n&lt;b&gt;&amp;&#39;&quot;|<b>&'\"\n")
    }

    func testTemplateSyntaxErrorsKeepTheFileLine() throws {
        let folder = try TemporaryFolder("fast-escape-line")
        defer { folder.remove() }
        let templates = try Self.templates(in: folder, "broken", "one\ntwo\n{{#open}}three\n")
        XCTAssertThrowsError(try TemplateSet.load(from: templates)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("templates/broken.mustache"), text)
            XCTAssertFalse(text.contains("broken.mustache:5"), "line moved by the pragma: \(text)")
        }
    }

    func testWordwiseKeyHashSeesEveryByte() {
        let base = String(repeating: "abcdefgh", count: 9) + "xyz"
        var seen: Set<UInt64> = [StableHash.keyOf(base)]
        var bytes = Array(base.utf8)
        for index in bytes.indices {
            bytes[index] ^= 1
            XCTAssertTrue(seen.insert(StableHash.keyOf(String(decoding: bytes, as: UTF8.self))).inserted, "byte \(index) did not change the key")
            bytes[index] ^= 1
        }
        XCTAssertNotEqual(StableHash.keyOf("a"), StableHash.keyOf("a\u{0}"), "length must count")
    }

    /// A templates folder holding one template.
    private static func templates(in folder: TemporaryFolder, _ name: String, _ text: String) throws -> URL {
        let templates = folder.url.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: templates.appendingPathComponent("\(name).mustache"))
        return templates
    }
}

/// The search text's definition, `Character` by `Character`, that `SearchIndex.searchText` and
/// `SearchIndex.collapsedASCII` must match: `String(collapse(text, atLeast: limit + 64).prefix(limit))`.
enum SearchTextDefinition {
    /// Runs of whitespace as one space, no leading or trailing whitespace; stops once `atLeast`
    /// characters are out, since only a prefix is kept (profiled: collapsing whole pages was 11% of a build).
    /// Folds whitespace to single spaces. A line break after a heading or list item that ends
    /// without punctuation becomes " · ", so snippets do not run one block into the next.
    static func collapse(_ text: String, atLeast limit: Int) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit * 2))
        var count = 0
        var pendingSpace = false
        var pendingBreak = false
        var last: Character = " "
        for character in text {
            if character.isWhitespace {
                pendingSpace = count > 0
                if character.isNewline { pendingBreak = count > 0 }
                continue
            }
            if pendingSpace {
                let separator = pendingBreak && !".!?:;,·".contains(last) ? " · " : " "
                out.append(separator)
                count += separator.count
                pendingSpace = false
                pendingBreak = false
            }
            out.append(character)
            last = character
            count += 1
            if count >= limit { break }
        }
        return out
    }
}
