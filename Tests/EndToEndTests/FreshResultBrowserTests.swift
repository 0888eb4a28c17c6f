import Foundation
import XCTest

/// The questionnaire's result never disagrees with its answers or its address: share links are
/// read as `crossroads score` reads answers (and refused with its words), a new fragment in the
/// same tab shows its own result, an edit updates the result at once, blanks are listed, the
/// result is where focus lands, an embed shares the full page, and "Start over" can be undone.
final class FreshResultBrowserTests: XCTestCase {
    private static let answers = QuestionnaireBrowserTests.answers
    /// Another complete set, in another band than `answers`.
    private static let otherAnswers = [9, 9, 1, 9, 8, 1, 0, 2, 9, 0, 10, 1, 0, 9, 10]

    private static func list(_ answers: [Int]) -> String { answers.map(String.init).joined(separator: ",") }
    private static let visibleResult = "!document.getElementById('qn-result').hidden"

    /// What `crossroads score --answers <text>` says about answers it refuses, without the
    /// command's own "error: " and its hint about the option.
    private static func refusal(of text: String, site: TemporarySite) throws -> String {
        let result = try site.score(["--answers", text])
        XCTAssertNotEqual(result.exitCode, 0, "crossroads score accepted \(text)")
        let line = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(line.hasPrefix("error: "), line)
        return String(line.dropFirst("error: ".count)).components(separatedBy: "; write e.g. --answers")[0]
    }

    private static func expected(_ answers: [Int], site: TemporarySite) throws -> ScoreReportJSON {
        try ScoreReportJSON.decode(site.score(["--answers", list(answers), "--json"]).stdout)
    }

    func testShareLinksTheCommandRefusesAreRefusedWithItsWordsOnLoadAndOnHashChange() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html").absoluteString
        let count = Self.answers.count
        var offScale = Self.answers
        offScale[4] = 11
        offScale[9] = -1
        let refused = [
            String(repeating: ",", count: count - 1),             // every value empty: not 0
            Self.list(Self.answers.dropLast()) + ",",             // the last one empty
            "",                                                  // nothing after the colon
            Self.list(Array(Self.answers.prefix(3))),              // too few
            Self.list(Self.answers + [4, 5]),                      // too many
            Self.list(offScale),                                   // off the scale
            Self.list(Array(Self.answers.dropFirst())) + ",7.5",   // not whole
            "99999999999999999999," + Self.list(Array(Self.answers.dropFirst())), // beyond 64 bits
            Self.list(Array(Self.answers.dropLast())) + ",%20x%20", // spaces around a value are trimmed as the command trims them
        ]
        try await WebDriver.withSession { driver in
            for (index, answers) in refused.enumerated() {
                let message = try Self.refusal(of: answers.removingPercentEncoding ?? answers, site: site)
                if index == 0 {
                    try await driver.navigate(to: page + "#r=v2:" + answers)
                } else {
                    // A good result first, so that a stale one would still be on show.
                    try await driver.execute("location.hash = arguments[0]", arguments: ["#r=v2:" + Self.list(Self.answers)])
                    let shown = try await driver.waitUntil(Self.visibleResult)
                    XCTAssertTrue(shown, "a good link opened by a hash change shows its result")
                    try await driver.execute("location.hash = arguments[0]", arguments: ["#r=v2:" + answers])
                }
                let refusedInPage = try await driver.waitUntil("document.getElementById('qn-result').hidden && !document.getElementById('qn-note').hidden")
                XCTAssertTrue(refusedInPage, "#r=v2:\(answers) shows no result and says why")
                let note = try await driver.text(of: driver.findElement(css: "#qn-note"))
                XCTAssertTrue(note.contains(message), "#r=v2:\(answers): the note \"\(note)\" does not say \"\(message)\"")
            }
        }
    }

    func testAHashChangeInTheSameTabShowsTheNewResult() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html").absoluteString
        let first = try Self.expected(Self.answers, site: site)
        let second = try Self.expected(Self.otherAnswers, site: site)
        XCTAssertNotEqual(first.band.id, second.band.id)
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page + "#r=v2:" + Self.list(Self.answers))
            let firstLabel = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(firstLabel, first.band.label)
            try await driver.execute("location.hash = arguments[0]", arguments: ["#r=v2:" + Self.list(Self.otherAnswers)])
            let changed = try await driver.waitUntil("document.getElementById('qn-band-label').textContent === \(Self.jsString(second.band.label))")
            XCTAssertTrue(changed, "the new link's band is shown")
            let total = try await driver.text(of: driver.findElement(css: "#qn-total"))
            XCTAssertTrue(total.contains("Your total is \(second.total),"), total)
            let checked = try await driver.execute(Self.checkedAnswers, as: [Int].self)
            XCTAssertEqual(checked, Self.otherAnswers, "the form shows the new link's answers")
            let share = try await driver.execute("return document.getElementById('qn-share-url').value", as: String.self)
            XCTAssertTrue(share.hasSuffix("#r=v2:" + Self.list(Self.otherAnswers)), share)
        }
    }

    func testChangingAnAnswerUpdatesTheShownResultAtOnce() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html").absoluteString
        var edited = Self.answers
        edited[0] = 0
        let after = try Self.expected(edited, site: site)
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page + "#r=v2:" + Self.list(Self.answers))
            try await driver.click(driver.findElement(css: "#qn-edit"))
            let first = try await driver.execute("return document.querySelector('.qn-item').dataset.item", as: String.self)
            try await driver.click(driver.findElement(css: "label[for='q-\(first)-0']"))
            let shown = try await driver.execute("return " + Self.visibleResult, as: Bool.self)
            XCTAssertTrue(shown, "a complete set of answers keeps its result on show")
            let total = try await driver.text(of: driver.findElement(css: "#qn-total"))
            XCTAssertTrue(total.contains("Your total is \(after.total),"), "the total follows the edit: \(total)")
            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(label, after.band.label)
            let address = try await driver.currentURL()
            XCTAssertTrue(address.hasSuffix("#r=v2:" + Self.list(edited)), "the address follows the edit: \(address)")
            let share = try await driver.execute("return document.getElementById('qn-share-url').value", as: String.self)
            XCTAssertTrue(share.hasSuffix("#r=v2:" + Self.list(edited)), share)
        }
    }

    func testOpeningAShareLinkScrollsToTheResultAndFocusesItsHeading() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html").absoluteString
        try await WebDriver.withSession(width: 1280, height: 700) { driver in
            try await driver.navigate(to: page + "#r=v2:" + Self.list(Self.answers))
            let focused = try await driver.execute("return document.activeElement.id", as: String.self)
            XCTAssertEqual(focused, "qn-result-title")
            let top = try await driver.execute("return document.getElementById('qn-result-title').getBoundingClientRect().top", as: Double.self)
            let height = try await driver.execute("return window.innerHeight", as: Double.self)
            XCTAssertTrue(top >= 0 && top < height / 2, "the result's heading is near the top of the window: \(top) of \(height)")
        }
    }

    func testSubmittingWithBlanksListsEveryBlankWithLinksThatMoveFocus() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("questionnaire/index.html"))
            try await driver.click(driver.findElement(css: "input[name='qn-mode'][value='all']"))
            let items = try await driver.execute("return [...document.querySelectorAll('.qn-item')].map(f => f.dataset.item)", as: [String].self)
            let answered: Set = [0, 2, 14]
            for index in answered.sorted() {
                try await driver.click(driver.findElement(css: "label[for='q-\(items[index])-5']"))
            }
            try await driver.click(driver.findElement(css: "#qn-submit"))
            let blanks = items.indices.filter { !answered.contains($0) }
            let listed = try await driver.execute(
                "return [...document.querySelectorAll('#qn-missing a')].filter(a => a.offsetParent !== null).map(a => a.textContent)", as: [String].self)
            XCTAssertEqual(listed.count, blanks.count, "every blank statement is listed visibly: \(listed)")
            for (text, index) in zip(listed, blanks) {
                XCTAssertTrue(text.hasPrefix("Statement \(index + 1):"), text)
            }
            let focused = try await driver.execute("return document.activeElement.id", as: String.self)
            XCTAssertEqual(focused, "qn-missing", "focus moves to the list")
            let resultHidden = try await driver.execute("return document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(resultHidden)

            for index in [blanks[0], blanks[blanks.count - 1]] {
                try await driver.click(driver.findElement(css: "#qn-missing a[href='#q-\(items[index])']"))
                let target = try await driver.execute(
                    "const a = document.activeElement; return a.closest('fieldset') ? a.closest('fieldset').dataset.item : a.tagName", as: String.self)
                XCTAssertEqual(target, items[index], "the link moves focus to statement \(index + 1)")
            }
            // Answering a blank takes it off the list.
            try await driver.click(driver.findElement(css: "label[for='q-\(items[blanks[0]])-5']"))
            let left = try await driver.execute("return document.querySelectorAll('#qn-missing a').length", as: Int.self)
            XCTAssertEqual(left, blanks.count - 1)
        }
    }

    /// From disk, under a sub-path over HTTP, and with a base URL (printed absolute in the page).
    func testTheShareLinkOfAnEmbedPointsAtTheFullQuestionnairePage() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let server = try StaticFileServer(serving: output, mountedAt: "/guides/")
        defer { server.stop() }
        let subPath = server.rootURL
        let fragment = "#r=v2:" + Self.list(Self.answers)
        let cases: [(embed: String, expected: String)] = [
            (output.appendingPathComponent("embed/questionnaire/index.html").absoluteString,
             output.appendingPathComponent("questionnaire/index.html").absoluteString),
            (subPath + "embed/questionnaire/index.html", subPath + "questionnaire/index.html"),
        ]
        try await WebDriver.withSession { driver in
            for (embed, expected) in cases {
                try await driver.navigate(to: embed + fragment)
                let shown = try await driver.waitUntil(Self.visibleResult)
                XCTAssertTrue(shown, "the embed at \(embed) shows the shared result")
                let share = try await driver.execute("return document.getElementById('qn-share-url').value", as: String.self)
                XCTAssertEqual(share, expected + fragment)
            }
        }
        // With absolute URLs the embed names the full page by its address under the base URL,
        // which the script uses as it is (its assets are there too, so it cannot run from here).
        try site.replaceOnce("relative_urls: true", with: "relative_urls: false", in: "site.yml")
        let absolute = try site.build(extraArguments: ["--base-url", "https://example.com/guides/"])
        let html = try String(contentsOf: absolute.appendingPathComponent("embed/questionnaire/index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("data-full-page=\"https://example.com/guides/questionnaire/\""), "the embed names the full page")
    }

    func testStartOverCanBeUndone() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html")
        var own = Self.answers
        own[0] = 0
        let expected = try Self.expected(own, site: site)
        try await WebDriver.withSession { driver in
            // A visitor's own finished answers: a shared result, edited once.
            try await driver.navigate(to: page.absoluteString + "#r=v2:" + Self.list(Self.answers))
            try await driver.click(driver.findElement(css: "#qn-edit"))
            let first = try await driver.execute("return document.querySelector('.qn-item').dataset.item", as: String.self)
            try await driver.click(driver.findElement(css: "label[for='q-\(first)-0']"))

            try await driver.click(driver.findElement(css: "#qn-restart"))
            let cleared = try await driver.execute("return document.querySelectorAll('.qn-item input:checked').length", as: Int.self)
            XCTAssertEqual(cleared, 0)
            let hidden = try await driver.execute("return document.getElementById('qn-result').hidden", as: Bool.self)
            XCTAssertTrue(hidden)
            let undo = try await driver.findElement(css: "#qn-note button")
            let undoLabel = try await driver.text(of: undo)
            XCTAssertEqual(undoLabel, "Undo")
            try await driver.click(undo)

            let restored = try await driver.execute(Self.checkedAnswers, as: [Int].self)
            XCTAssertEqual(restored, own, "the answers are back")
            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(label, expected.band.label)
            let shown = try await driver.execute("return " + Self.visibleResult, as: Bool.self)
            XCTAssertTrue(shown, "the result is back")
            // And saved again: a reload finds them.
            try await driver.navigate(to: page)
            let reloaded = try await driver.execute(Self.checkedAnswers, as: [Int].self)
            XCTAssertEqual(reloaded, own)
        }
    }

    private static let checkedAnswers =
        "return [...document.querySelectorAll('.qn-item')].map(f => { const c = f.querySelector('input:checked'); return c ? Number(c.value) : -1 })"

    private static func jsString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
