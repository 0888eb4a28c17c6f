import Foundation
import Markdown
import Scoring
@testable import SiteBuilder
import XCTest

final class ExportMarkdownTests: XCTestCase {
    private static let renderer = MarkdownRenderer(options: MarkdownOptions())

    private func exportDefaultSite(_ format: ExportFormat) throws -> (folder: URL, report: ExportReport, site: Site) {
        let output = try ExportFixture.temporaryFolder("export")
        addTeardownBlock { try? FileManager.default.removeItem(at: output) }
        let report = try SiteExport.export(ExportOptions(source: ExportFixture.siteRoot, output: output, format: format))
        let site = try SiteLoader(sourceFolder: ExportFixture.siteRoot).load()
        return (output, report, site)
    }

    func testEveryGuideKeepsAllOfItsWords() throws {
        let (folder, _, site) = try exportDefaultSite(.markdown)
        let values = site.placeholderValues
        // The site's fenced blocks become tables and images in the export; here they only vanish,
        // so the comparison is about the prose around them.
        let dropBlocks: FencedBlockRenderer = { _ in "" }
        let sourceRenderer = MarkdownRenderer(fencedBlocks: ["chart": dropBlocks, "ladder": dropBlocks, "compare": dropBlocks, "bands": dropBlocks, "planner": dropBlocks])
        XCTAssertFalse(site.pages.isEmpty)
        for page in site.pages {
            let file = folder.appendingPathComponent(ExportDocuments.exportedFile(forContentPath: page.contentPath))
            let exported = try Self.renderer.render(ExportFixture.text(file))
            XCTAssertFalse(exported.html.contains("raw HTML omitted"), file.path)
            let source = try sourceRenderer.render(Placeholders.expand(page.body, values: values).text)
            let exportedWords = ExportFixture.words(exported.plainText)
            for (word, count) in ExportFixture.words(source.plainText) {
                XCTAssertGreaterThanOrEqual(exportedWords[word] ?? 0, count, "\(page.contentPath): “\(word)” lost in the export")
            }
            XCTAssertEqual(ExportFixture.words(exported.headings.first?.text ?? ""), ExportFixture.words(page.metadata.title), "\(page.contentPath) starts with its title")
        }
    }

    func testBlocksBecomeGFMTablesListsAndChartImages() throws {
        let (folder, report, _) = try exportDefaultSite(.markdown)
        let fiveDimensions = try ExportFixture.text(folder.appendingPathComponent("comparisons/five-dimensions.md"))
        XCTAssertFalse(fiveDimensions.contains("```compare"))
        XCTAssertTrue(fiveDimensions.contains("| --- |"), "compare block as a GFM table")
        let ladders = try ExportFixture.text(folder.appendingPathComponent("comparisons/ladders.md"))
        XCTAssertFalse(ladders.contains("```ladder"))
        XCTAssertTrue(ladders.contains("| Level | Scope |\n| --- | --- |\n| Distinguished engineer / Fellow | "), "each track's levels as a table, top first")
        let charts = report.files.filter { $0.hasSuffix(".svg") }
        XCTAssertFalse(charts.isEmpty)
        for chart in charts {
            XCTAssertTrue(chart.contains("/images/") || chart.hasPrefix("images/"), chart)
            let svg = try ExportFixture.text(folder.appendingPathComponent(chart))
            XCTAssertTrue(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
            XCTAssertTrue(svg.contains("<rect"), "the bars themselves")
            let page = (chart as NSString).deletingLastPathComponent.replacingOccurrences(of: "images", with: "")
                + ((chart as NSString).lastPathComponent.components(separatedBy: "-chart-").first ?? "") + ".md"
            let markdown = try ExportFixture.text(folder.appendingPathComponent(page))
            XCTAssertTrue(markdown.contains("](images/\((chart as NSString).lastPathComponent))"), "\(page) shows \(chart)")
        }
    }

    func testPaperQuestionnaireBandTableEqualsTheScoringModule() throws {
        let (folder, _, site) = try exportDefaultSite(.markdown)
        let questionnaire = try XCTUnwrap(site.questionnaire)
        let paper = try ExportFixture.text(folder.appendingPathComponent("questionnaire.md"))
        let rendered = try Self.renderer.render(paper)
        let results = try XCTUnwrap(rendered.headings.first { $0.text == "Results" }, "a Results section")
        XCTAssertEqual(results.level, 3)
        let tableStart = try XCTUnwrap(paper.range(of: "| Result | Total | What it suggests |"))
        let rows = paper[tableStart.lowerBound...].split(separator: "\n").prefix { $0.hasPrefix("|") }.dropFirst(2)
        let cells = rows.map { row in
            row.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\", with: "") }
        }
        let expected = questionnaire.bands.map { [$0.label, "\($0.min)–\($0.max)", $0.summary] }
        XCTAssertEqual(cells, expected)
        // The paper form lists every statement with a 0–10 grid and names the reversed ones.
        for (offset, item) in questionnaire.items.enumerated() {
            XCTAssertTrue(paper.contains("| \(offset + 1) | \(GFMText.escape(item.text)) |"), item.id)
        }
        let reversed = questionnaire.items.enumerated().filter { $0.element.reverse }.map { String($0.offset + 1) }.joined(separator: ", ")
        XCTAssertTrue(paper.contains("Reverse-keyed statements: \(reversed)."), "reverse-keyed items listed")
        XCTAssertTrue(paper.contains("| \\# | Statement | " + questionnaire.scale.answers.map(String.init).joined(separator: " | ") + " |"))
    }

    func testEveryLinkBetweenExportedFilesResolves() throws {
        let (folder, report, _) = try exportDefaultSite(.markdown)
        var headingIDs: [String: Set<String>] = [:]
        var checked = 0
        for file in report.files where file.hasSuffix(".md") {
            let url = folder.appendingPathComponent(file)
            let rendered = try Self.renderer.render(ExportFixture.text(url))
            for link in rendered.links {
                let destination = link.destination
                if destination.hasPrefix("http://") || destination.hasPrefix("https://") || destination.hasPrefix("mailto:") { continue }
                XCTAssertFalse(destination.hasPrefix("@/") || destination.hasPrefix("/"), "\(file): \(destination) not rewritten")
                let target = destination.hasPrefix("#") ? url : ExportFixture.resolve(destination, from: url)
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(file): \(destination) -> \(target.path)")
                if let hash = destination.firstIndex(of: "#") {
                    let fragment = String(destination[destination.index(after: hash)...])
                    let key = target.path
                    if headingIDs[key] == nil {
                        headingIDs[key] = Set(try Self.renderer.render(ExportFixture.text(target)).headings.map(\.id))
                    }
                    XCTAssertTrue(headingIDs[key]?.contains(fragment) == true, "\(file): #\(fragment) is not a heading of \(destination)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20, "the guides link to each other")
    }

    func testTechDocsNavigationListsEveryExportedFile() throws {
        let (folder, report, site) = try exportDefaultSite(.techdocs)
        let config = try ExportFixture.text(folder.appendingPathComponent("mkdocs.yml"))
        XCTAssertTrue(config.hasPrefix("site_name: \"\(site.config.title)\"\n"))
        XCTAssertTrue(config.contains("\nnav:\n"))
        let markdownFiles = report.files.filter { $0.hasSuffix(".md") }
        XCTAssertFalse(markdownFiles.isEmpty)
        for file in markdownFiles {
            XCTAssertTrue(file.hasPrefix("docs/"), file)
            XCTAssertTrue(config.contains("\"\(file.dropFirst("docs/".count))\"\n"), "mkdocs.yml lists \(file)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
        }
    }

    func testRelativePathsBetweenExportedFiles() {
        XCTAssertEqual(MarkdownSourceConverter.relativePath(from: "pitfalls/a.md", to: "comparisons/b.md"), "../comparisons/b.md")
        XCTAssertEqual(MarkdownSourceConverter.relativePath(from: "pitfalls/a.md", to: "pitfalls/b.md"), "b.md")
        XCTAssertEqual(MarkdownSourceConverter.relativePath(from: "index.md", to: "pitfalls/index.md"), "pitfalls/index.md")
        XCTAssertEqual(MarkdownSourceConverter.relativePath(from: "pitfalls/a.md", to: "doing-both.md"), "../doing-both.md")
    }
}
