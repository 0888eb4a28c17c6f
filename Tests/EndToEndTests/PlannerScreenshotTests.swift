import XCTest

/// Screenshots of the planner with a result, at desktop and phone width; the page fits a 320 px
/// phone without sideways scrolling. Copied into docs/screenshots/ when CROSSROADS_UPDATE_SCREENSHOTS=1.
final class PlannerScreenshotTests: XCTestCase {
    func testPlannerResultAtDesktopAndPhoneWidth() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let link = output.appendingPathComponent("planner/index.html").absoluteString + "#plan=v1:role=hybrid,years=2,years-from-hands-on=1,team-size=5"
        let shots = site.url("screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        for size in [(name: "desktop", width: 1280, height: 900), (name: "phone", width: 390, height: 844), (name: "narrow", width: 320, height: 700)] {
            try await WebDriver.withSession(width: size.width, height: size.height) { driver in
                try await driver.setWindowSize(width: size.width, height: size.height)
                try await driver.navigate(to: link)
                let overflow = try await driver.execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", as: Int.self)
                XCTAssertLessThanOrEqual(overflow, 0, "the planner scrolls sideways at \(size.width) px")
                guard size.name != "narrow" else { return }
                // The form and the result beside each other on a desktop; the result itself on a phone.
                let part = size.name == "desktop" ? ".pl-form" : ".pl-result"
                try await driver.execute("document.querySelector('section.planner \(part)').scrollIntoView({block: 'start'}); window.scrollBy(0, -16)")
                let png = try await driver.screenshot()
                XCTAssertEqual(Screenshot.pngSize(png)?.width, size.width)
                try png.write(to: shots.appendingPathComponent("planner-\(size.name).png"))
            }
        }
        if ProcessInfo.processInfo.environment["CROSSROADS_UPDATE_SCREENSHOTS"] == "1" {
            let target = TemporarySite.repositoryRoot.appendingPathComponent("docs/screenshots")
            for name in try FileManager.default.contentsOfDirectory(atPath: shots.path) {
                let destination = target.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: shots.appendingPathComponent(name), to: destination)
            }
        }
    }
}
