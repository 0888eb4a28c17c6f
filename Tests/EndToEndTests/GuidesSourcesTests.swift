import XCTest

/// Each of the five sources is credited on every page that uses its figures or names, in every
/// language, and each language's sources page lists all five. Sources keep their original titles.
final class GuidesSourcesTests: XCTestCase {
    struct Source {
        let id: String
        let title: String
        /// Names and figures that only this source supplies, the same in every language: a page
        /// mentioning one uses it (each language adds its own phrases: `GuideWording.sourceMarkers`).
        let names: [String]

        func markers(in language: GuideLanguage) -> [String] { names + (language.wording.sourceMarkers[id] ?? []) }
    }

    static let sources = [
        Source(id: "S1", title: "Career in Management, Mastery, or Both?", names: []),
        Source(id: "S2", title: "Technical Vs Management Career Path: Which Is Better For You?", names: ["Feriotti"]),
        Source(id: "S3", title: "How to Avoid the Pitfalls of Becoming a Manager When You Love Technical Work",
               names: ["Tianyu", "Wang", "People follow leaders"]),
        Source(id: "S4", title: "Building Mastery: What Leaders Do That Helps — or Impedes", names: ["Sennett", "Gratton", "HSM Advisory", "Sloan"]),
        Source(id: "S5", title: "The Engineer/Manager Pendulum", names: ["Charity Majors", "Majors,", "Majors "]),
    ]

    func testEveryPageThatUsesASourceCreditsItUnderASourcesHeading() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            var credited = 0
            let heading = language.wording.sourcesHeading
            for page in built.guides(in: language) where page.originalPath != "sources.md" {
                let (prose, sourcesSection) = page.proseAndSourcesSection
                let used = Self.sources.filter { source in source.markers(in: language).contains { prose.localizedCaseInsensitiveContains($0) } }
                guard !used.isEmpty else { continue }
                let section = try XCTUnwrap(sourcesSection, "\(page.contentPath) uses \(used.map(\.id)) but has no \"\(heading)\" section")
                // The built page shows the heading and, under it, each title.
                let html = try built.html(page.outputPath)
                let builtSection = try XCTUnwrap(html.range(of: "<h2 id=\"\(language.wording.sourcesHeadingID)\">").map { BuiltHTML.plainText(String(html[$0.lowerBound...])) },
                                                 "\(page.outputPath) has no \"\(heading)\" heading")
                for source in used {
                    XCTAssertTrue(section.contains(source.title), "\(page.contentPath) uses \(source.id) but does not list \"\(source.title)\"")
                    XCTAssertTrue(builtSection.contains(source.title), "\(page.outputPath) does not show \"\(source.title)\" under \"\(heading)\"")
                    credited += 1
                }
            }
            // The markers must actually fire, or this test would pass on a site that cites nothing.
            XCTAssertGreaterThanOrEqual(credited, 10, "sources credited in \(language.code)")
        }
    }

    func testTheSourcesPageListsAllFiveWithAuthorAndYearWhereKnown() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            let path = try XCTUnwrap(built.guide("sources.md", in: language), "no sources page in \(language.code)").outputPath
            let text = BuiltHTML.plainText(try built.html(path))
            for source in Self.sources {
                XCTAssertTrue(text.contains(source.title), "\(path) does not list \(source.id) \"\(source.title)\"")
            }
            for credit in ["Arthur Feriotti", "Tianyu Wang, 2023", "Charity Majors, 2017", language.wording.surveyMonth, "HSM Advisory", "Lynda Gratton", "Living Strategy"] {
                XCTAssertTrue(text.contains(credit), "\(path) lacks \"\(credit)\"")
            }
        }
    }
}
