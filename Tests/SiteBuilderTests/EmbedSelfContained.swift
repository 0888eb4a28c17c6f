import Foundation
@testable import SiteBuilder
import XCTest

/// Checks shared by the tests of self-contained files (standalone guides and questionnaire).
enum EmbedSelfContained {
    /// The `script-src` sources of the file's CSP meta, or nil when it has none.
    static func scriptSources(in html: String) -> [String]? {
        guard let policy = policy(in: html) else { return nil }
        return policy.components(separatedBy: "; ").first { $0.hasPrefix("script-src ") }?
            .dropFirst("script-src ".count).split(separator: " ").map(String.init) ?? []
    }

    /// The content of `<meta http-equiv="Content-Security-Policy">`, or nil when it has none.
    static func policy(in html: String) -> String? {
        guard let start = html.range(of: "<meta http-equiv=\"Content-Security-Policy\" content=\""),
              let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[start.upperBound..<end])
    }

    /// No file is fetched: no `src`, no stylesheet link; links are in-page, absolute, inline
    /// (`data:`, the icon), or (without a base URL) relative links to pages that exist in the built
    /// site; the CSP hashes match.
    static func assertSelfContained(_ html: String, file: URL, output: URL, line: UInt = #line) {
        XCTAssertEqual(ExportFixture.attributeValues("src", in: html), [], file.path, line: line)
        XCTAssertFalse(html.contains("<link rel=\"stylesheet\""), file.path, line: line)
        XCTAssertFalse(html.contains("@import"), file.path, line: line)
        for href in ExportFixture.attributeValues("href", in: html) where !href.hasPrefix("#") && !href.hasPrefix("http://") && !href.hasPrefix("https://") && !href.hasPrefix("data:") {
            XCTAssertTrue(FileManager.default.fileExists(atPath: ExportFixture.resolve(href, from: file).path), "\(file.path): \(href)", line: line)
        }
        guard let policy = policy(in: html), let sources = scriptSources(in: html) else {
            return XCTFail("\(file.path) has no CSP meta", line: line)
        }
        XCTAssertTrue(policy.hasPrefix("default-src 'none'; "), policy, line: line)
        let inline = Set(InlineScripts.bodies(in: html).map(InlineScripts.hashSource))
        XCTAssertEqual(Set(sources), inline.isEmpty ? ["'none'"] : inline, file.path, line: line)
    }
}
