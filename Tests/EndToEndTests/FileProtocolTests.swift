import Foundation
import XCTest

/// The default site opened straight from disk (file://, no server), as when someone unzips
/// `public/` and double-clicks index.html: links, search and the questionnaire must all work.
final class FileProtocolTests: XCTestCase {
    func testNavigatingAndSearchingFromDisk() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let home = output.appendingPathComponent("index.html")

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: home)
            let homeTitle = try await driver.text(of: driver.findElement(css: "h1"))

            // Home -> a pitfall guide, through the link in the home page's section list.
            let link = try await driver.execute(
                "const a = [...document.querySelectorAll('main li > a')].find(a => /^\\.\\/pitfalls\\/[^/]+\\/index\\.html$/.test(a.getAttribute('href'))); return a ? [a.getAttribute('href'), a.textContent] : []",
                as: [String].self)
            XCTAssertEqual(link.count, 2, "the home page lists pitfall guides")
            guard link.count == 2 else { return }
            try await driver.click(driver.findElement(css: "main li > a[href='\(link[0])']"))
            let guideURL = try await driver.currentURL()
            XCTAssertEqual(guideURL, output.appendingPathComponent(String(link[0].dropFirst(2))).absoluteString)
            XCTAssertTrue(guideURL.hasSuffix("/index.html"), guideURL)
            let guideTitle = try await driver.text(of: driver.findElement(css: "h1"))
            XCTAssertEqual(guideTitle, link[1])

            // Back up through the header: the Pitfalls section, then the site title home.
            try await driver.click(driver.findElement(css: ".site-nav a[href='../../pitfalls/index.html']"))
            let sectionURL = try await driver.currentURL()
            XCTAssertEqual(sectionURL, output.appendingPathComponent("pitfalls/index.html").absoluteString)
            let sectionLinks = try await driver.execute("return [...document.querySelectorAll('main a')].map(a => a.href)", as: [String].self)
            XCTAssertTrue(sectionLinks.contains(guideURL), "the section lists the guide we came from")
            try await driver.click(driver.findElement(css: ".site-title"))
            let homeURL = try await driver.currentURL()
            XCTAssertEqual(homeURL, home.absoluteString)
            let homeTitleAgain = try await driver.text(of: driver.findElement(css: "h1"))
            XCTAssertEqual(homeTitleAgain, homeTitle)

            // Search from the header box: Enter opens search/index.html?q=… with results on disk.
            try await driver.sendKeys("feedback" + WebDriver.Key.enter, to: driver.findElement(css: "#site-search-input"))
            let ready = try await driver.waitUntil("location.pathname.endsWith('/search/index.html') && document.querySelectorAll('#search-results a').length > 0")
            XCTAssertTrue(ready, "search results appeared")
            let searchURL = try await driver.currentURL()
            XCTAssertTrue(searchURL.hasPrefix(output.appendingPathComponent("search/index.html").absoluteString + "?q=feedback"), searchURL)
            let results = try await driver.execute("return [...document.querySelectorAll('#search-results a')].map(a => a.href)", as: [String].self)
            XCTAssertFalse(results.isEmpty)
            for result in results {
                let target = URL(string: result.components(separatedBy: "#")[0])
                XCTAssertEqual(target?.isFileURL, true, result)
                XCTAssertTrue(target.map { FileManager.default.fileExists(atPath: $0.path) } ?? false, "\(result) is not a built file")
            }
            try await driver.click(driver.findElement(css: "#search-results a"))
            let openedURL = try await driver.currentURL()
            XCTAssertEqual(openedURL.components(separatedBy: "#")[0], results[0].components(separatedBy: "#")[0])
            let openedText = try await driver.execute("return document.querySelector('main').textContent.toLowerCase()", as: String.self)
            XCTAssertTrue(openedText.contains("feedback"), "the result page mentions the query")
        }
    }

    func testQuestionnaireCompletesFromDisk() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let answers = QuestionnaireBrowserTests.answers
        let expected = try ScoreReportJSON.decode(site.score(["--answers", answers.map(String.init).joined(separator: ","), "--json"]).stdout)

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("index.html"))
            try await driver.click(driver.findElement(css: ".site-nav a[href='./questionnaire/index.html']"))
            let url = try await driver.currentURL()
            XCTAssertEqual(url, output.appendingPathComponent("questionnaire/index.html").absoluteString)
            try await driver.answerQuestionnaire(answers)
            let shown = try await driver.execute("return !document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(shown, "the result is shown")
            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(label, expected.band.label)
            let nextLinks = try await driver.execute(
                "return [...document.querySelectorAll('.qn-band-text:not([hidden]) .qn-next-links a')].map(a => a.href)", as: [String].self)
            XCTAssertFalse(nextLinks.isEmpty, "the result points to guides")
            for link in nextLinks {
                XCTAssertTrue(URL(string: link).map { FileManager.default.fileExists(atPath: $0.path) } ?? false, link)
            }
        }
    }
}
