import XCTest

/// Screenshots of the default guides at desktop and phone width: home, a comparison with its
/// table, a pitfall, a pendulum page, a mastery page with its chart, search results and the level map.
/// Always taken and checked; copied into docs/screenshots/ when CROSSROADS_UPDATE_SCREENSHOTS=1.
final class GuidesScreenshotTests: XCTestCase {
    struct Shot {
        let name: String
        let page: String
        /// Scrolled into view (just below the top edge) before the shot; nil keeps the top of the page.
        let scrollTo: String?
    }

    static let shots = [
        Shot(name: "home", page: "index.html", scrollTo: nil),
        Shot(name: "comparison", page: "comparisons/five-dimensions/index.html", scrollTo: "table.compare"),
        Shot(name: "pitfall", page: "pitfalls/no-training/index.html", scrollTo: nil),
        Shot(name: "pendulum", page: "pendulum/when-to-swing/index.html", scrollTo: nil),
        Shot(name: "mastery-chart", page: "mastery/how-mastery-is-built/index.html", scrollTo: "figure.chart"),
        Shot(name: "search", page: "search/index.html?q=feedback", scrollTo: nil),
        Shot(name: "level-map", page: "comparisons/level-map/index.html", scrollTo: "table.level-map-table"),
    ]
    static let sizes = [(name: "desktop", width: 1280, height: 900), (name: "phone", width: 390, height: 844)]

    func testGuideScreenshotsAtDesktopAndPhoneWidth() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let folder = built.site.url("screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        for size in Self.sizes {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await Self.resize(driver, to: size)
                for shot in Self.shots {
                    let parts = shot.page.split(separator: "?", maxSplits: 1).map(String.init)
                    let file = built.output.appendingPathComponent(parts[0]).absoluteString
                    try await driver.navigate(to: file + (parts.count > 1 ? "?" + parts[1] : ""))
                    // The session has no --hide-scrollbars: hide them in the page so the shot shows the full width.
                    try await driver.execute("const s = document.createElement('style'); s.textContent = 'html{scrollbar-width:none}'; document.head.append(s)")
                    let loaded = try await driver.execute("return !!document.querySelector('main h1')", as: Bool.self)
                    XCTAssertTrue(loaded, "\(shot.page) did not load")
                    if let selector = shot.scrollTo {
                        let found = try await driver.execute(
                            "const e = document.querySelector(arguments[0]); if (!e) return false; e.scrollIntoView({block: 'start'}); window.scrollBy(0, -24); return true",
                            arguments: [selector], as: Bool.self)
                        XCTAssertTrue(found, "\(shot.page) has no \(selector)")
                    }
                    if shot.name == "level-map" {
                        // One step opened, so the shot shows the "from X to Y" view as well as the table.
                        let opened = try await driver.execute(
                            "const steps = document.querySelectorAll('details.level-step'); if (steps.length < 2) return false; steps[1].open = true; return true",
                            as: Bool.self)
                        XCTAssertTrue(opened, "the level map has fewer than two steps")
                    }
                    if shot.name == "search" {
                        let hits = try await driver.execute("return document.querySelectorAll('#search-results li').length", as: Int.self)
                        XCTAssertGreaterThan(hits, 1, "search for feedback shows results")
                    }
                    let png = try await driver.screenshot()
                    let measured = try XCTUnwrap(Screenshot.pngSize(png), "\(shot.name) is not a PNG")
                    XCTAssertEqual(measured.width, size.width, "\(shot.name)-\(size.name) width")
                    // Nothing wider than the window: a page that scrolls sideways is broken on phones.
                    let overflow = try await driver.execute("return document.documentElement.scrollWidth - window.innerWidth", as: Int.self)
                    XCTAssertLessThanOrEqual(overflow, 0, "\(shot.page) scrolls sideways at \(size.width) px")
                    try png.write(to: folder.appendingPathComponent("\(shot.name)-\(size.name).png"))
                }
            }
        }

        try Self.publish(folder)
    }

    /// A wiki-like host page with a 360 px sandboxed frame sized by the height messages.
    static let hostPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Team wiki</title>
        <style>body { margin: 0; padding: 12px 16px; font: 15px/1.5 sans-serif; background: #eef0f3; color: #222; }
        h1 { font-size: 18px; margin: 0 0 4px; } p { margin: 0 0 10px; } iframe { width: 360px; border: 0; background: #fff; display: block; }</style></head>
        <body>
        <h1>Team wiki: career paths</h1>
        <p>The guide below is embedded in a 360 px column.</p>
        <script>
        window.addEventListener('message', function (event) {
          if (event.data && event.data.type === 'crossroads:height') document.getElementById('guide').style.height = event.data.height + 'px';
        });
        </script>
        <iframe id="guide" title="Guide" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" height="600"></iframe>
        <script>document.getElementById('guide').src = new URLSearchParams(location.search).get('src');</script>
        </body></html>
        """

    /// An embed inside a 360 px frame on a host page (the questionnaire's scale, the comparison
    /// table with its scroll cue), and the 404 page at a nested missing address, as a static host
    /// shows it.
    func testEmbedInAPhoneFrameAndNestedNotFoundScreenshots() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let folder = built.site.url("screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(Self.hostPage.utf8).write(to: built.output.appendingPathComponent("wiki-host.html"))
        let server = try StaticFileServer(serving: built.output, notFoundPage: "404.html")
        defer { server.stop() }
        let frames = [(name: "embed-questionnaire-frame-360", page: "embed/questionnaire/index.html", scrollTo: "#qn-toolbar"),
                      (name: "embed-comparison-frame-360", page: "embed/comparisons/five-dimensions/index.html", scrollTo: "table.compare")]

        try await WebDriver.withSession(width: 392, height: 760) { driver in
            try await driver.emulatePhone(width: 392, height: 760)
            for shot in frames {
                try await driver.switchToFrame(nil)
                // The frame's address is set while the host loads, so navigating waits for both.
                try await driver.navigate(to: server.rootURL + "wiki-host.html?src=" + shot.page)
                try await driver.switchToFrame(driver.findElement(css: "#guide"))
                let ready = try await driver.waitUntil("document.readyState === 'complete' && !!document.querySelector(arguments[0])".replacingOccurrences(of: "arguments[0]", with: "'\(shot.scrollTo)'"))
                XCTAssertTrue(ready, "\(shot.page) loaded in the frame")
                let top = try await driver.execute("return document.querySelector(arguments[0]).getBoundingClientRect().top", arguments: [shot.scrollTo], as: Double.self)
                try await driver.switchToFrame(nil)
                let sized = try await driver.waitUntil("document.getElementById('guide').getBoundingClientRect().height > 600")
                XCTAssertTrue(sized, "the host sized the frame")
                try await driver.execute("window.scrollTo(0, document.getElementById('guide').getBoundingClientRect().top + window.pageYOffset + \(Int(top)) - 48)")
                try await save(driver.screenshot(), "\(shot.name).png", width: 392, in: folder)
            }
        }

        for size in Self.sizes {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await Self.resize(driver, to: size)
                try await driver.navigate(to: server.rootURL + "pitfalls/nope/")
                let styled = try await driver.waitUntil("getComputedStyle(document.body).display === 'flex'")
                XCTAssertTrue(styled, "the 404 page at a nested address is styled")
                try await save(driver.screenshot(), "not-found-nested-\(size.name).png", width: size.width, in: folder)
            }
        }
        try Self.publish(folder)
    }

    /// A desktop window, or a phone's screen (overlay scroll bars, the viewport meta honoured).
    static func resize(_ driver: WebDriver, to size: (name: String, width: Int, height: Int)) async throws {
        if size.name == "phone" {
            try await driver.emulatePhone(width: size.width, height: size.height)
        } else {
            try await driver.setWindowSize(width: size.width, height: size.height)
        }
    }

    private func save(_ png: Data, _ name: String, width: Int, in folder: URL) throws {
        let measured = try XCTUnwrap(Screenshot.pngSize(png), "\(name) is not a PNG")
        XCTAssertEqual(measured.width, width, "\(name) width")
        try png.write(to: folder.appendingPathComponent(name))
    }

    /// Copies the shots into docs/screenshots/ when CROSSROADS_UPDATE_SCREENSHOTS=1.
    static func publish(_ folder: URL) throws {
        guard ProcessInfo.processInfo.environment["CROSSROADS_UPDATE_SCREENSHOTS"] == "1" else { return }
        let target = TemporarySite.repositoryRoot.appendingPathComponent("docs/screenshots")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let destination = target.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: destination)
        }
    }
}
