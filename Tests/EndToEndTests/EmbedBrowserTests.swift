import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The questionnaire where it is published outside the site: inside a sandboxed iframe on a host
/// page, and as the one-file `questionnaire.standalone.html` opened from file://.
///
/// The iframe test serves the built folder over HTTP: Chromium will not run a file:// script in a
/// frame with an opaque origin (what `sandbox` without `allow-same-origin` gives), so from disk
/// the embedded questionnaire would stay a paper form. Hosts serve the embed pages over HTTP(S).
final class EmbedBrowserTests: XCTestCase {
    /// Records, in every frame, uncaught errors and CSP violations before the page's own scripts run.
    static let errorProbe = """
        window.__errors = [];
        window.addEventListener('error', function (e) { window.__errors.push('error: ' + e.message); });
        window.addEventListener('unhandledrejection', function (e) { window.__errors.push('rejection: ' + e.reason); });
        document.addEventListener('securitypolicyviolation', function (e) { window.__errors.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI); });
        """

    /// A host page sandboxing the frame with `allow-scripts` only (no same origin, no forms), that
    /// keeps every height message in `window.heights` and sizes the frame from it.
    static let hostPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
        <body>
        <h1>A wiki page</h1>
        <script>
        window.heights = [];
        window.addEventListener('message', function (event) {
          var data = event.data;
          if (!data || data.type !== 'crossroads:height') return;
          window.heights.push({ height: data.height, path: data.path });
          var frame = document.getElementById('guide');
          if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';
        });
        </script>
        <iframe id="guide" title="Questionnaire" sandbox="allow-scripts" src="embed/questionnaire/index.html" style="width: 100%; border: 0" height="500"></iframe>
        </body></html>
        """

    func testSandboxedEmbedCompletesTheQuestionnaireAndReportsItsHeight() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        try Data(Self.hostPage.utf8).write(to: output.appendingPathComponent("embed-host.html"))
        let server = try StaticFileServer(serving: output)
        defer { server.stop() }
        let host = "http://127.0.0.1:\(server.port)/embed-host.html"
        let answers = QuestionnaireBrowserTests.answers
        let expected = try ScoreReportJSON.decode(site.score(["--answers", answers.map(String.init).joined(separator: ","), "--json"]).stdout)

        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: ["source": Self.errorProbe])
            try await driver.navigate(to: host)
            let loaded = try await driver.waitUntil("window.heights.length > 0")
            XCTAssertTrue(loaded, "no height message after the frame loaded")

            try await driver.switchToFrame(driver.findElement(css: "#guide"))
            // The height before answering, once the frame has its stylesheet: on a busy machine the
            // first message can come from a layout without it, taller than the finished page.
            let frameLoaded = try await driver.waitUntil("document.readyState === 'complete'")
            XCTAssertTrue(frameLoaded, "the frame never finished loading")
            let heightBefore = try await driver.execute(Self.contentHeightScript, as: Int.self)
            try await driver.switchToFrame(nil)
            let reportedBefore = try await driver.waitUntil("window.heights[window.heights.length - 1].height === \(heightBefore)")
            XCTAssertTrue(reportedBefore, "the frame reported its height \(heightBefore) before any answer")
            try await driver.switchToFrame(driver.findElement(css: "#guide"))
            let origin = try await driver.execute("return String(self.origin)", as: String.self)
            XCTAssertEqual(origin, "null", "the frame is sandboxed without allow-same-origin")
            let storage = try await driver.execute("try { localStorage.length; return 'usable' } catch (e) { return 'threw' }", as: String.self)
            XCTAssertEqual(storage, "threw", "a sandboxed frame has no storage, so the script must fall back to memory")

            // The CDP probe does not reach a sandboxed frame (another renderer), so listen from here on.
            try await driver.execute("window.__frameErrors = []; window.addEventListener('error', function (e) { window.__frameErrors.push(e.message); });")
            try await driver.answerQuestionnaire(answers)
            let frameErrors = try await driver.execute("return window.__frameErrors", as: [String].self)
            XCTAssertEqual(frameErrors, [], "uncaught errors in the frame while answering")
            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(label, expected.band.label)
            let total = try await driver.text(of: driver.findElement(css: "#qn-total"))
            XCTAssertTrue(total.contains("Your total is \(expected.total),"), total)
            // "Change my answers" brings back the form with the answers kept in memory.
            try await driver.click(driver.findElement(css: "#qn-edit"))
            let kept = try await driver.execute("return document.querySelectorAll('.qn-item input:checked').length", as: Int.self)
            XCTAssertEqual(kept, answers.count)
            let contentHeight = try await driver.execute(Self.contentHeightScript, as: Int.self)

            try await driver.switchToFrame(nil)
            let settled = try await driver.waitUntil("window.heights.length > 0 && window.heights[window.heights.length - 1].height === \(contentHeight)")
            XCTAssertTrue(settled, "the last message reports the frame's content height \(contentHeight)")
            let heights = try await driver.execute("return window.heights", as: [HeightMessage].self)
            XCTAssertGreaterThanOrEqual(heights.count, 3, "\(heights)")
            XCTAssertEqual(Set(heights.map(\.path)), ["questionnaire/"])
            XCTAssertTrue(heights.allSatisfy { $0.height > 0 }, "\(heights)")
            XCTAssertGreaterThan(Set(heights.map(\.height)).count, 1, "the height followed the content: \(heights)")
            XCTAssertGreaterThan(heights.map(\.height).max() ?? 0, heightBefore, "the result made the content taller: \(heights)")
            let frameHeight = try await driver.execute("return document.getElementById('guide').getBoundingClientRect().height", as: Double.self)
            XCTAssertEqual(Int(frameHeight.rounded()), contentHeight, "the host sized the frame from the messages")
            let hostErrors = try await driver.execute("return window.__errors", as: [String].self)
            XCTAssertEqual(hostErrors, [])
        }
    }

    /// The embedded page's content height, as `embed.js` measures it for its messages.
    private static let contentHeightScript =
        "return Math.ceil(document.querySelector('.crossroads-embed').getBoundingClientRect().bottom + window.pageYOffset)"

    func testStandaloneFileAloneCompletesTheQuestionnaireWithoutRequests() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        // The file on its own, as when it is mailed or attached to a wiki page.
        let alone = site.url("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        let file = alone.appendingPathComponent("questionnaire.html")
        try FileManager.default.copyItem(at: output.appendingPathComponent("questionnaire.standalone.html"), to: file)
        let answers = QuestionnaireBrowserTests.answers
        let expected = try ScoreReportJSON.decode(site.score(["--answers", answers.map(String.init).joined(separator: ","), "--json"]).stdout)

        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: ["source": Self.errorProbe])
            try await driver.navigate(to: "about:blank")
            _ = try await driver.requestedURLs() // start the network record here
            try await driver.navigate(to: file)
            try await driver.answerQuestionnaire(answers)
            let label = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
            XCTAssertEqual(label, expected.band.label, "the inline script ran under the file's own CSP")
            let share = try await driver.execute("return document.getElementById('qn-share-url').value", as: String.self)
            XCTAssertTrue(share.hasPrefix(file.absoluteString + "#r=v2:"), share)

            let resources = try await driver.execute("return performance.getEntriesByType('resource').map(e => e.name)", as: [String].self)
            XCTAssertEqual(resources, [])
            let requested = try await driver.requestedURLs()
            XCTAssertTrue(requested.contains(file.absoluteString), "the performance log recorded the document: \(requested)")
            XCTAssertEqual(requested.filter { $0 != file.absoluteString && !$0.hasPrefix(file.absoluteString + "#") }, [])
            let errors = try await driver.execute("return window.__errors", as: [String]?.self)
            XCTAssertEqual(errors, [], "errors or CSP violations (nil means the probe did not run)")
        }
    }
}

/// One `crossroads:height` message as the host page recorded it.
struct HeightMessage: Decodable, Equatable {
    var height: Int
    var path: String
}

extension WebDriver {
    /// Waits, polling in the page, until the JavaScript `condition` is true; returns false if it
    /// is still false after a few seconds. A readiness wait: the caller asserts on the result.
    func waitUntil(_ condition: String) async throws -> Bool {
        try await execute("""
            return new Promise(function (resolve) {
              var deadline = Date.now() + 5000;
              (function check() {
                if (\(condition)) return resolve(true);
                if (Date.now() > deadline) return resolve(false);
                setTimeout(check, 20);
              }());
            });
            """, as: Bool.self)
    }

    /// Answers the questionnaire in the current document the way a reader does in the default
    /// one-statement-at-a-time mode: click the answer's label, Next, and "See your result" last.
    /// `answers` are in the order the statements are shown.
    func answerQuestionnaire(_ answers: [Int]) async throws {
        for (index, answer) in answers.enumerated() {
            let visible = try await execute(
                "return [...document.querySelectorAll('.qn-item')].filter(f => !f.hidden).map(f => f.dataset.item)", as: [String].self)
            guard visible.count == 1, let item = visible.first else {
                throw SupportError("expected one visible statement before answer \(index + 1), found \(visible)")
            }
            try await click(findElement(css: "label[for='q-\(item)-\(answer)']"))
            try await click(findElement(css: index < answers.count - 1 ? "#qn-next" : "#qn-submit"))
        }
    }
}
