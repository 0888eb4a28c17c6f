import Foundation
import Scoring
import XCTest

/// `crossroads export --format mediawiki` loaded into a real MediaWiki 1.39 (Debian's package on
/// `php -S` with SQLite) the way its README says, then every page fetched as a reader gets it.
/// Run by `make test-wikis` (which installs the engine); `make test` skips it.
final class MediaWikiEngineTests: XCTestCase {
    /// MediaWiki's article area, between the parser output and the footer.
    static let articleStart = #"<div class="mw-parser-output">"#
    static let articleEnd = #"<div class="printfooter""#

    func testTheExportImportsAndEveryPageRendersWithBlueLinksTablesImagesAndTheBandEdges() async throws {
        let site = try TemporarySite()
        let export = try WikiExport.run(site, format: "mediawiki")
        let pages = try WikiExport.dumpPages(export.appendingPathComponent("dump.xml"))
        XCTAssertEqual(pages.count, try WikiExport.markdownTitles(site).count, "one wiki page per exported guide, section and page")
        let titles = Set(pages.map { Self.normalized($0.title) })

        let wiki = try MediaWikiInstance()
        try wiki.importExport(export)
        try await wiki.start()
        let server = try XCTUnwrap(wiki.server)

        var rendered: [String: RenderedWikiPage] = [:]
        var linksBetweenPages = 0
        var shownImages: Set<String> = []
        for page in pages {
            let (status, html) = try server.get(wiki.pageAddress(page.title))
            XCTAssertEqual(status, 200, "\(page.title) is served")
            XCTAssertFalse(html.contains("noarticletext"), "\(page.title) exists in the wiki")
            let article = try RenderedWikiPage(name: page.title, html: html, start: Self.articleStart, end: Self.articleEnd)
            rendered[page.title] = article

            // Every wikitext heading and table became HTML, and no wiki syntax shows as text.
            let lines = page.text.split(separator: "\n", omittingEmptySubsequences: false)
            // (Not counting the table of contents' own "Contents" heading.)
            XCTAssertEqual(article.headings.filter { !$0.contains(#"id="mw-toc-heading""#) }.count,
                           lines.filter { $0.hasPrefix("==") && $0.hasSuffix("==") }.count, "\(page.title): headings")
            XCTAssertEqual(article.tags("table").count, lines.filter { $0.hasPrefix("{|") }.count, "\(page.title): tables")
            for syntax in ["{|", "|}", "[[", "]]", "'''", "{{"] {
                XCTAssertFalse(article.text.contains(syntax), "\(page.title) shows \(syntax) as text")
            }

            // No red link: every link between pages and every file link finds its target.
            for anchor in article.tags("a") {
                let href = RenderedWikiPage.attribute("href", of: anchor) ?? ""
                XCTAssertFalse(RenderedWikiPage.classes(of: anchor).contains("new"), "\(page.title): red link \(anchor)")
                if let target = Self.articleTitle(href), !target.hasPrefix("File:"), !target.hasPrefix("Special:") {
                    XCTAssertTrue(titles.contains(Self.normalized(target)), "\(page.title) links \(target), which is not an exported page")
                    linksBetweenPages += 1
                }
            }
            XCTAssertFalse(html.contains("Pages_with_broken_file_links"), "\(page.title) has a broken file link")
            XCTAssertFalse(article.content.contains("MediaTransformError"), "\(page.title): an image failed to render")
            for image in article.tags("img") {
                let source = try XCTUnwrap(RenderedWikiPage.attribute("src", of: image))
                let (imageStatus, _) = try server.get(source)
                XCTAssertEqual(imageStatus, 200, "\(page.title): \(source)")
                shownImages.insert(source)
            }
        }
        XCTAssertGreaterThan(linksBetweenPages, pages.count, "the pages link each other as wiki links")
        // Every exported chart is uploaded and shown (MediaWiki capitalises the first letter).
        for file in try FileManager.default.contentsOfDirectory(atPath: export.appendingPathComponent("images").path) where file.hasSuffix(".svg") {
            let name = file.prefix(1).uppercased() + file.dropFirst()
            XCTAssertTrue(shownImages.contains { $0.contains("/" + name) }, "\(file) is shown on some page")
        }

        // The scoring guide's band table carries the scoring module's edges.
        let questionnaire = try GuidesPlaceholderTests.questionnaire(of: site)
        let paper = try XCTUnwrap(WikiBandTable.page(showing: questionnaire, in: Array(rendered.values)), "no page shows the band table \(WikiBandTable.expectedRows(questionnaire))")

        let guideTitle = try XCTUnwrap(pages.first { $0.text.contains("{|") && Self.normalized($0.title).contains("Five dimensions") }?.title)
        try await WikiScreenshots.take([
            .init(name: "wiki-mediawiki-guide", address: wiki.pageAddress(guideTitle), tableContaining: nil),
            .init(name: "wiki-mediawiki-questionnaire", address: wiki.pageAddress(paper.name), tableContaining: questionnaire.items[0].text),
        ], on: server)

        // Moving a band edge in questionnaire.yml and importing again moves the wiki's table.
        try site.replaceOnce("    min: 101\n", with: "    min: 111\n", in: "content/questionnaire.yml")
        try site.replaceOnce("    max: 100\n", with: "    max: 110\n", in: "content/questionnaire.yml")
        let moved = try GuidesPlaceholderTests.questionnaire(of: site)
        try wiki.importExport(WikiExport.run(site, format: "mediawiki", into: "export-moved"))
        let (_, html) = try server.get(wiki.pageAddress(paper.name))
        let again = try RenderedWikiPage(name: paper.name, html: html, start: Self.articleStart, end: Self.articleEnd)
        XCTAssertNotNil(WikiBandTable.page(showing: moved, in: [again]), "after the edge moved: \(WikiBandTable.expectedRows(moved))")
        XCTAssertFalse(again.tableRows.contains { $0.contains("101–150") }, "the old edge is gone")
    }

    /// The page title an article link points at (`/index.php/Title` or `/index.php?title=Title&...`).
    static func articleTitle(_ href: String) -> String? {
        if href.hasPrefix("/index.php/") {
            return String(href.dropFirst("/index.php/".count)).removingPercentEncoding.map { String($0.split(separator: "#", maxSplits: 1).first ?? "") }
        }
        guard href.hasPrefix("/index.php?"), let query = URLComponents(string: href)?.queryItems else { return nil }
        return query.first { $0.name == "title" }?.value
    }

    /// Titles as MediaWiki compares them: underscores are spaces, the first letter is capital.
    static func normalized(_ title: String) -> String {
        let spaced = title.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
