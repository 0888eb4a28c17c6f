import XCTest

/// Every page is reachable from its language's home page within two clicks, following the links a
/// visitor sees in the built HTML.
final class GuidesNavigationTests: XCTestCase {
    func testEveryPageIsWithinTwoClicksOfTheHomePage() throws {
        let built = try BuiltDefaultSite()
        for language in built.languages {
            let prefix = language.outputPrefix
            let home = prefix + "index.html"
            let firstClick = try Self.linkedPages(from: home, in: built)
            var reachable = firstClick.union([home])
            for page in firstClick {
                reachable.formUnion(try Self.linkedPages(from: page, in: built))
            }

            let expected = built.guides(in: language).map(\.outputPath) + [prefix + "search/index.html", prefix + "tags/index.html"]
            for page in expected {
                XCTAssertTrue(reachable.contains(page), "\(page) is more than two clicks from \(home)")
            }
            // The home page links straight into each of the three routes and the questionnaire.
            for direct in ["comparisons/index.html", "pendulum/index.html", "mastery/index.html", "questionnaire/index.html"].map({ prefix + $0 }) {
                XCTAssertTrue(firstClick.contains(direct), "\(home) does not link to \(direct)")
            }
        }
    }

    /// Site pages (as output paths such as `pitfalls/x/index.html`) that `page` links to.
    static func linkedPages(from page: String, in built: BuiltDefaultSite) throws -> Set<String> {
        let base = built.output.appendingPathComponent(page)
        var found: Set<String> = []
        for href in BuiltHTML.hrefs(in: try built.html(page)) {
            guard !href.hasPrefix("#"), !href.contains("://"), !href.hasPrefix("mailto:"),
                  let resolved = URL(string: href, relativeTo: base)?.standardizedFileURL else { continue }
            var path = resolved.path
            if path.hasSuffix("/") { path += "index.html" }
            let root = built.output.standardizedFileURL.path + "/"
            guard path.hasPrefix(root), path.hasSuffix(".html") else { continue }
            found.insert(String(path.dropFirst(root.count)))
        }
        return found
    }
}
