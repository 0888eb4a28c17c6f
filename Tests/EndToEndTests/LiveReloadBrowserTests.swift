import Foundation
import XCTest

/// `crossroads serve` as a user runs it, watched through headless Chromium: saving a file changes
/// the open page with nobody touching it, a broken file shows the error overlay, and Ctrl-C stops
/// the server cleanly.
final class LiveReloadBrowserTests: XCTestCase {
    func testSavedEditsAndBuildErrorsReachAnOpenPageByThemselves() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let server = try ServeProcess(site: site)
        defer { server.terminate() }
        try await server.waitUntilServing()
        let page = "content/pitfalls/no-training.md"

        try await WebDriver.withSession { driver in
            try await driver.navigate(to: "http://127.0.0.1:\(server.port)/pitfalls/no-training/")
            let added = "This sentence arrived through live reload."
            try await waitUntil(driver, "the page has loaded", script: "return document.title.length > 0")
            try await waitUntil(driver, "the page is connected for live reload",
                                script: "return document.documentElement.getAttribute('data-crossroads-live') === 'connected'")
            let shownBefore = try await driver.execute("return document.body.innerText.indexOf(arguments[0]) >= 0", arguments: [added], as: Bool.self)
            XCTAssertFalse(shownBefore)

            try site.replaceOnce("The usual reason an engineer", with: "\(added) The usual reason an engineer", in: page)
            try await waitUntil(driver, "the new sentence appears", script: "return document.body.innerText.indexOf(arguments[0]) >= 0", arguments: [added])

            let original = try site.read(page)
            try site.replaceOnce("kind: pitfall", with: "kind: pitfal", in: page)
            try await waitUntil(driver, "the error overlay appears", script: "return !!document.getElementById('crossroads-error-overlay')")
            let overlay = try await driver.execute("return document.getElementById('crossroads-error-overlay').textContent", as: String.self)
            XCTAssertTrue(overlay.contains("\(page):3"), overlay)
            XCTAssertTrue(overlay.contains("pitfal"), overlay)
            let stillShown = try await driver.execute("return document.body.innerText.indexOf(arguments[0]) >= 0", arguments: [added], as: Bool.self)
            XCTAssertTrue(stillShown, "the last good page stays under the overlay")

            try site.write(original, to: page)
            try await waitUntil(driver, "the overlay goes away after the fix", script: "return !document.getElementById('crossroads-error-overlay')")
        }

        XCTAssertEqual(server.interruptAndWait(), 0, "Ctrl-C stops the server cleanly:\n\(server.output)")
        XCTAssertTrue(server.output.contains("Stopped."), server.output)
    }

    /// Polls a script until it returns true; the 30 s bound only keeps a broken build from hanging.
    private func waitUntil(_ driver: WebDriver, _ what: String, script: String, arguments: [String] = []) async throws {
        for _ in 0..<300 {
            if (try? await driver.execute(script, arguments: arguments, as: Bool.self)) == true { return }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        XCTFail("gave up waiting: \(what)")
        throw SupportError("gave up waiting: \(what)")
    }
}
