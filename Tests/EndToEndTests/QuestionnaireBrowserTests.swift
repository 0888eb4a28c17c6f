import XCTest

/// The built questionnaire page in headless Chromium, driven like a person: clicking radios,
/// pressing Next, reading the result, reloading, opening the shared link.
final class QuestionnaireBrowserTests: XCTestCase {
    /// Answers totalling 91 ("both"), with reverse-keyed items on both sides of the scale.
    static let answers = [7, 3, 10, 8, 6, 2, 5, 9, 4, 1, 10, 0, 3, 7, 6]

    /// The id of the statement after the one at `index`, read from the built page's order.
    private var itemOrder: [String] = []
    private func visibleAfter(_ index: Int) -> String { index + 1 < itemOrder.count ? itemOrder[index + 1] : "" }

    func testAnsweringByClickingMatchesScoreCommandResumesSharesAndStaysOffline() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html")
        let expected = try ScoreReportJSON.decode(site.score(["--answers", Self.answers.map(String.init).joined(separator: ","), "--json"]).stdout)

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page)
            _ = try await driver.requestedURLs() // start the network record at the page we opened
            try await driver.navigate(to: page)

            // One statement at a time is the default: answer each, then Next (Enter on the last).
            let progress = try await driver.findElement(css: "#qn-progress-text")
            let startText = try await driver.text(of: progress)
            XCTAssertTrue(startText.hasPrefix("Statement 1 of 15"), startText)
            let fieldsets = try await driver.findElements(css: ".qn-item")
            XCTAssertEqual(fieldsets.count, Self.answers.count)
            itemOrder = try await driver.execute("return [...document.querySelectorAll('.qn-item')].map(f => f.dataset.item)", as: [String].self)
            for (index, answer) in Self.answers.enumerated() {
                let visible = try await driver.execute(
                    "return [...document.querySelectorAll('.qn-item')].filter(f => !f.hidden).map(f => f.dataset.item)", as: [String].self)
                XCTAssertEqual(visible.count, 1, "one statement at a time")
                let item = try XCTUnwrap(visible.first)
                try await driver.click(driver.findElement(css: "label[for='q-\(item)-\(answer)']"))
                if index < Self.answers.count - 1 {
                    try await driver.click(driver.findElement(css: "#qn-next"))
                    let focused = try await driver.execute(
                        "const a = document.activeElement; return a.tagName + ' ' + (a.closest('fieldset') ? a.closest('fieldset').dataset.item : '')", as: String.self)
                    XCTAssertEqual(focused, "LEGEND " + visibleAfter(index), "focus moves to the next statement's legend")
                } else {
                    try await driver.click(driver.findElement(css: "#qn-submit"))
                }
            }

            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            let totalText = try await driver.text(of: driver.findElement(css: "#qn-total"))
            XCTAssertEqual(label, expected.band.label)
            XCTAssertTrue(totalText.contains("Your total is \(expected.total),"), totalText)
            let announced = try await driver.execute("return new Promise(r => setTimeout(() => r(document.getElementById('qn-live').textContent), 120))", as: String.self)
            XCTAssertTrue(announced.contains(expected.band.label), "aria-live says the result: \(announced)")
            let markers = try await driver.execute("return document.querySelectorAll('#qn-spectrum svg rect.qn-seg').length", as: Int.self)
            XCTAssertEqual(markers, 3, "one spectrum segment per band")
            let pulls = try await driver.findElements(css: "#qn-pulls li")
            XCTAssertEqual(pulls.count, expected.strongest_pulls?.count)

            let link = try await driver.execute("return document.getElementById('qn-share-url').value", as: String.self)
            XCTAssertTrue(link.hasSuffix("#r=v2:" + Self.answers.map(String.init).joined(separator: ",")), link)

            // Reload: the saved answers come back and the result shows again.
            try await driver.navigate(to: page)
            let checked = try await driver.execute(
                "return [...document.querySelectorAll('.qn-item')].map(f => { const c = f.querySelector('input:checked'); return c ? Number(c.value) : -1 })", as: [Int].self)
            XCTAssertEqual(checked, Self.answers, "answers resumed from storage")
            let resumedLabel = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(resumedLabel, expected.band.label)

            // Start over clears them.
            try await driver.click(driver.findElement(css: "#qn-restart"))
            let cleared = try await driver.execute("return document.querySelectorAll('.qn-item input:checked').length", as: Int.self)
            XCTAssertEqual(cleared, 0)

            // The shared link, opened fresh, shows the same result.
            try await driver.navigate(to: "about:blank")
            try await driver.navigate(to: link)
            let sharedLabel = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            let sharedTotal = try await driver.text(of: driver.findElement(css: "#qn-total"))
            XCTAssertEqual(sharedLabel, expected.band.label)
            XCTAssertEqual(sharedTotal, totalText)

            // A link made for another version is refused with a note.
            try await driver.navigate(to: "about:blank")
            try await driver.navigate(to: page.absoluteString + "#r=v99:" + Self.answers.map(String.init).joined(separator: ","))
            let note = try await driver.text(of: driver.findElement(css: "#qn-note"))
            XCTAssertTrue(note.contains("version 99"), note)
            let resultHidden = try await driver.execute("return document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(resultHidden)

            // Every request went to the built site's own files.
            let requested = try await driver.requestedURLs()
            XCTAssertFalse(requested.isEmpty, "the performance log recorded nothing")
            let outputPrefix = output.absoluteString
            let foreign = requested.filter { !$0.hasPrefix(outputPrefix) && $0 != "about:blank" && !$0.hasPrefix("data:") }
            XCTAssertEqual(foreign, [], "requests outside the site")
            XCTAssertTrue(requested.contains { $0.contains("/assets/questionnaire.") && $0.hasSuffix(".js") })
        }
    }

    /// Keyboard only: choose with the arrow keys, move on with Enter.
    func testKeyboardEnterMovesToTheNextStatement() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("questionnaire/index.html"))
            let first = try await driver.findElement(css: "#q-own-hands-5")
            try await driver.sendKeys(" ", to: first)
            try await driver.pressKeys(WebDriver.Key.enter)
            let progress = try await driver.text(of: driver.findElement(css: "#qn-progress-text"))
            XCTAssertTrue(progress.hasPrefix("Statement 2 of 15 · 1 answered"), progress)
            let focused = try await driver.execute("return document.activeElement.tagName + ' ' + document.activeElement.closest('fieldset').dataset.item", as: String.self)
            XCTAssertEqual(focused, "LEGEND long-blocks")
        }
    }

    /// "All statements" shows every statement at once, and the choice survives a reload.
    func testAllAtOnceModeIsRemembered() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html")
        let visibleCount = "return [...document.querySelectorAll('.qn-item')].filter(f => !f.hidden).length"
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page)
            let before = try await driver.execute(visibleCount, as: Int.self)
            XCTAssertEqual(before, 1)
            try await driver.click(driver.findElement(css: "input[name='qn-mode'][value='all']"))
            let all = try await driver.execute(visibleCount, as: Int.self)
            XCTAssertEqual(all, 15)
            try await driver.refresh()
            let afterReload = try await driver.execute(visibleCount, as: Int.self)
            XCTAssertEqual(afterReload, 15, "the mode is remembered")
            let progress = try await driver.text(of: driver.findElement(css: "#qn-progress-text"))
            XCTAssertEqual(progress, "0 of 15 answered")
        }
    }

    /// Where localStorage throws (a sandboxed iframe, some private modes) the page keeps answers
    /// in memory instead. Chromium is made to throw on every access before the page's scripts run.
    func testWorksWhereStorageThrows() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: [
                "source": "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError') } })",
            ])
            try await driver.navigate(to: output.appendingPathComponent("questionnaire/index.html"))
            let storage = try await driver.execute("try { localStorage.length; return 'usable' } catch (e) { return 'threw' }", as: String.self)
            XCTAssertEqual(storage, "threw")
            try await driver.click(driver.findElement(css: "label[for='q-own-hands-7']"))
            try await driver.click(driver.findElement(css: "#qn-next"))
            try await driver.click(driver.findElement(css: "#qn-back"))
            let progress = try await driver.text(of: driver.findElement(css: "#qn-progress-text"))
            XCTAssertEqual(progress, "Statement 1 of 15 · 1 answered")
            let kept = try await driver.property("checked", of: driver.findElement(css: "#q-own-hands-7"), as: Bool.self)
            XCTAssertTrue(kept)
        }
    }

    /// Version 2 changed every statement: answers saved under version 1, and version 1 result
    /// links, are not scored against the new statements.
    func testAnswersAndLinksOfVersionOneAreDiscarded() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html")
        let old = Self.answers.map(String.init).joined(separator: ",")
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page)
            try await driver.execute("localStorage.setItem('crossroads:path-fit:v1', JSON.stringify({answers: arguments[0].split(',').map(Number), current: 14, done: true}))", arguments: [old])
            try await driver.refresh()
            let restored = try await driver.execute("return document.querySelectorAll('.qn-item input:checked').length", as: Int.self)
            XCTAssertEqual(restored, 0, "version 1's saved answers are not restored")
            let hidden = try await driver.execute("return document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(hidden)

            try await driver.navigate(to: "about:blank")
            try await driver.navigate(to: page.absoluteString + "#r=v1:" + old)
            let note = try await driver.text(of: driver.findElement(css: "#qn-note"))
            XCTAssertTrue(note.contains("version 1") && note.contains("this is version 2"), note)
        }
    }
}
