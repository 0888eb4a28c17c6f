import Foundation
import Scoring
import XCTest

/// `crossroads export --format dokuwiki` copied into a real DokuWiki (Debian's package on
/// `php -S`, its data folder in a temporary folder), then every page fetched as a reader gets it.
/// Run by `make test-wikis` (which installs the engine); `make test` skips it.
final class DokuWikiEngineTests: XCTestCase {
    static let articleStart = "<!-- wikipage start -->"
    static let articleEnd = "<!-- wikipage stop -->"

    func testTheExportLoadsAndEveryPageRendersWithExistingLinksTablesImagesAndTheBandEdges() async throws {
        let site = try TemporarySite()
        let export = try WikiExport.run(site, format: "dokuwiki")
        let wiki = try DokuWikiInstance()
        try wiki.importExport(export)
        let ids = try wiki.pageIDs()
        XCTAssertEqual(ids.count, try WikiExport.markdownTitles(site).count, "one wiki page per exported guide, section and page")
        try await wiki.start()
        let server = try XCTUnwrap(wiki.server)

        var rendered: [String: RenderedWikiPage] = [:]
        var linksBetweenPages = 0
        var shownMedia: Set<String> = []
        for id in ids {
            let source = try String(contentsOf: wiki.data.appendingPathComponent("pages/" + id.replacingOccurrences(of: ":", with: "/") + ".txt"), encoding: .utf8)
            let (status, html) = try server.get(wiki.pageAddress(id))
            XCTAssertEqual(status, 200, "\(id) is served")
            let article = try RenderedWikiPage(name: id, html: html, start: Self.articleStart, end: Self.articleEnd)
            rendered[id] = article

            // Every heading and table of the DokuWiki text became HTML, and no syntax shows as text.
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let headings = lines.filter { $0.range(of: #"^={2,6} .* ={2,6}\s*$"#, options: .regularExpression) != nil }.count
            // (Not counting the table of contents' own heading, `<h3 class="toggle">`.)
            XCTAssertEqual(article.headings.filter { !RenderedWikiPage.classes(of: $0).contains("toggle") }.count, headings, "\(id): headings")
            let tableStarts = lines.indices.filter { index in
                Self.isTableLine(lines[index]) && (index == 0 || !Self.isTableLine(lines[index - 1]))
            }.count
            XCTAssertEqual(article.tableCount, tableStarts, "\(id): tables")
            for syntax in ["[[", "]]", "{{", "}}", "^ ", "======"] {
                XCTAssertFalse(article.text.contains(syntax), "\(id) shows \(syntax) as text")
            }

            // No link to a missing page (DokuWiki's wikilink2); every wiki link names an exported page.
            for anchor in article.tags("a") {
                let classes = RenderedWikiPage.classes(of: anchor)
                XCTAssertFalse(classes.contains("wikilink2"), "\(id): link to a missing page \(anchor)")
                if classes.contains("wikilink1"), let target = RenderedWikiPage.attribute("data-wiki-id", of: anchor) {
                    XCTAssertTrue(ids.contains(target), "\(id) links \(target), which is not an exported page")
                    linksBetweenPages += 1
                }
            }
            for image in article.tags("img") {
                let address = try XCTUnwrap(RenderedWikiPage.attribute("src", of: image))
                let (imageStatus, body) = try server.get(address)
                XCTAssertEqual(imageStatus, 200, "\(id): \(address)")
                if address.contains("fetch.php") {
                    XCTAssertTrue(body.contains("<svg"), "\(id): \(address) is the SVG chart")
                    shownMedia.insert(address)
                }
            }
        }
        XCTAssertGreaterThan(linksBetweenPages, ids.count, "the pages link each other as wiki links")
        let media = wiki.data.appendingPathComponent("media")
        let mediaFiles = FileManager.default.enumerator(atPath: media.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".svg") } ?? []
        XCTAssertFalse(mediaFiles.isEmpty, "the export has its charts in data/media")
        for file in mediaFiles {
            let mediaID = file.replacingOccurrences(of: "/", with: ":")
            XCTAssertTrue(shownMedia.contains { $0.contains("media=" + mediaID) || $0.contains("media=" + MediaWikiInstance.encode(mediaID)) },
                          "\(mediaID) is shown on some page")
        }

        let questionnaire = try GuidesPlaceholderTests.questionnaire(of: site)
        let paper = try XCTUnwrap(WikiBandTable.page(showing: questionnaire, in: Array(rendered.values)),
                                  "no page shows the band table \(WikiBandTable.expectedRows(questionnaire))")
        let guide = try XCTUnwrap(ids.first { $0.hasSuffix("five-dimensions") }, "the five-dimensions comparison is exported")
        try await WikiScreenshots.take([
            .init(name: "wiki-dokuwiki-guide", address: wiki.pageAddress(guide), tableContaining: nil),
            .init(name: "wiki-dokuwiki-questionnaire", address: wiki.pageAddress(paper.name), tableContaining: questionnaire.items[0].text),
        ], on: server)

        // Moving a band edge in questionnaire.yml and copying the pages again moves the wiki's table.
        try site.replaceOnce("    min: 101\n", with: "    min: 111\n", in: "content/questionnaire.yml")
        try site.replaceOnce("    max: 100\n", with: "    max: 110\n", in: "content/questionnaire.yml")
        let moved = try GuidesPlaceholderTests.questionnaire(of: site)
        try wiki.importExport(WikiExport.run(site, format: "dokuwiki", into: "export-moved"))
        let (_, html) = try server.get(wiki.pageAddress(paper.name))
        let again = try RenderedWikiPage(name: paper.name, html: html, start: Self.articleStart, end: Self.articleEnd)
        XCTAssertNotNil(WikiBandTable.page(showing: moved, in: [again]), "after the edge moved: \(WikiBandTable.expectedRows(moved))")
        XCTAssertFalse(again.tableRows.contains { $0.contains("101–150") }, "the old edge is gone")
    }

    static func isTableLine(_ line: Substring) -> Bool {
        line.hasPrefix("^") || line.hasPrefix("|")
    }
}
