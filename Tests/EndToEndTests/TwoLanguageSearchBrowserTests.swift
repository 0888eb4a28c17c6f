import Foundation
import XCTest

/// Search per language in headless Chromium, on the two-language fixture opened from disk: a
/// search on a German page finds German pages, the German-only word among them, and never an
/// English page; the English search finds nothing German.
final class TwoLanguageSearchBrowserTests: XCTestCase {
    typealias Site = TwoLanguageSite

    func testASearchOnAGermanPageFindsGermanPagesOnly() async throws {
        try WebDriver.requireBrowser()
        let built = try Site(baseURL: nil)
        let output = built.output
        let germanPage = output.appendingPathComponent("de/pitfalls/no-training/index.html").absoluteString
        let resultsScript = "return [...document.querySelectorAll('#search-results a')].map(a => a.href)"

        try await WebDriver.withSession { driver in
            func search(_ page: String, _ word: String) async throws -> [String] {
                let address = try XCTUnwrap(URL(string: output.appendingPathComponent(page).absoluteString + "?q=" + word))
                try await driver.navigate(to: address)
                return try await driver.execute(resultsScript, as: [String].self)
            }
            let german = try await search("de/search/index.html", Site.germanOnlyWord)
            XCTAssertEqual(german, [germanPage], "the German search finds the German-only word on the German page")
            let englishOnly = try await search("de/search/index.html", Site.englishOnlyWord)
            XCTAssertEqual(englishOnly, [], "the German search returns no English page, nor the English text of a fallback")
            let shared = try await search("de/search/index.html", Site.sharedWord)
            XCTAssertEqual(shared, [germanPage], "a word of pages in both languages finds the German page alone")
            let fromEnglish = try await search("search/index.html", Site.germanOnlyWord)
            XCTAssertEqual(fromEnglish, [], "the English search holds no German page")

            // The header's box on a German page searches the German index too.
            try await driver.navigate(to: output.appendingPathComponent("de/pitfalls/index.html"))
            try await driver.sendKeys(Site.germanOnlyWord, to: driver.findElement(css: "#site-search-input"))
            let options = try await driver.execute("return [...document.querySelectorAll('#search-popup [role=option] a')].map(a => a.href)", as: [String].self)
            XCTAssertEqual(options.first, germanPage, "\(options)")
            XCTAssertTrue(options.last?.contains("de/search/index.html?q=") == true, "all results on the German search page: \(String(describing: options.last))")
        }
    }
}
