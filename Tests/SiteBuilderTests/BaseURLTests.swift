import Foundation
import SiteBuilder
import XCTest

/// A base URL makes canonical, sitemap and feed URLs absolute; page links stay relative.
final class BaseURLTests: XCTestCase {
    static let base = "https://example.test/guides/"

    func testBaseURLMakesCanonicalAndFeedURLsAbsoluteAndKeepsLinksRelative() throws {
        let folder = try TemporaryFolder("base-url")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"), baseURL: Self.base)

        let page = site.text("pitfalls/first/index.html")
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"\(Self.base)pitfalls/first/\">"), page)
        XCTAssertTrue(site.text("pitfalls/index.html").contains("<link rel=\"canonical\" href=\"\(Self.base)pitfalls/\">"))

        // 404.html is served at any depth, so with a base URL its links are absolute on purpose.
        let notFound = attributeValues(["href", "src"], in: site.text("404.html"))
        XCTAssertTrue(notFound.contains { $0.hasPrefix(Self.base + "assets/site.") }, "\(notFound)")
        for file in site.htmlFiles where file != "404.html" {
            let html = site.text(file)
            for link in attributeValues(["href", "src"], in: html) {
                let isCanonical = html.contains("<link rel=\"canonical\" href=\"\(link)\">")
                if isCanonical { continue }
                XCTAssertFalse(link.hasPrefix("http"), "\(file) links \(link) absolutely; page links must stay relative")
                XCTAssertFalse(link.hasPrefix("/"), "\(file) links \(link) from the root")
            }
        }
        XCTAssertTrue(page.contains("href=\"../../pitfalls/second/index.html\""))

        let sitemap = site.text("sitemap.xml")
        let locations = Self.captures(#"<loc>([^<]*)</loc>"#, in: sitemap)
        XCTAssertFalse(locations.isEmpty)
        XCTAssertTrue(locations.allSatisfy { $0.hasPrefix(Self.base) }, "\(locations)")
        XCTAssertTrue(locations.contains(Self.base + "pitfalls/first/"))
        XCTAssertTrue(locations.contains(Self.base))

        let atom = site.text("atom.xml")
        let atomLinks = Self.captures(#"<link rel="[a-z]+" href="([^"]*)"/>"#, in: atom)
        XCTAssertTrue(atomLinks.contains(Self.base + "atom.xml"))
        XCTAssertTrue(atomLinks.contains(Self.base + "pitfalls/first/"))
        XCTAssertTrue(atomLinks.allSatisfy { $0.hasPrefix(Self.base) }, "\(atomLinks)")
        XCTAssertTrue(atom.contains("<id>\(Self.base)comparisons/paths/</id>"))

        XCTAssertTrue(site.text("robots.txt").contains("Sitemap: \(Self.base)sitemap.xml"))
    }

    func testBaseURLFromSiteYMLAndWithoutTrailingSlash() throws {
        let folder = try TemporaryFolder("base-url")
        defer { folder.remove() }
        try MinimalSite.write(into: folder, extra: ["site.yml": MinimalSite.siteYML + "base_url: https://example.test/guides\n"])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertTrue(site.text("sitemap.xml").contains("<loc>\(Self.base)pitfalls/first/</loc>"))
    }

    func testWithoutBaseURLNoCanonicalLinkIsPrinted() throws {
        let folder = try TemporaryFolder("base-url")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertFalse(site.text("pitfalls/first/index.html").contains("rel=\"canonical\""))
        XCTAssertFalse(site.text("robots.txt").contains("Sitemap:"))
    }

    func testBaseURLThatIsNotHTTPIsRefused() throws {
        let folder = try TemporaryFolder("base-url")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: folder.url, output: folder.url.appendingPathComponent("public"),
                                                               baseURL: "example.test/guides"))) { error in
            let errors = (error as? BuildFailure)?.errors ?? []
            XCTAssertEqual(errors.map(\.file), ["--base-url"])
            XCTAssertTrue(errors.first?.message.contains("absolute") == true)
        }
    }

    static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
