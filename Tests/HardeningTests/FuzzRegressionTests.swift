import Foundation
import TestSupport
@testable import SiteBuilder
import XCTest

/// Inputs the fuzzing properties found problems with, kept as plain tests.
final class FuzzRegressionTests: XCTestCase {
    /// Found by `testFrontMatterSplitTreatsCRLFLikeLF`: Swift treats "\r\n" as one Character, so
    /// splitting on "\n" saw a Windows file as one line and reported "page has no front matter".
    func testPageWithWindowsLineEndingsBuilds() throws {
        let scratch = try ScratchFolder("crlf")
        defer { scratch.remove() }
        try Overlay.copy(Repository.badInput.appendingPathComponent("_base"), into: scratch.url, skipping: ["README.md"])
        try scratch.write("content/pitfalls/windows.md", "---\r\ntitle: Saved on Windows\r\nkind: pitfall\r\nweight: 2\r\n---\r\n# Heading\r\n\r\nBody.\r\n")
        let site = try SiteLoader(sourceFolder: scratch.url).load()
        let page = try XCTUnwrap(site.pages.first { $0.contentPath == "pitfalls/windows.md" })
        XCTAssertEqual(page.metadata.title, "Saved on Windows")
        XCTAssertEqual(page.metadata.weight, 2)
        XCTAssertEqual(page.bodyFirstLine, 6)
    }

    /// Same root cause in the placeholder expander: lines after a "\r\n" were numbered too low.
    func testUnknownPlaceholderLineCountsWindowsLineEndings() {
        let expanded = Placeholders.expand("one\r\ntwo\r\n{{scoring.nope}}\r\n", values: [:])
        XCTAssertEqual(expanded.unknown.map(\.line), [3])
    }
}
