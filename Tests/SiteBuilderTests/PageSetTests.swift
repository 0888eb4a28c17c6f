import Foundation
@testable import SiteBuilder
import XCTest

/// The set of files a build writes: pages, kind indexes, tags, feeds and hashed assets.
final class PageSetTests: XCTestCase {
    func testDefaultSiteWritesEveryPageIndexAndSiteFile() throws {
        let site = try SharedDefaultBuild.shared.site()
        let loaded = try SiteLoader(sourceFolder: DefaultSite.oneLanguageRoot).load()
        XCTAssertFalse(loaded.pages.isEmpty)
        for page in loaded.pages {
            XCTAssertTrue(site.exists(SitePath.outputFile(for: page.sitePath)), "no output for \(page.file)")
        }
        for index in ["comparisons/index.html", "pitfalls/index.html", "pendulum/index.html", "mastery/index.html"] {
            XCTAssertTrue(site.exists(index), "missing kind index \(index)")
        }
        for file in ["index.html", "sitemap.xml", "atom.xml", "robots.txt", "404.html", "search-index.js", "search-index/0.js", "search/index.html"] {
            XCTAssertTrue(site.exists(file), "missing \(file)")
        }
        let tagged = loaded.pages.flatMap(\.metadata.tags)
        if !tagged.isEmpty {
            XCTAssertTrue(site.exists("tags/index.html"))
            for tag in Set(tagged) {
                XCTAssertTrue(site.exists("tags/\(SitePath.slugify(tag))/index.html"), "missing tag page for \(tag)")
            }
        }
        XCTAssertTrue(site.exists("pitfalls/no-training/index.html"))
        // Every page is listed in the sitemap.
        let sitemap = site.text("sitemap.xml")
        for page in loaded.pages {
            XCTAssertTrue(sitemap.contains("<loc>/\(page.sitePath)</loc>"), "sitemap lacks \(page.sitePath)")
        }
    }

    func testKindIndexesListTheirPagesInWeightOrder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        let pitfalls = site.text("pitfalls/index.html")
        let first = try XCTUnwrap(pitfalls.range(of: "href=\"../pitfalls/first/index.html\""))
        let second = try XCTUnwrap(pitfalls.range(of: "href=\"../pitfalls/second/index.html\""))
        XCTAssertLessThan(first.lowerBound, second.lowerBound, "weight 1 must come before weight 2")
        // Plain pages have no index; the other kinds each have one.
        XCTAssertFalse(site.exists("pages/index.html"))
        for index in ["comparisons/index.html", "pendulum/index.html", "mastery/index.html", "about/index.html"] {
            XCTAssertTrue(site.exists(index), "missing \(index)")
        }
        // Tags: index plus one page per tag, listing the pages carrying it.
        XCTAssertTrue(site.text("tags/index.html").contains("people (2)"))
        let people = site.text("tags/people/index.html")
        XCTAssertTrue(people.contains("First pitfall") && people.contains("Second pitfall"))
        XCTAssertFalse(site.text("tags/growth/index.html").contains("Second pitfall"))
        // prev/next within the kind.
        let firstPage = site.text("pitfalls/first/index.html")
        XCTAssertTrue(firstPage.contains("<a rel=\"next\" href=\"../../pitfalls/second/index.html\">Second pitfall</a>"))
        XCTAssertFalse(firstPage.contains("rel=\"prev\""))
    }

    func testAssetsAreHashedAndReferencedByExactName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let output = folder.url.appendingPathComponent("public")
        let first = try buildSite(source: folder.url, output: output)
        let css = try XCTUnwrap(hashedCSS(in: first))
        XCTAssertEqual(first.data("assets/" + css), Data(MinimalSite.css.utf8))
        for page in ["index.html", "pitfalls/first/index.html", "tags/people/index.html", "404.html"] {
            let root = page == "index.html" || page == "404.html" ? "./" : String(repeating: "../", count: page.split(separator: "/").count - 1)
            XCTAssertTrue(first.text(page).contains("href=\"\(root)assets/\(css)\""), "\(page) does not link assets/\(css)")
        }

        try folder.write("templates/assets/site.css", "body { color: #000; }\n")
        let second = try buildSite(source: folder.url, output: output)
        let changed = try XCTUnwrap(hashedCSS(in: second))
        XCTAssertNotEqual(css, changed, "changing the stylesheet must change its file name")
        XCTAssertFalse(second.exists("assets/" + css), "the old stylesheet must be gone after the swap")
        XCTAssertTrue(second.text("index.html").contains("assets/\(changed)"))
    }

    func testDefaultSiteAssetsAreHashedAndLinked() throws {
        let site = try SharedDefaultBuild.shared.site()
        let assets = site.files.filter { $0.hasPrefix("assets/") && ($0.hasSuffix(".css") || $0.hasSuffix(".js")) }
        XCTAssertFalse(assets.isEmpty)
        let home = site.text("index.html")
        for asset in assets {
            let name = (asset as NSString).lastPathComponent
            XCTAssertNotNil(name.range(of: #"^[a-z-]+\.[0-9a-f]{6,}\.(css|js)$"#, options: .regularExpression), "\(name) carries no hash")
        }
        let linked = attributeValues(["href", "src"], in: home).filter { $0.contains("assets/") }
        XCTAssertFalse(linked.isEmpty)
        for link in linked {
            XCTAssertTrue(site.files.contains(String(link.dropFirst("./".count))), "home links \(link), which was not written")
        }
    }

    private func hashedCSS(in site: BuiltSite) -> String? {
        let names = site.files.filter { $0.hasPrefix("assets/site.") && $0.hasSuffix(".css") }.map { ($0 as NSString).lastPathComponent }
        XCTAssertEqual(names.count, 1, "expected exactly one stylesheet, found \(names)")
        guard let name = names.first else { return nil }
        XCTAssertNotNil(name.range(of: #"^site\.[0-9a-f]{6,}\.css$"#, options: .regularExpression), "\(name) carries no hash")
        return name
    }
}
