import Foundation
import PropertyBased
@testable import SiteBuilder
import TestSupport
import XCTest

/// Output paths and the output map, over random hostile addresses. `make fuzz` runs the same
/// properties for `FUZZ_SECONDS` each.
final class OutputPathPropertyTests: XCTestCase {
    /// Pieces of hostile and careless addresses: traversal, encoded traversal, separators of other
    /// systems, controls, invisible and non-ASCII characters, and names the build itself uses.
    static let tokens = [
        "..", ".", "/", "/", "\\", "%2e", "%2E%2E", "%2f", "%2F", "%5c", "%00", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}", "\u{85}",
        "\n", "\r", "\t", " ", "\u{A0}", "\u{200B}", "\u{202E}", "\u{2028}", "\u{FEFF}", "#", "?", ":", "\"", "<", "|", "*",
        "é", "ü", "日本", "🙂", "e\u{301}", "a", "b", "x-y", "index.html", "atom.xml", "tags", "embed", "~", "@", "+", "=",
    ]

    /// Whatever the text, an accepted path names a file inside the output folder: no segment
    /// steps out, none is empty, nothing decodes into a separator or a dot segment, and the path
    /// is printable as a URL as it is. A refused one says what was refused.
    func testEveryAcceptedOutputPathStaysInsideTheOutputFolder() {
        let root = "/srv/output"
        FuzzBudget(quickCases: 3_000).run("output paths") { random, number in
            let text = random.soup(Self.tokens, count: 0...12)
            for (kind, made) in [("site path", Result { try OutputPath(sitePath: text) }), ("address", Result { try OutputPath(address: text) })] {
                switch made {
                case .success(let path):
                    let file = path.file
                    let segments = file.split(separator: "/", omittingEmptySubsequences: false)
                    XCTAssertFalse(segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }, "case \(number) \(kind): \(text.debugDescription) -> \(file)")
                    let resolved = URL(fileURLWithPath: root + "/" + file).standardizedFileURL.path
                    XCTAssertTrue(resolved.hasPrefix(root + "/"), "case \(number) \(kind): \(text.debugDescription) -> \(resolved)")
                    XCTAssertEqual(file.removingPercentEncoding, file, "case \(number) \(kind): \(file.debugDescription) decodes into something else")
                    XCTAssertFalse(file.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" || $0 == "#" || $0 == "?" || $0.properties.generalCategory == .format },
                                   "case \(number) \(kind): \(file.debugDescription)")
                    if file.allSatisfy(\.isASCII) {
                        XCTAssertEqual(URL(string: file)?.path, file, "case \(number) \(kind): \(file.debugDescription) is not a plain URL path")
                    }
                    if kind == "address" {
                        XCTAssertTrue(file == "index.html" || file.hasSuffix("/index.html"), "case \(number): an alias became the file \(file)")
                    }
                case .failure(let problem):
                    XCTAssertFalse("\(problem)".isEmpty, "case \(number)")
                }
            }
        }
    }

    /// The examples of issue 14 and their neighbours.
    func testAddressesAreFoldersAndTraversalIsRefused() throws {
        XCTAssertEqual(try OutputPath(address: "atom.xml").file, "atom.xml/index.html")
        XCTAssertEqual(try OutputPath(address: "/old/page/").file, "old/page/index.html")
        XCTAssertEqual(try OutputPath(address: "x.js").file, "x.js/index.html")
        XCTAssertEqual(try OutputPath(address: "").file, "index.html")
        XCTAssertEqual(try OutputPath(sitePath: "pitfalls/x/").file, "pitfalls/x/index.html")
        XCTAssertEqual(try OutputPath(sitePath: "café/日本/").file, "café/日本/index.html")
        for refused in ["../../../../x.js", "pitfalls/./no-training/", "a//b", "//x", "%2e%2e/x", "a%2fb", "a\\..\\b", "a\u{0}b", "a\u{1B}b",
                        "a b", "a#b", "a?b", "100%", "c:x", "a\u{202E}b"] {
            XCTAssertThrowsError(try OutputPath(address: refused), refused.debugDescription)
            XCTAssertThrowsError(try OutputPath(sitePath: refused + "/"), refused.debugDescription)
        }
    }

    /// The map reports a conflict exactly when two claims share a path or one claim's file is a
    /// folder of another, compared with a check of every pair.
    func testOutputMapFindsExactlyTheConflictingClaims() throws {
        let segments = ["a", "b", "index.html", "atom.xml", "x.js"]
        FuzzBudget(quickCases: 2_000).run("output map") { random, number in
            var claims: [OutputMap.Claim] = []
            for index in 0..<random.int(in: 1...8) {
                let depth = random.int(in: 1...3)
                let sitePath = (0..<depth).map { _ in random.pick(segments) }.joined(separator: "/") + (random.chance(50) ? "/" : "")
                guard let path = try? OutputPath(sitePath: sitePath) else { continue }
                claims.append(OutputMap.Claim(path: path, file: random.chance(50) ? "content/\(index).md" : nil, what: "claim \(index)"))
            }
            var expected = 0
            for first in claims.indices {
                for second in claims.indices where second > first {
                    let a = claims[first].path.file, b = claims[second].path.file
                    if a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/") { expected += 1 }
                }
            }
            do {
                let map = try OutputMap.make(claims)
                XCTAssertEqual(expected, 0, "case \(number): \(claims.map(\.path.file)) passed")
                XCTAssertEqual(map.paths, Set(claims.map(\.path)), "case \(number)")
            } catch {
                XCTAssertGreaterThan(expected, 0, "case \(number): \(claims.map(\.path.file)) refused: \(error)")
                for problem in (error as? BuildFailure)?.errors ?? [] {
                    // Named at a claim's file when one has a file, and naming the other side.
                    XCTAssertTrue(problem.message.contains("claim"), "case \(number): \(problem)")
                    XCTAssertTrue(problem.message.contains("already uses"), "case \(number): \(problem)")
                }
            }
        }
    }
}
