import Foundation
import XCTest

/// Every source is credited with what it says and nothing else: no invented citation or detail,
/// the right source for each fact, the sources' hedges kept, the survey's respondents named before
/// lessons are drawn from them, and the illustrative stories marked as composites. Checked on the
/// built default site in every language (each with its own wording, `GuideWording`), so a fix that
/// never reaches a page does not count.
final class GuidesAttributionTests: XCTestCase {
    static let s1 = "Career in Management, Mastery, or Both?"
    static let s2 = "Technical Vs Management Career Path: Which Is Better For You?"
    static let s4 = "Building Mastery: What Leaders Do That Helps — or Impedes"

    /// Invented citations in any language (a book and a year the column does not give); each
    /// language adds its own wording (`GuideWording.inventedOrCopied`).
    static let inventedInAnyLanguage = ["The Craftsman", "2008"]

    func testNoPageCarriesAnInventedCitationOrDetail() throws {
        let built = try BuiltDefaultSite()
        for page in built.guides {
            let text = BuiltHTML.plainText(try built.html(page.outputPath))
            for phrase in Self.inventedInAnyLanguage + page.language.wording.inventedOrCopied {
                XCTAssertFalse(text.localizedCaseInsensitiveContains(phrase), "\(page.outputPath) still says \"\(phrase)\"")
            }
        }
    }

    func testEveryPageCreditingS4NamesLyndaGrattonAndTheColumn() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            var pages = 0
            for page in built.guides(in: language) {
                guard let section = page.proseAndSourcesSection.sources, section.contains(Self.s4) else { continue }
                pages += 1
                for credit in ["Lynda Gratton", "MIT Sloan Management Review", "2024"] {
                    XCTAssertTrue(section.contains(credit), "\(page.contentPath) credits S4 without \"\(credit)\"")
                }
            }
            XCTAssertGreaterThanOrEqual(pages, 6, "\(language.code): the mastery section and its five pages all use S4")
            let sourcesPage = try XCTUnwrap(built.guide("sources.md", in: language)).outputPath
            let sources = BuiltHTML.plainText(try built.html(sourcesPage))
            for credit in ["Lynda Gratton", "HSM Advisory", "Living Strategy", "Richard Sennett"] {
                XCTAssertTrue(sources.contains(credit), "\(sourcesPage) does not name \(credit)")
            }
        }
    }

    /// The management ladder's steps and the hybrid early steps are S2's, and S2 names no staff rung.
    func testTheLaddersAreCreditedToS2WhichNamesNoStaffRung() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            let wording = language.wording
            let ladders = try XCTUnwrap(built.guide("comparisons/ladders.md", in: language), "ladders in \(language.code)")
            let credits = try XCTUnwrap(ladders.proseAndSourcesSection.sources, ladders.contentPath)
            let s1Line = credits.split(separator: "\n").first { $0.contains(Self.s1) }.map(String.init) ?? ""
            let s2Line = try XCTUnwrap(credits.split(separator: "\n").first { $0.contains(Self.s2) }.map(String.init), ladders.contentPath)
            for claim in wording.ladderClaims {
                XCTAssertTrue(s2Line.contains(claim), "\(ladders.contentPath) does not credit S2 with \"\(claim)\"")
                XCTAssertFalse(s1Line.contains(claim), "\(ladders.contentPath) still credits S1 with \"\(claim)\"")
            }
            let sources = try XCTUnwrap(built.guide("sources.md", in: language), "sources in \(language.code)")
            // Link targets dropped: a page's address (`unstable-hybrid`) is not a claim.
            let s1Section = GuideSource.plainLine(try Self.section(titled: "S1", in: sources.body))
            let s2Section = GuideSource.plainLine(try Self.section(titled: "S2", in: sources.body))
            XCTAssertTrue(s2Section.contains(wording.ladderClaims[0]) && s2Section.contains(wording.ladderFirstSteps), "\(sources.contentPath): S2 lacks the ladder")
            XCTAssertFalse(wording.ladderClaims.contains { s1Section.contains($0) }, "\(sources.contentPath) still credits S1 with the ladder")

            // Wherever S2 is credited or named, "staff" appears only to say that S2 does not name it.
            for page in built.guides(in: language) {
                let (prose, credits) = page.proseAndSourcesSection
                var claims = (credits ?? "").split(separator: "\n").filter { $0.contains(Self.s2) }.map(String.init)
                claims += Self.sentences(of: prose).filter { $0.contains("Feriotti") }
                if page.originalPath == "sources.md" { claims.append(s2Section) }
                for claim in claims {
                    let rest = GuideSource.plainLine(claim).replacingOccurrences(of: GuideSource.plainLine(wording.noStaffRung), with: "")
                    XCTAssertFalse(rest.localizedCaseInsensitiveContains("staff"), "\(page.contentPath) credits S2 with a staff rung: \(claim)")
                }
            }
        }
    }

    /// "up or out" keeps its "out", S2's span stays "harder" rather than a cutoff, and "going with
    /// the flow" means following peers and seniors: checked in every paragraph that uses them, in
    /// each language's words.
    func testTheSourcesHedgesAreKept() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            var checked = 0
            for page in built.guides(in: language) {
                for paragraph in Self.paragraphs(of: page.body) where !paragraph.hasPrefix("#") {
                    for rule in language.wording.hedges where paragraph.range(of: rule.pattern, options: [.regularExpression, .caseInsensitive]) != nil {
                        checked += 1
                        for word in rule.mustSay {
                            XCTAssertTrue(paragraph.localizedCaseInsensitiveContains(word), "\(page.contentPath): a paragraph with \"\(rule.pattern)\" lacks \"\(word)\": \(paragraph)")
                        }
                        for word in rule.mustNotSay {
                            XCTAssertFalse(paragraph.localizedCaseInsensitiveContains(word), "\(page.contentPath): \"\(word)\" beside \"\(rule.pattern)\": \(paragraph)")
                        }
                    }
                }
            }
            XCTAssertGreaterThanOrEqual(checked, 10, "hedged paragraphs in \(language.code)")
        }
    }

    /// A page that quotes S4's survey says who answered it before its first chart or lesson.
    func testTheSurveysRespondentsAreNamedBeforeItsFigures() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            var pages = 0
            for page in built.guides(in: language) where page.body.contains("```chart") && page.body.contains("Building Mastery") {
                pages += 1
                let beforeChart = String(page.body[..<(page.body.range(of: "```chart")?.lowerBound ?? page.body.startIndex)])
                for field in language.wording.surveyFields {
                    XCTAssertTrue(beforeChart.contains(field), "\(page.contentPath) quotes the survey before saying respondents came from \(field)")
                }
            }
            XCTAssertEqual(pages, 2, "\(language.code): how-mastery-is-built and organizations-and-ai quote the survey")
        }
    }

    /// The missing ideas each got a section with one composite story, marked as illustrative and
    /// never attributed to a source or a real person.
    func testEachNewSectionHasOneMarkedCompositeStory() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            let wording = language.wording
            for section in wording.storySections {
                let page = try XCTUnwrap(built.guide(section.page, in: language), "\(section.page) in \(language.code)")
                let body = try Self.section(heading: section.heading, in: page.body)
                let stories = Self.paragraphs(of: body).filter { $0.hasPrefix("> **\(wording.storyMarker)**") }
                XCTAssertEqual(stories.count, 1, "\(page.contentPath) \(section.heading) has \(stories.count) stories")
                let html = try built.html(page.outputPath)
                XCTAssertNotNil(html.range(of: #"<blockquote>\s*<p><strong>"# + wording.storyMarker + "</strong>", options: .regularExpression),
                                "\(page.outputPath) does not show the story as a marked quotation")
            }
            var stories = 0
            for page in built.guides(in: language) {
                for story in Self.paragraphs(of: page.body) where story.contains("**\(wording.storyMarker)**") {
                    stories += 1
                    XCTAssertTrue(wording.storyDisclaimers.allSatisfy { story.contains($0) }, "\(page.contentPath): \(story)")
                    for name in ["Feriotti", "Majors", "Wang", "Gratton", "Sennett", "Larson"] + wording.storySourceWords {
                        XCTAssertFalse(story.contains(name), "\(page.contentPath) ties a story to \(name)")
                    }
                }
                if page.body.contains("**\(wording.storyMarker)**") {
                    let credits = page.proseAndSourcesSection.sources ?? ""
                    XCTAssertNotNil(credits.range(of: wording.storyCreditPattern, options: .regularExpression),
                                    "\(page.contentPath) does not say its story is not a source's")
                }
            }
            XCTAssertGreaterThanOrEqual(stories, wording.storySections.count, "stories in \(language.code)")
        }
    }

    /// The missing ideas are on the site: S5's case for management and the cost of forced
    /// managers, an honest going back (saying it is general knowledge), S2's motives.
    func testTheMissingIdeasAreCovered() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            for (path, words) in language.wording.missingIdeas {
                let page = try XCTUnwrap(built.guide(path, in: language), "\(path) in \(language.code)")
                let text = BuiltHTML.plainText(try built.html(page.outputPath))
                for word in words {
                    XCTAssertTrue(text.localizedCaseInsensitiveContains(word), "\(page.outputPath) lacks \"\(word)\"")
                }
            }
        }
    }

    // MARK: - Reading Markdown

    /// Blocks of lines separated by blank lines, each joined into one line.
    static func paragraphs(of markdown: String) -> [String] {
        markdown.components(separatedBy: "\n\n").map {
            $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    static func sentences(of text: String) -> [String] {
        paragraphs(of: text).flatMap { $0.components(separatedBy: ". ") }
    }

    /// The text under `## S1: …` (for the sources page) up to the next `## `.
    static func section(titled id: String, in body: String) throws -> String {
        try section(heading: "## \(id):", in: body)
    }

    static func section(heading: String, in body: String) throws -> String {
        guard let start = body.range(of: "\n" + heading) else { throw SupportError("no \"\(heading)\" section") }
        let rest = body[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}
