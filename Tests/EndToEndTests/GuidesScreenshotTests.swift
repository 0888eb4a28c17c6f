import XCTest

/// Screenshots of the default guides at desktop and phone width: home, a comparison with its
/// table, a pitfall, a pendulum page, a mastery page with its chart, and search results.
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
    ]
    static let sizes = [(name: "desktop", width: 1280, height: 900), (name: "phone", width: 390, height: 844)]

    func testGuideScreenshotsAtDesktopAndPhoneWidth() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let folder = built.site.url("screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        for size in Self.sizes {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await driver.setWindowSize(width: size.width, height: size.height)
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

        if ProcessInfo.processInfo.environment["CROSSROADS_UPDATE_SCREENSHOTS"] == "1" {
            let target = TemporarySite.repositoryRoot.appendingPathComponent("docs/screenshots")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let destination = target.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: destination)
            }
        }
    }
}
