import XCTest

/// Each of the five sources is credited on every page that uses its figures or names, and the
/// sources page lists all five.
final class GuidesSourcesTests: XCTestCase {
    struct Source {
        let id: String
        let title: String
        /// Names and figures that only this source supplies: a page mentioning one uses it.
        let markers: [String]
    }

    static let sources = [
        Source(id: "S1", title: "Career in Management, Mastery, or Both?",
               markers: ["up or out", "go far", "two full-time jobs", "basketball coach"]),
        Source(id: "S2", title: "Technical Vs Management Career Path: Which Is Better For You?",
               markers: ["Feriotti", "coffee chat", "coffee-chat", "three to four years", "3-4 years", "work-life balance"]),
        Source(id: "S3", title: "How to Avoid the Pitfalls of Becoming a Manager When You Love Technical Work",
               markers: ["Tianyu", "Wang", "People follow leaders"]),
        Source(id: "S4", title: "Building Mastery: What Leaders Do That Helps — or Impedes",
               markers: ["Sennett", "Gratton", "micro skill", "HSM Advisory", "Sloan", "96 attendees", "23 countries", "52%", "52 percent", "44%", "44 percent"]),
        Source(id: "S5", title: "The Engineer/Manager Pendulum",
               markers: ["Charity Majors", "Majors,", "Majors "]),
    ]

    func testEveryPageThatUsesASourceCreditsItUnderASourcesHeading() throws {
        let built = try BuiltDefaultSite()
        var credited = 0
        for page in built.guides where page.contentPath != "sources.md" {
            let (prose, sourcesSection) = page.proseAndSourcesSection
            let used = Self.sources.filter { source in source.markers.contains { prose.localizedCaseInsensitiveContains($0) } }
            guard !used.isEmpty else { continue }
            let section = try XCTUnwrap(sourcesSection, "\(page.contentPath) uses \(used.map(\.id)) but has no \"## Sources\" section")
            // The built page shows the heading and, under it, each title.
            let html = try built.html(page.outputPath)
            let builtSection = try XCTUnwrap(html.range(of: "<h2 id=\"sources\">").map { BuiltHTML.plainText(String(html[$0.lowerBound...])) },
                                             "\(page.outputPath) has no Sources heading")
            for source in used {
                XCTAssertTrue(section.contains(source.title), "\(page.contentPath) uses \(source.id) but does not list \"\(source.title)\"")
                XCTAssertTrue(builtSection.contains(source.title), "\(page.outputPath) does not show \"\(source.title)\" under Sources")
                credited += 1
            }
        }
        // The markers must actually fire, or this test would pass on a site that cites nothing.
        XCTAssertGreaterThanOrEqual(credited, 10)
    }

    func testTheSourcesPageListsAllFiveWithAuthorAndYearWhereKnown() throws {
        let built = try BuiltDefaultSite()
        let text = BuiltHTML.plainText(try built.html("sources/index.html"))
        for source in Self.sources {
            XCTAssertTrue(text.contains(source.title), "sources page does not list \(source.id) \"\(source.title)\"")
        }
        for credit in ["Arthur Feriotti", "Tianyu Wang, 2023", "Charity Majors, 2017", "October 2024", "HSM Advisory", "Lynda Gratton", "Living Strategy"] {
            XCTAssertTrue(text.contains(credit), "sources page lacks \"\(credit)\"")
        }
    }
}
