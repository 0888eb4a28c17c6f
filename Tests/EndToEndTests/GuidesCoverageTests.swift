import XCTest

/// The default guides are a complete site: every kind has its pages, every page carries real
/// guidance, the kind indexes have intros, and `crossroads check` finds nothing broken.
final class GuidesCoverageTests: XCTestCase {
    static let minimumPagesPerKind = ["comparison": 4, "pitfall": 4, "pendulum": 4, "mastery-stage": 5]
    static let sectionFolders = ["comparisons", "pitfalls", "pendulum", "mastery"]

    func testEveryKindHasItsPagesAndEveryPageHasAtLeast400WordsOfProse() throws {
        let built = try BuiltDefaultSite()
        let pages = built.pages
        XCTAssertGreaterThanOrEqual(pages.count, 14, "guide pages: \(pages.map(\.contentPath))")

        for (kind, minimum) in Self.minimumPagesPerKind {
            let ofKind = pages.filter { $0.kind == kind }
            XCTAssertGreaterThanOrEqual(ofKind.count, minimum, "\(kind) pages: \(ofKind.map(\.contentPath))")
            // The kind's index lists each of them.
            let folder = try XCTUnwrap(ofKind.first).contentPath.split(separator: "/").first.map(String.init) ?? ""
            let listed = try GuidesNavigationTests.linkedPages(from: "\(folder)/index.html", in: built)
            for page in ofKind {
                XCTAssertTrue(listed.contains(page.outputPath), "\(folder)/index.html does not link to \(page.contentPath)")
            }
        }

        for page in pages {
            XCTAssertGreaterThanOrEqual(page.proseWordCount, 400, "\(page.contentPath) has only \(page.proseWordCount) words")
            XCTAssertFalse(page.title.isEmpty, "\(page.contentPath) has no title")
            XCTAssertTrue(FileManager.default.fileExists(atPath: built.output.appendingPathComponent(page.outputPath).path),
                          "\(page.contentPath) was not built at \(page.outputPath)")
        }

        // The home page, doing both, the sources page and the questionnaire are there too.
        let paths = Set(pages.map(\.contentPath))
        for required in ["index.md", "doing-both.md", "sources.md", "questionnaire.md"] {
            XCTAssertTrue(paths.contains(required), "missing content/\(required)")
        }
    }

    func testEverySectionIndexHasAnIntroShownOnItsPage() throws {
        let built = try BuiltDefaultSite()
        for folder in Self.sectionFolders {
            let intro = try XCTUnwrap(built.guides.first { $0.contentPath == "\(folder)/_index.md" }, "no content/\(folder)/_index.md")
            XCTAssertFalse(intro.title.isEmpty, "\(folder)/_index.md has no title")
            XCTAssertGreaterThanOrEqual(intro.proseWordCount, 60, "\(folder)/_index.md intro is too thin")
            // Its first paragraph appears on the built index page.
            let firstLine = try XCTUnwrap(intro.prose.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            let probe = GuideSource.plainLine(String(firstLine)).split(separator: " ").prefix(6).joined(separator: " ")
            let page = BuiltHTML.plainText(try built.html("\(folder)/index.html"))
            XCTAssertTrue(page.contains(probe),
                          "\(folder)/index.html does not show its intro (\"\(probe)\")")
        }
    }

    func testCheckReportsNothingBrokenOnTheDefaultSite() throws {
        let site = try TemporarySite()
        let result = try CrossroadsBinary.run(["check", "--source", site.root.path])
        XCTAssertEqual(result.exitCode, 0, "crossroads check failed:\n\(result.stdout)\(result.stderr)")
    }
}
