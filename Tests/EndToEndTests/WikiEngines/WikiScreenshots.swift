import Foundation
import XCTest

/// Screenshots of pages as a wiki engine renders them, at desktop width, written to
/// docs/screenshots/ when CROSSROADS_UPDATE_SCREENSHOTS=1 (`make test-wikis` sets it).
enum WikiScreenshots {
    struct Shot {
        let name: String
        /// Path and query on the wiki's server.
        let address: String
        /// Scrolled to (just below the top edge) before the shot: the first table whose text
        /// contains this; nil keeps the top of the page.
        let tableContaining: String?
    }

    static let width = 1280, height = 900

    static func take(_ shots: [Shot], on server: PHPServer) async throws {
        try WebDriver.requireBrowser()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-wiki-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try await WebDriver.withSession(width: width, height: height) { driver in
            try await driver.setWindowSize(width: width, height: height)
            for shot in shots {
                try await driver.navigate(to: server.address + shot.address)
                // Both skins load their style sheets from a PHP entry point; wait for them.
                let styled = try await driver.waitUntil("document.readyState === 'complete' && document.styleSheets.length > 0")
                XCTAssertTrue(styled, "\(shot.name): the page did not finish loading")
                if let wanted = shot.tableContaining {
                    let found = try await driver.execute(
                        "const t = [...document.querySelectorAll('table')].find(t => t.textContent.includes(arguments[0])); if (!t) return false; t.scrollIntoView({block: 'start'}); window.scrollBy(0, -48); return true",
                        arguments: [wanted], as: Bool.self)
                    XCTAssertTrue(found, "\(shot.name): no table with \"\(wanted)\"")
                }
                let png = try await driver.screenshot()
                let measured = try XCTUnwrap(Screenshot.pngSize(png), "\(shot.name) is not a PNG")
                XCTAssertEqual(measured.width, width, "\(shot.name) width")
                try png.write(to: folder.appendingPathComponent(shot.name + ".png"))
            }
        }
        try GuidesScreenshotTests.publish(folder)
    }
}
