import Foundation
import SiteBuilder
import XCTest

/// `aliases` write redirect pages at old addresses.
final class AliasTests: XCTestCase {
    func testAliasWritesARedirectToThePagesRelativeURL() throws {
        let folder = try TemporaryFolder("aliases")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/second.md": """
            ---
            title: Second pitfall
            kind: pitfall
            aliases: [old/path/, /legacy]
            ---
            Moved here.

            """])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let redirect = site.text("old/path/index.html")
        XCTAssertTrue(redirect.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../pitfalls/second/index.html\">"), redirect)
        XCTAssertTrue(redirect.contains("href=\"../../pitfalls/second/index.html\""))
        XCTAssertTrue(redirect.contains("noindex"))
        let legacy = site.text("legacy/index.html")
        XCTAssertTrue(legacy.contains("url=../pitfalls/second/index.html\""), legacy)
        // The redirect's target exists.
        XCTAssertTrue(site.exists("pitfalls/second/index.html"))
    }

    func testAliasClashingWithAPageIsAnError() throws {
        let folder = try TemporaryFolder("aliases")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/second.md": """
            ---
            title: Second pitfall
            kind: pitfall
            aliases: [about/]
            ---
            Text.

            """])
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertEqual(errors.map(\.file), ["content/pitfalls/second.md"])
        XCTAssertTrue(errors.first?.message.contains("alias") == true, "\(errors)")
    }
}
