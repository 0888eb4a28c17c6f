import XCTest

/// Screenshots of the questionnaire (a statement, and a result) at desktop and phone width.
/// Always taken and checked; copied into docs/screenshots/ when CROSSROADS_UPDATE_SCREENSHOTS=1.
final class ScreenshotTests: XCTestCase {
    static let widths = [(name: "desktop", width: 1280, height: 900), (name: "phone", width: 390, height: 844)]

    func testQuestionAndResultScreenshotsAtDesktopAndPhoneWidth() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("questionnaire/index.html")
        let shots = site.url("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        let answers = QuestionnaireBrowserTests.answers.map(String.init).joined(separator: ",")

        for size in Self.widths {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await driver.setWindowSize(width: size.width, height: size.height)
                try await driver.navigate(to: page)
                // Third statement answered, shown alone, scrolled to the toolbar.
                try await driver.click(driver.findElement(css: "#qn-next"))
                try await driver.click(driver.findElement(css: "#qn-next"))
                try await driver.click(driver.findElement(css: "label[for='q-many-conversations-4']"))
                try await driver.execute("document.getElementById('qn-toolbar').scrollIntoView({block: 'start'}); window.scrollBy(0, -16)")
                try await save(driver.screenshot(), "questionnaire-question-\(size.name).png", width: size.width, in: shots)

                try await driver.navigate(to: "about:blank")
                try await driver.navigate(to: page.absoluteString + "#r=v2:" + answers)
                try await driver.execute("document.getElementById('qn-result').scrollIntoView({block: 'start'}); window.scrollBy(0, -16)")
                try await save(driver.screenshot(), "questionnaire-result-\(size.name).png", width: size.width, in: shots)
            }
        }

        if ProcessInfo.processInfo.environment["CROSSROADS_UPDATE_SCREENSHOTS"] == "1" {
            let target = TemporarySite.repositoryRoot.appendingPathComponent("docs/screenshots")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: shots.path) {
                let destination = target.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: shots.appendingPathComponent(name), to: destination)
            }
        }
    }

    private func save(_ png: Data, _ name: String, width: Int, in folder: URL) throws {
        let size = try XCTUnwrap(Screenshot.pngSize(png), "\(name) is not a PNG")
        XCTAssertEqual(size.width, width, "\(name) width")
        try png.write(to: folder.appendingPathComponent(name))
    }
}

final class ScreenshotHelperTests: XCTestCase {
    /// `Screenshot.capture` (plain `chromium --screenshot`) writes a PNG of the requested width.
    func testChromiumScreenshotOfASharedResultLink() throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let answers = QuestionnaireBrowserTests.answers.map(String.init).joined(separator: ",")
        let link = try XCTUnwrap(URL(string: output.appendingPathComponent("questionnaire/index.html").absoluteString + "#r=v2:" + answers))
        let file = site.url("shot.png")
        try Screenshot.capture(url: link, to: file, width: 390, height: 844)
        let size = try XCTUnwrap(Screenshot.pngSize(Data(contentsOf: file)))
        XCTAssertEqual(size.width, 390)
        XCTAssertEqual(size.height, 844)
    }
}
