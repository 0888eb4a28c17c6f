import Foundation
import TestSupport
import PropertyBased
import Scoring
@testable import SiteBuilder
import XCTest

/// Bounded, seeded property tests over the front-matter splitter, front-matter decoding through
/// the loader, the placeholder expander and the questionnaire loader. `make fuzz` runs the same
/// properties for `FUZZ_SECONDS` each.
final class FuzzPropertyTests: XCTestCase {
    // MARK: - FrontMatter.split

    func testFrontMatterSplitKeepsEveryLineAndCountsThemRight() throws {
        FuzzBudget(quickCases: 500).run("front matter split") { random, number in
            let text = random.chance(50)
                ? "---\n" + random.soup(FuzzTokens.yaml, count: 0...30)
                : random.soup(FuzzTokens.yaml, count: 0...40)
            let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            // Lines as an editor counts them: "\r\n" (one Character in Swift) ends a line too.
            let lines = withoutBOM.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            switch FrontMatter.split(text) {
            case .success(let parts):
                if parts.yamlFirstLine == 1 {
                    XCTAssertEqual(parts.body, withoutBOM, "case \(number): no front matter means the whole text is the body: \(text.debugDescription)")
                } else {
                    // Opening line, YAML lines, closing line, body lines: nothing lost, nothing added.
                    let yamlLines = parts.yaml.split(separator: "\n", omittingEmptySubsequences: false).count
                    // A closing `---` on the file's last line, with no newline after it, leaves no body line at all.
                    let endsAtClosingLine = parts.body.isEmpty && withoutBOM.utf8.last != UInt8(ascii: "\n")
                    let bodyLines = endsAtClosingLine ? 0 : parts.body.split(separator: "\n", omittingEmptySubsequences: false).count
                    XCTAssertEqual(parts.yamlFirstLine, 2, "case \(number)")
                    XCTAssertEqual(parts.bodyFirstLine - 1 + bodyLines, lines.count, "case \(number): \(text.debugDescription)")
                    XCTAssertTrue(parts.bodyFirstLine - 3 == yamlLines || (parts.yaml.isEmpty && parts.bodyFirstLine == 3),
                                  "case \(number): \(text.debugDescription)")
                    XCTAssertTrue(withoutBOM.replacingOccurrences(of: "\r\n", with: "\n").hasSuffix(parts.body.replacingOccurrences(of: "\r\n", with: "\n")), "case \(number)")
                }
            case .failure(.unclosed(let line)):
                XCTAssertEqual(line, 1)
                let closers = lines.dropFirst().filter { ["---", "..."].contains(String($0.trimmingTrailingSpaceTabReturn)) }
                XCTAssertTrue(closers.isEmpty, "case \(number): reported unclosed but has a closing line: \(text.debugDescription)")
            }
        }
    }

    /// A file saved with Windows line endings splits exactly like the same file with `\n`.
    func testFrontMatterSplitTreatsCRLFLikeLF() throws {
        FuzzBudget(quickCases: 300).run("front matter split CRLF") { random, number in
            let text = random.mutate(Self.seedPage, tokens: ["\n", "---", "...", " ", "x: y", "\t"], times: 0...4)
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            switch (FrontMatter.split(text), FrontMatter.split(crlf)) {
            case let (.success(unix), .success(windows)):
                XCTAssertEqual(windows.yamlFirstLine, unix.yamlFirstLine, "case \(number): \(crlf.debugDescription)")
                XCTAssertEqual(windows.bodyFirstLine, unix.bodyFirstLine, "case \(number): \(crlf.debugDescription)")
                XCTAssertEqual(windows.yaml.replacingOccurrences(of: "\r\n", with: "\n"), unix.yaml, "case \(number)")
                XCTAssertEqual(windows.body.replacingOccurrences(of: "\r\n", with: "\n"), unix.body, "case \(number)")
            case (.failure, .failure): break
            case let (unix, windows):
                XCTFail("case \(number): LF gives \(unix), CRLF gives \(windows): \(crlf.debugDescription)")
            }
        }
    }

    // MARK: - Placeholders.expand

    func testPlaceholderExpansionNeverLosesTextAndLocatesUnknownNames() throws {
        let values = ["scoring.total.min": "0", "scoring.total.max": "150", "scoring.band.mastery.label": "Deep {{craft}}"]
        FuzzBudget(quickCases: 500).run("placeholders") { random, number in
            let tokens = ["{{", "}}", "{", "}", "\\", "\\{{", "\n", "scoring.total.min", "scoring.total.max", " ", "x", "é", "🙂",
                          "scoring.band.mastery.label", "scoring.unknown", "{{scoring.total.max}}", "\r\n"]
            let text = random.soup(tokens, count: 0...40)
            let expanded = Placeholders.expand(text, values: values)
            let lineCount = text.filter { $0 == "\n" || $0 == "\r\n" }.count + 1
            for unknown in expanded.unknown {
                XCTAssertTrue((1...lineCount).contains(unknown.line), "case \(number): line \(unknown.line) of \(lineCount): \(text.debugDescription)")
                XCTAssertNil(values[unknown.name], "case \(number): a known name reported unknown")
            }
            if !text.contains("{{") { XCTAssertEqual(expanded.text, text, "case \(number)") }
        }
    }

    func testPlaceholderExpansionOfWellFormedTextIsExact() throws {
        let values = ["scoring.total.min": "0", "scoring.total.max": "150", "scoring.items.count": "15"]
        FuzzBudget(quickCases: 500).run("placeholders well-formed") { random, number in
            var text = "", expected = ""
            for _ in 0..<random.int(in: 0...12) {
                if random.chance(40) {
                    let name = random.pick(Array(values.keys).sorted())
                    text += "{{\(random.chance(30) ? " " : "")\(name)}}"
                    expected += values[name] ?? ""
                } else {
                    // No "{" or "\\" in plain text: next to a placeholder they would change its meaning.
                    let plain = String(random.soup(["a", " ", "\n", "é", "}", "🙂", "-", "."], count: 0...8).filter { $0 != "{" && $0 != "\\" })
                    text += plain
                    expected += plain
                }
            }
            let expanded = Placeholders.expand(text, values: values)
            XCTAssertEqual(expanded.text, expected, "case \(number): \(text.debugDescription)")
            XCTAssertEqual(expanded.unknown, [], "case \(number)")
        }
    }

    // MARK: - Front matter through the loader

    static let seedPage = """
    ---
    title: "A page"
    kind: pitfall
    summary: Something short.
    weight: 3
    date: 2024-01-15
    draft: false
    tags: [habits, "career paths"]
    aliases: [old/path/]
    ---
    # Heading

    Body with {{scoring.total.min}}.
    """

    func testRandomFrontMatterEndsInAPageOrLocatedErrors() throws {
        let scratch = try ScratchFolder("fuzz-frontmatter")
        defer { scratch.remove() }
        try Overlay.copy(Repository.badInput.appendingPathComponent("_base"), into: scratch.url, skipping: ["README.md"])
        let page = scratch.url.appendingPathComponent("content/pitfalls/fuzzed.md")
        FuzzBudget(quickCases: 300).run("front matter through the loader") { random, number in
            let text = random.chance(70)
                ? random.mutate(Self.seedPage, tokens: FuzzTokens.yaml, times: 1...6)
                : "---\n" + random.soup(FuzzTokens.yaml, count: 0...30) + "\n---\nBody.\n"
            do {
                try Data(text.utf8).write(to: page)
                // Every tenth case goes all the way through a build; the rest stop after loading.
                if number % 10 == 0 {
                    _ = try SiteBuild.build(BuildOptions(source: scratch.url, output: scratch.url.appendingPathComponent("public")))
                } else {
                    _ = try SiteLoader(sourceFolder: scratch.url).load()
                }
            } catch let failure as BuildFailure {
                XCTAssertFalse(failure.errors.isEmpty, "case \(number): a failure without errors")
                for error in failure.errors {
                    XCTAssertFalse(error.file.isEmpty, "case \(number): an error without a file: \(error)")
                    XCTAssertFalse(error.message.isEmpty, "case \(number): an error without a message")
                    if error.file == "content/pitfalls/fuzzed.md", let line = error.line {
                        // Count "\n" bytes: Swift's Character view folds "\r\n" into one Character that is not "\n".
                        let lines = text.utf8.filter { $0 == UInt8(ascii: "\n") }.count + 1
                        XCTAssertTrue((1...max(lines, 1)).contains(line), "case \(number): line \(line) is outside the file (\(lines) lines): \(error)\n\(text.debugDescription)")
                    }
                }
            } catch {
                XCTFail("case \(number): not a BuildFailure: \(error)\n\(text.debugDescription)")
            }
        }
    }

    // MARK: - Questionnaires

    func testQuestionnaireLoaderAgreesWithAnIndependentTilingCheck() throws {
        let scratch = try ScratchFolder("fuzz-questionnaire")
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("content/questionnaire.yml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        FuzzBudget(quickCases: 400).run("questionnaire loader") { random, number in
            let draft = RandomQuestionnaire(&random)
            let mutated = random.chance(25)
            let text = mutated ? random.mutate(draft.yaml, tokens: FuzzTokens.yaml, times: 1...4) : draft.yaml
            do {
                try Data(text.utf8).write(to: file)
                let questionnaire = try SiteLoader(sourceFolder: scratch.url).loadQuestionnaire()
                if !mutated { XCTAssertTrue(draft.isValid, "case \(number): accepted a questionnaire whose bands do not tile:\n\(text)") }
                // Whatever was accepted scores every answer sheet into exactly one band.
                for _ in 0..<5 {
                    let answers = questionnaire.items.map { _ in random.int(in: questionnaire.scale.min...questionnaire.scale.max) }
                    let result = try questionnaire.score(answers)
                    XCTAssertTrue(questionnaire.totalRange.contains(result.total), "case \(number)")
                    XCTAssertEqual(questionnaire.bands.filter { $0.min <= result.total && result.total <= $0.max }.count, 1, "case \(number)")
                }
            } catch let failure as BuildFailure {
                if !mutated { XCTAssertFalse(draft.isValid, "case \(number): rejected a valid questionnaire: \(failure)\n\(text)") }
                for error in failure.errors {
                    XCTAssertEqual(error.file, "content/questionnaire.yml", "case \(number)")
                    XCTAssertFalse(error.message.isEmpty, "case \(number)")
                }
            } catch {
                XCTFail("case \(number): not a BuildFailure: \(error)\n\(text)")
            }
        }
    }
}

/// A questionnaire drawn at random, written as YAML, with its own verdict on whether the bands
/// tile the reachable totals (computed here without the scoring module).
struct RandomQuestionnaire {
    var yaml: String
    var isValid: Bool

    init(_ random: inout Xoshiro) {
        let scaleMin = random.int(in: -2...2)
        let scaleMax = scaleMin + random.int(in: 1...5)
        var lines = ["id: fuzzed", "version: 1", "scale:", "  min: \(scaleMin)", "  max: \(scaleMax)", "items:"]
        var low = 0, high = 0
        for index in 0..<random.int(in: 1...4) {
            let weight = random.int(in: 1...3)
            let reverse = random.chance(30)
            lines += ["  - id: item-\(index)", "    text: \"Statement \(index): it's <b>bold</b> & \\\"quoted\\\"\"", "    dimension: d\(index % 2)", "    weight: \(weight)"]
            if reverse { lines.append("    reverse: true") }
            low += weight * scaleMin
            high += weight * scaleMax
        }
        // Bands: a tiling of low...high, then sometimes broken on purpose.
        var cuts = Set<Int>()
        for _ in 0..<random.int(in: 0...3) where high > low { cuts.insert(random.int(in: (low + 1)...high)) }
        let starts = [low] + cuts.sorted()
        var bands: [(Int, Int)] = starts.enumerated().map { index, start in (start, index + 1 < starts.count ? starts[index + 1] - 1 : high) }
        switch random.int(in: 0...5) {
        case 0: bands[0].0 += 1  // a gap at the bottom
        case 1: bands[bands.count - 1].1 += random.int(in: 1...2)  // beyond the top
        case 2 where bands.count > 1: bands[1].0 -= 1  // an overlap
        case 3: bands.append((high + 2, high + 5))  // unreachable
        default: break
        }
        var covered = Array(repeating: 0, count: high - low + 1)
        var outside = false
        for (minimum, maximum) in bands {
            if minimum > maximum || minimum < low || maximum > high { outside = true; continue }
            for total in minimum...maximum { covered[total - low] += 1 }
        }
        isValid = !outside && covered.allSatisfy { $0 == 1 }
        lines.append("bands:")
        for (index, band) in bands.enumerated() {
            lines += ["  - id: band-\(index)", "    label: \"Band \(index)\"", "    min: \(band.0)", "    max: \(band.1)",
                      "    summary: \"S\"", "    advice: \"A\"", "    next: []"]
        }
        yaml = lines.joined(separator: "\n") + "\n"
    }
}

extension Substring {
    var trimmingTrailingSpaceTabReturn: Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }
}
