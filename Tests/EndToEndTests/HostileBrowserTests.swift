import Foundation
import XCTest

/// Every built page, opened from file:// in headless Chromium with a probe installed before any
/// page script runs: a hostile payload that executes calls `alert`, which the probe records, and
/// anything the page's Content-Security-Policy blocks shows up as a violation event. Either one
/// fails the test, naming the page.
final class HostileBrowserTests: XCTestCase {
    /// Runs in every new document before its own scripts: replaces the dialog functions with
    /// recorders and listens for CSP violations.
    static let probe = """
        window.__alerts = [];
        window.__csp = [];
        window.alert = function (message) { window.__alerts.push('alert: ' + String(message)); };
        window.confirm = function (message) { window.__alerts.push('confirm: ' + String(message)); return false; };
        window.prompt = function (message) { window.__alerts.push('prompt: ' + String(message)); return null; };
        document.addEventListener('securitypolicyviolation', function (event) {
          window.__csp.push(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at line ' + event.lineNumber);
        });
        """

    /// What the probe saw on one page.
    private struct ProbeReading: Decodable {
        var installed: Bool
        var alerts: [String]
        var csp: [String]
    }

    private static let readProbe = """
        return { installed: Array.isArray(window.__alerts) && Array.isArray(window.__csp),
                 alerts: window.__alerts || [], csp: window.__csp || [] };
        """

    // MARK: - Hostile inputs (the same kinds the hardening suite uses, written here because test targets cannot share files)

    static let hostilePage = #"""
        ---
        title: "\"><script>alert(5)</script>"
        kind: pitfall
        summary: "A page whose every part tries to run a script."
        weight: 90
        date: 2026-11-20
        tags: [hostile]
        ---
        Before the payloads.

        <script>alert(1)</script>

        <img src=x onerror=alert(2)>

        [x](javascript:alert(3))

        [y](data:text/html,<script>alert(4)</script>)

        ```chart
        type: bar
        title: "Hostile chart"
        description: "A chart whose label is markup."
        bars:
          - {label: "<svg onload=alert(6)>", value: 3}
          - {label: "Plain", value: 4}
        ```

        ```ladder
        ```

        After the payloads.
        """#

    private static let hostilePagePath = "content/pitfalls/hostile-browser.md"

    /// A copy of the default site with the hostile page, ladder level name and questionnaire statement.
    private func makeHostileSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write(Self.hostilePage, to: Self.hostilePagePath)
        try site.replaceOnce(#"name: "Entry-level engineer""#, with: #"name: "Entry-level <img src=x onerror=alert(7)>""#,
                             in: "content/data/ladders.yml")
        try site.replaceOnce(#"text: "I want most of my working hours"#, with: #"text: "I want </script><script>alert(8)</script> most of my working hours"#,
                             in: "content/questionnaire.yml")
        return site
    }

    // MARK: - Tests

    func testNoHostilePayloadRunsAndNoPageViolatesItsPolicy() async throws {
        try WebDriver.requireBrowser()
        let site = try makeHostileSite()
        let output = try site.build()
        let pages = try Self.htmlPages(in: output)
        let hostile = output.appendingPathComponent("pitfalls/hostile-browser/index.html")
        XCTAssertTrue(pages.contains(hostile.standardizedFileURL), "the hostile page was not built: \(pages.map(\.path))")
        let controls = try ProbeControls()

        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: ["source": Self.probe])
            try await controls.assertProbeCatches(with: driver)
            try await Self.assertQuiet(pages, relativeTo: output, with: driver, checkingAlerts: true)

            // The payloads reached the pages as text, so the quiet above is escaping, not absence.
            try await driver.navigate(to: hostile)
            let heading = try await driver.execute("return document.querySelector('h1') ? document.querySelector('h1').textContent : ''", as: String.self)
            XCTAssertTrue(heading.contains("<script>alert(5)</script>"), "the title is shown as text: \(heading)")
            let ladder = try await driver.navigate(toBuilt: "comparisons/ladders/index.html", in: output)
            XCTAssertTrue(ladder.contains("<img src=x onerror=alert(7)>"), "the ladder level name is shown as text")
        }
    }

    func testTheDefaultSiteRunsItsOwnScriptsFromFileWithoutAnyPolicyViolation() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let pages = try Self.htmlPages(in: output)
        let controls = try ProbeControls()

        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: ["source": Self.probe])
            try await controls.assertProbeCatches(with: driver)
            try await Self.assertQuiet(pages, relativeTo: output, with: driver, checkingAlerts: false)

            // The questionnaire's own script ran under the policy: it replaced the paper form's
            // disabled state with a working one (a blocked script would leave no trace of itself).
            try await driver.navigate(to: output.appendingPathComponent("questionnaire/index.html"))
            let scripted = try await driver.execute("""
                return Array.from(document.scripts).some(function (s) { return s.src.indexOf('/assets/') >= 0; })
                """, as: Bool.self)
            XCTAssertTrue(scripted, "the questionnaire page loads a script from the site's assets")
        }
    }

    // MARK: - Helpers

    /// Every `index.html` under the output plus `questionnaire.standalone.html`, sorted.
    static func htmlPages(in output: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else {
            throw SupportError("cannot list \(output.path)")
        }
        var pages: [URL] = []
        for case let file as URL in walker where file.lastPathComponent == "index.html" {
            pages.append(file.standardizedFileURL)
        }
        let standalone = output.appendingPathComponent("questionnaire.standalone.html").standardizedFileURL
        guard FileManager.default.fileExists(atPath: standalone.path) else {
            throw SupportError("the build wrote no questionnaire.standalone.html")
        }
        pages.append(standalone)
        // A site with a handful of pages would mean the walk missed most of it.
        guard pages.count >= 10 else { throw SupportError("only \(pages.count) pages found under \(output.path)") }
        return pages.sorted { $0.path < $1.path }
    }

    /// Opens each page and fails, naming it, on any recorded alert (when asked) or CSP violation.
    private static func assertQuiet(_ pages: [URL], relativeTo output: URL, with driver: WebDriver, checkingAlerts: Bool,
                                    file: StaticString = #filePath, line: UInt = #line) async throws {
        let prefix = output.standardizedFileURL.path + "/"
        for page in pages {
            let name = page.path.replacingOccurrences(of: prefix, with: "")
            try await driver.navigate(to: page)
            let reading = try await driver.execute(readProbe, as: ProbeReading.self)
            XCTAssertTrue(reading.installed, "\(name): the probe was not installed", file: file, line: line)
            if checkingAlerts {
                XCTAssertEqual(reading.alerts, [], "\(name): a hostile payload ran", file: file, line: line)
            }
            XCTAssertEqual(reading.csp, [], "\(name): Content-Security-Policy violation", file: file, line: line)
        }
    }
}

/// Two tiny pages outside the site that prove the probe can fail: one whose inline script alerts,
/// one whose own policy blocks its inline script.
private final class ProbeControls {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-probe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<!doctype html><title>alerting</title><script>alert('control')</script>".utf8)
            .write(to: folder.appendingPathComponent("alerting.html"))
        try Data("""
            <!doctype html><meta http-equiv="Content-Security-Policy" content="script-src 'none'">
            <title>blocked</title><script>document.title = 'ran';</script>
            """.utf8).write(to: folder.appendingPathComponent("blocked.html"))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func assertProbeCatches(with driver: WebDriver) async throws {
        try await driver.navigate(to: folder.appendingPathComponent("alerting.html"))
        let alerts = try await driver.execute("return window.__alerts || []", as: [String].self)
        XCTAssertEqual(alerts, ["alert: control"], "the probe records an alert that runs")
        try await driver.navigate(to: folder.appendingPathComponent("blocked.html"))
        let violations = try await driver.execute("return window.__csp || []", as: [String].self)
        XCTAssertFalse(violations.isEmpty, "the probe records a blocked inline script")
    }
}

private extension WebDriver {
    /// Opens a built page and returns its body text.
    func navigate(toBuilt relativePath: String, in output: URL) async throws -> String {
        try await navigate(to: output.appendingPathComponent(relativePath))
        return try await execute("return document.body ? document.body.textContent : ''", as: String.self)
    }
}
