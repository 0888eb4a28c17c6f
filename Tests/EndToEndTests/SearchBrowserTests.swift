import XCTest

/// Search in headless Chromium on the built site opened from disk: the search page answers
/// `?q=`, and the header box lists hits as you type and takes you to one with the keyboard.
final class SearchBrowserTests: XCTestCase {
    func testSearchPageFromDiskFindsThePageHoldingAWordOfItsBody() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let probes = SearchWords.uniqueBodyWords(in: built.guides(in: built.defaultLanguage), otherTexts: try SearchWords.otherTexts(of: built.site))
        let probe = try XCTUnwrap(probes.first { $0.page.hasPrefix("pendulum/") } ?? probes.first)
        let searchPage = built.output.appendingPathComponent("search/index.html")
        let target = built.output.appendingPathComponent(probe.page).absoluteString
        let query = try XCTUnwrap(URL(string: searchPage.absoluteString + "?q=" + probe.word))

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: query)
            let links = try await driver.execute("return [...document.querySelectorAll('#search-results a')].map(a => a.href)", as: [String].self)
            XCTAssertEqual(links, [target], "results for \"\(probe.word)\"")
            let input = try await driver.property("value", of: driver.findElement(css: "#search-page-input"), as: String.self)
            XCTAssertEqual(input, probe.word, "the search box shows the query")
            let marked = try await driver.execute("return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent.toLowerCase())", as: [String].self)
            XCTAssertTrue(marked.contains(probe.word), "the snippet marks the word: \(marked)")
            let status = try await driver.text(of: driver.findElement(css: "#search-status"))
            XCTAssertTrue(status.hasPrefix("1 result"), status)

            // Following the result opens the page, which holds the word.
            try await driver.click(driver.findElement(css: "#search-results a"))
            let opened = try await driver.currentURL()
            XCTAssertEqual(opened, target)
            let body = try await driver.execute("return document.querySelector('main').textContent.toLowerCase()", as: String.self)
            XCTAssertTrue(body.contains(probe.word))
        }
    }

    func testHeaderSearchBoxListsResultsAsYouTypeAndEnterOpensOne() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let probes = SearchWords.uniqueBodyWords(in: built.guides(in: built.defaultLanguage), otherTexts: try SearchWords.otherTexts(of: built.site))
        let probe = try XCTUnwrap(probes.first { $0.page.hasPrefix("mastery/") } ?? probes.first)
        let startPage = try XCTUnwrap(built.pages(in: built.defaultLanguage).first { $0.kind == "pitfall" && $0.outputPath != probe.page })
        let target = built.output.appendingPathComponent(probe.page).absoluteString

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: built.output.appendingPathComponent(startPage.outputPath))
            let box = try await driver.findElement(css: "#site-search-input")
            let hiddenBefore = try await driver.execute("return !document.getElementById('search-popup') || document.getElementById('search-popup').hidden", as: Bool.self)
            XCTAssertTrue(hiddenBefore, "no results list before typing")

            try await driver.sendKeys(probe.word, to: box)
            let popup = try await driver.findElement(css: "#search-popup")
            let shown = try await driver.isDisplayed(popup)
            XCTAssertTrue(shown, "the results list opens while typing")
            let expanded = try await driver.execute("return document.getElementById('site-search-input').getAttribute('aria-expanded')", as: String.self)
            XCTAssertEqual(expanded, "true")
            let options = try await driver.execute("return [...document.querySelectorAll('#search-popup [role=option] a')].map(a => a.href)", as: [String].self)
            XCTAssertEqual(options.first, target, "first option for \"\(probe.word)\"")
            XCTAssertEqual(options.count, 2, "the one hit plus the link to all results: \(options)")
            XCTAssertTrue(options.last?.contains("search/index.html?q=\(probe.word)") == true, String(describing: options.last))

            // Keyboard: down to the hit, Enter opens it.
            try await driver.sendKeys("\u{E015}", to: box) // ArrowDown
            let selected = try await driver.execute("return document.getElementById('site-search-input').getAttribute('aria-activedescendant')", as: String.self)
            XCTAssertEqual(selected, "search-popup-0")
            try await driver.sendKeys(WebDriver.Key.enter, to: box)
            let opened = try await driver.currentURL()
            XCTAssertEqual(opened, target)
        }
    }

    /// search.js is one asset for every language; its words come from the page it runs on
    /// (`#search-words`, the theme strings `search_*`), so a German page counts in German.
    func testTheSearchScriptSpeaksThePagesLanguage() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite(allLanguages: true)
        try site.build()
        let searchPage = site.output.appendingPathComponent("de/search/index.html")
        let query = try XCTUnwrap(URL(string: searchPage.absoluteString + "?q=zzqxv"))

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: query)
            let status = try await driver.text(of: driver.findElement(css: "#search-status"))
            XCTAssertEqual(status, "0 Treffer für „zzqxv“")
            try await driver.sendKeys("zzqxv", to: driver.findElement(css: "#site-search-input"))
            let label = try await driver.execute("return document.getElementById('search-popup').getAttribute('aria-label')", as: String.self)
            XCTAssertEqual(label, "Suchergebnisse")
            let more = try await driver.execute("return document.querySelector('#search-popup .search-more').textContent", as: String.self)
            XCTAssertEqual(more, "Keine Treffer – alle Seiten durchsuchen")
        }
    }
}
