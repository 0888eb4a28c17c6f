import XCTest

/// The default guides are a complete site: every kind has its pages, every page carries real
/// guidance, the kind indexes have intros, and `crossroads check` finds nothing broken.
final class GuidesCoverageTests: XCTestCase {
    static let minimumPagesPerKind = ["comparison": 4, "pitfall": 4, "pendulum": 4, "mastery-stage": 5]
    static let sectionFolders = ["comparisons", "pitfalls", "pendulum", "mastery"]

    func testEveryKindHasItsPagesAndEveryPageHasAtLeast400WordsOfProse() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            let pages = built.pages(in: language)
            XCTAssertGreaterThanOrEqual(pages.count, 14, "guide pages in \(language.code): \(pages.map(\.contentPath))")

            for (kind, minimum) in Self.minimumPagesPerKind {
                let ofKind = pages.filter { $0.kind == kind }
                XCTAssertGreaterThanOrEqual(ofKind.count, minimum, "\(kind) pages in \(language.code): \(ofKind.map(\.contentPath))")
                // The kind's index lists each of them.
                let folder = try XCTUnwrap(ofKind.first).originalPath.split(separator: "/").first.map(String.init) ?? ""
                let index = "\(language.outputPrefix)\(folder)/index.html"
                let listed = try GuidesNavigationTests.linkedPages(from: index, in: built)
                for page in ofKind {
                    XCTAssertTrue(listed.contains(page.outputPath), "\(index) does not link to \(page.contentPath)")
                }
            }

            for page in pages {
                XCTAssertGreaterThanOrEqual(page.proseWordCount, 400, "\(page.contentPath) has only \(page.proseWordCount) words")
                XCTAssertFalse(page.title.isEmpty, "\(page.contentPath) has no title")
                XCTAssertTrue(FileManager.default.fileExists(atPath: built.output.appendingPathComponent(page.outputPath).path),
                              "\(page.contentPath) was not built at \(page.outputPath)")
            }

            // The home page, doing both, the sources page and the questionnaire are there too.
            let paths = Set(pages.map(\.originalPath))
            for required in ["index.md", "doing-both.md", "sources.md", "questionnaire.md"] {
                XCTAssertTrue(paths.contains(required), "missing content/\(required) in \(language.code)")
            }
        }
    }

    func testEverySectionIndexHasAnIntroShownOnItsPage() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            for folder in Self.sectionFolders {
                let intro = try XCTUnwrap(built.guide("\(folder)/_index.md", in: language), "no \(folder)/_index.md in \(language.code)")
                XCTAssertFalse(intro.title.isEmpty, "\(intro.contentPath) has no title")
                XCTAssertGreaterThanOrEqual(intro.proseWordCount, 60, "\(intro.contentPath) intro is too thin")
                // Its first paragraph appears on the built index page.
                let firstLine = try XCTUnwrap(intro.prose.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
                let probe = GuideSource.plainLine(String(firstLine)).split(separator: " ").prefix(6).joined(separator: " ")
                let page = BuiltHTML.plainText(try built.html(intro.outputPath))
                XCTAssertTrue(page.contains(probe), "\(intro.outputPath) does not show its intro (\"\(probe)\")")
            }
        }
    }

    func testCheckReportsNothingBrokenOnTheDefaultSite() throws {
        let site = try TemporarySite()
        let result = try CrossroadsBinary.run(["check", "--source", site.root.path])
        XCTAssertEqual(result.exitCode, 0, "crossroads check failed:\n\(result.stdout)\(result.stderr)")
    }
}
