import XCTest

/// Screenshots of a result's two-pull map and of the 1:1 sheet (as print media shows it) at
/// desktop and phone width. Always taken and checked; copied into docs/screenshots/ when
/// CROSSROADS_UPDATE_SCREENSHOTS=1, as `GuidesScreenshotTests` does.
final class MapScreenshotTests: XCTestCase {
    /// A "neither yet" reader: every answer 3 (pulls 30 % and 30 %).
    static let answers = Array(repeating: "3", count: 15).joined(separator: ",")

    func testMapAndSheetScreenshotsAtDesktopAndPhoneWidth() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let folder = built.site.url("screenshots")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = built.output.appendingPathComponent("questionnaire/index.html").absoluteString + "#r=v2:" + Self.answers

        for size in GuidesScreenshotTests.sizes {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await GuidesScreenshotTests.resize(driver, to: size)
                try await driver.navigate(to: page)
                try await driver.execute("const s = document.createElement('style'); s.textContent = 'html{scrollbar-width:none}'; document.head.append(s)")
                let drawn = try await driver.execute("return document.querySelectorAll('#qn-map svg rect').length", as: Int.self)
                XCTAssertEqual(drawn, 4, "one rectangle per region")
                let region = try await driver.execute(
                    "return [...document.querySelectorAll('.qn-region-text')].filter(e => !e.hidden).map(e => e.dataset.region)", as: [String].self)
                XCTAssertEqual(region, ["neither"])
                try await driver.execute("document.getElementById('qn-map-title').scrollIntoView({block: 'start'}); window.scrollBy(0, -24)")
                let overflow = try await driver.execute("return document.documentElement.scrollWidth - window.innerWidth", as: Int.self)
                XCTAssertLessThanOrEqual(overflow, 0, "the map scrolls sideways at \(size.width) px")
                try await save(driver.screenshot(), "questionnaire-map-\(size.name).png", width: size.width, in: folder)

                // The sheet as the printer gets it.
                try await driver.executeCDP("Emulation.setEmulatedMedia", parameters: ["media": "print"])
                try await driver.execute("document.documentElement.classList.add('qn-sheet-mode'); window.scrollTo(0, 0)")
                let sheetShown = try await driver.execute("return getComputedStyle(document.getElementById('qn-sheet')).display", as: String.self)
                XCTAssertEqual(sheetShown, "block")
                try await save(driver.screenshot(), "questionnaire-sheet-\(size.name).png", width: size.width, in: folder)
            }
        }
        try GuidesScreenshotTests.publish(folder)
    }

    private func save(_ png: Data, _ name: String, width: Int, in folder: URL) throws {
        let measured = try XCTUnwrap(Screenshot.pngSize(png), "\(name) is not a PNG")
        XCTAssertEqual(measured.width, width, "\(name) width")
        try png.write(to: folder.appendingPathComponent(name))
    }
}
