import XCTest
import Yams
import Scoring

/// The questionnaire's numbers (band edges, maximum, item count) reach the prose only through
/// `{{scoring.…}}` placeholders, and the built pages show exactly what the scoring module says.
final class GuidesPlaceholderTests: XCTestCase {
    static let placeholderPattern = #"\{\{\s*(scoring\.[A-Za-z0-9_.-]+)\s*\}\}"#

    func testBuiltProseShowsTheScoringModulesNumbersWherePlaceholdersStand() throws {
        let built = try BuiltDefaultSite()
        let english = try Self.placeholderValues(of: built.site)
        var valuesByLanguage: [String: [String: String]] = [:]
        var checked = 0
        for page in built.guides {
            let values = try valuesByLanguage[page.language.code] ?? Self.inLanguage(page.language, english, of: built.site)
            valuesByLanguage[page.language.code] = values
            let text = BuiltHTML.plainText(try built.html(page.outputPath))
            XCTAssertFalse(text.contains("{{scoring."), "\(page.outputPath) shows an unexpanded placeholder")
            for line in page.prose.split(separator: "\n") where line.contains("{{") {
                // Expand the line ourselves with the module's values; the built page must read the same
                // around each number.
                var expanded = String(line)
                for name in BuiltHTML.matches(of: Self.placeholderPattern, in: String(line)) {
                    let value = try XCTUnwrap(values[name], "\(page.contentPath) uses unknown \(name)")
                    expanded = expanded.replacingOccurrences(of: "{{\(name)}}", with: value)
                }
                let words = GuideSource.plainLine(expanded).split(separator: " ").map(String.init)
                for name in BuiltHTML.matches(of: Self.placeholderPattern, in: String(line)) {
                    guard let value = values[name], let at = words.firstIndex(where: { $0.contains(value) }) else { continue }
                    let phrase = words[max(0, at - 2)...min(words.count - 1, at + 2)].joined(separator: " ")
                    XCTAssertTrue(text.contains(phrase), "\(page.outputPath) does not read \"\(phrase)\" (from \(name))")
                    checked += 1
                }
            }
        }
        // The home page, the questionnaire page and doing-both quote the bands.
        XCTAssertGreaterThanOrEqual(checked, 10)
    }

    func testNoMarkdownTypesABandEdgeOrTheMaximumByHand() throws {
        let built = try BuiltDefaultSite()
        let questionnaire = try Self.questionnaire(of: built.site)
        // Edges and maximum large enough not to be ordinary small numbers in the prose.
        let edges = Set(questionnaire.bands.flatMap { [$0.min, $0.max] } + [questionnaire.totalRange.upperBound]).filter { $0 >= 10 }
        XCTAssertFalse(edges.isEmpty)
        for page in built.guides {
            let scoringWords = page.language.wording.scoringWords
            for (number, line) in page.prose.split(separator: "\n").enumerated() {
                let plain = String(line).replacingOccurrences(of: Self.placeholderPattern, with: "§", options: .regularExpression)
                for edge in edges {
                    let typed = #"(?i)(\b"# + scoringWords + #"\b[^.\n]{0,60}(?<![\w.])"# + String(edge) + #"(?![\w])|(?<![\w.])"# + String(edge)
                        + #"(?![\w])[^.\n]{0,60}\b"# + scoringWords + #"\b)"#
                    XCTAssertNil(plain.range(of: typed, options: .regularExpression),
                                 "\(page.contentPath): body line \(number + 1) types \(edge) next to scoring words; use {{scoring.…}}: \(line)")
                }
            }
        }
    }

    /// A translation's pages print the same numbers with that language's labels: the band and
    /// region labels come from its catalogue, `content/questionnaire.<code>.yml`.
    static func inLanguage(_ language: GuideLanguage, _ values: [String: String], of site: TemporarySite) throws -> [String: String] {
        guard !language.isDefault else { return values }
        let catalogue = try Yams.load(yaml: site.read("content/questionnaire.\(language.code).yml")) as? [String: Any] ?? [:]
        var translated = values
        for kind in ["band", "region"] {
            for (id, words) in catalogue[kind + "s"] as? [String: Any] ?? [:] {
                let label = try XCTUnwrap((words as? [String: Any])?["label"] as? String, "\(language.code) catalogue: \(kind) \(id) has no label")
                XCTAssertNotNil(translated["scoring.\(kind).\(id).label"], "\(language.code) catalogue names an unknown \(kind) \(id)")
                translated["scoring.\(kind).\(id).label"] = label
            }
        }
        return translated
    }

    static func questionnaire(of site: TemporarySite) throws -> Questionnaire {
        try YAMLDecoder().decode(Questionnaire.self, from: site.read("content/questionnaire.yml"))
    }

    /// The values the scoring module hands the build, cross-checked against `crossroads score`.
    static func placeholderValues(of site: TemporarySite) throws -> [String: String] {
        let questionnaire = try questionnaire(of: site)
        let values = questionnaire.placeholderValues()
        let lowest = Array(repeating: String(questionnaire.scale.min), count: questionnaire.items.count).joined(separator: ",")
        let scored = try site.score(["--answers", lowest, "--json"])
        XCTAssertEqual(scored.exitCode, 0, scored.stderr)
        let band = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: Any])?["band"] as? [String: Any])
        let id = try XCTUnwrap(band["id"] as? String)
        XCTAssertEqual(values["scoring.band.\(id).min"], (band["min"] as? Int).map(String.init))
        XCTAssertEqual(values["scoring.band.\(id).max"], (band["max"] as? Int).map(String.init))
        return values
    }
}
