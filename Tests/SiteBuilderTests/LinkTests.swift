import Foundation
import SiteBuilder
import XCTest

/// Relative links resolve from every page, and `SiteCheck` finds broken links and anchors.
final class LinkTests: XCTestCase {
    func testEveryLinkOfTheDefaultSiteResolvesToAFile() throws {
        let site = try SharedDefaultBuild.shared.site()
        var broken: [String] = []
        for page in site.htmlFiles {
            let folder = (page as NSString).deletingLastPathComponent
            for link in attributeValues(["href", "src"], in: site.text(page)) {
                guard let target = Self.localTarget(of: link, fromFolder: folder) else { continue }
                if target.escapesRoot { broken.append("\(page): \(link) climbs above the site root"); continue }
                var isFolder: ObjCBool = false
                let path = site.folder.appendingPathComponent(target.path).path
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                    broken.append("\(page): \(link)")
                } else if isFolder.boolValue && !site.exists(target.path + "/index.html") {
                    broken.append("\(page): \(link) is a folder without index.html")
                }
            }
        }
        XCTAssertEqual(broken, [], "links that resolve to no file")
    }

    func testNestedPagesLinkUpTwoLevels() throws {
        let site = try SharedDefaultBuild.shared.site()
        let page = site.text("pitfalls/no-training/index.html")
        let links = attributeValues(["href", "src"], in: page)
        XCTAssertTrue(links.contains { $0.hasPrefix("../../assets/") && $0.hasSuffix(".css") }, "stylesheet is not linked as ../../assets/…")
        XCTAssertTrue(links.contains("../../index.html"), "no link back to the home page")
        XCTAssertFalse(links.contains { $0.hasPrefix("/") && !$0.hasPrefix("//") }, "root-absolute links break under a sub-path")
    }

    func testSiteCheckFindsNoProblemOnTheDefaultSite() throws {
        let problems = try SiteCheck.run(source: DefaultSite.root)
        XCTAssertEqual(problems.map(\.description), [])
    }

    func testBrokenContentLinkIsReportedWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/second.md": """
            ---
            title: Second pitfall
            kind: pitfall
            ---
            Intro.

            See [nothing](@/missing.md) here.

            """])
        let errors = buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertEqual(errors.count, 1, "\(errors)")
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.file, "content/pitfalls/second.md")
        XCTAssertEqual(error.line, 7)
        XCTAssertTrue(error.message.contains("missing.md"), error.message)
        // `check` reports the same problem rather than passing.
        XCTAssertThrowsError(try SiteCheck.run(source: folder.url)) { error in
            XCTAssertEqual((error as? BuildFailure)?.errors.first?.line, 7)
        }
    }

    func testMissingAnchorIsReportedByCheckWithFileAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["content/pitfalls/second.md": """
            ---
            title: Second pitfall
            kind: pitfall
            ---
            Line one.

            Line three [a heading that is gone](@/pitfalls/first.md#no-such-heading).

            And [an anchor on this page](#also-missing).

            """])
        // The build itself succeeds: anchors are only known once pages are rendered.
        try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let problems = try SiteCheck.run(source: folder.url)
        let located = problems.map { "\($0.file):\($0.line ?? 0)" }
        XCTAssertEqual(located, ["content/pitfalls/second.md:7", "content/pitfalls/second.md:9"], "\(problems)")
        XCTAssertTrue(problems.allSatisfy { $0.message.contains("anchor") }, "\(problems)")
        XCTAssertTrue(problems.first?.message.contains("no-such-heading") == true)
    }

    func testMinimalSiteHasNoCheckProblems() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        XCTAssertEqual(try SiteCheck.run(source: folder.url).map(\.description), [])
    }

    struct LocalTarget {
        var path: String
        var escapesRoot: Bool
    }

    /// The site-relative file a link points at, or nil for external links and same-page anchors.
    static func localTarget(of link: String, fromFolder folder: String) -> LocalTarget? {
        var path = link.replacingOccurrences(of: "&amp;", with: "&")
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.isEmpty || path.hasPrefix("//") { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        var parts = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        var escapes = false
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { escapes = true } else { parts.removeLast() }
            } else {
                parts.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        return LocalTarget(path: parts.joined(separator: "/"), escapesRoot: escapes)
    }
}
