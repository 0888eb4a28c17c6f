import Foundation
@testable import SiteBuilder
import XCTest

final class EmbedPagesTests: XCTestCase {
    private func buildDefaultSite(baseURL: String? = nil) throws -> (output: URL, site: Site) {
        let output = try ExportFixture.temporaryFolder("embed").appendingPathComponent("public")
        addTeardownBlock { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        _ = try SiteBuild.build(BuildOptions(source: ExportFixture.siteRoot, output: output, baseURL: baseURL))
        return (output, try SiteLoader(sourceFolder: ExportFixture.siteRoot).load(baseURLOverride: baseURL))
    }

    func testEveryPageHasAChromelessEmbedWhoseLinksOpenFullPagesInANewTab() throws {
        let (output, site) = try buildDefaultSite()
        XCTAssertFalse(site.pages.isEmpty)
        for page in site.pages {
            let file = output.appendingPathComponent("embed/" + SitePath.outputFile(for: page.sitePath))
            let html = try ExportFixture.text(file)
            XCTAssertFalse(html.contains("site-header") || html.contains("site-nav") || html.contains("site-footer"), "\(file.path) has site chrome")
            XCTAssertTrue(html.contains("class=\"crossroads-embed\""))
            XCTAssertTrue(html.contains("data-embed-path=\"\(page.sitePath)\""))
            let scripts = ExportFixture.attributeValues("src", in: html)
            XCTAssertTrue(scripts.contains { $0.contains("assets/embed.") && $0.hasSuffix(".js") }, "\(page.sitePath) loads embed.js")
            for source in scripts + ExportFixture.attributeValues("href", in: html) where !source.hasPrefix("#") && !source.hasPrefix("http") {
                let target = ExportFixture.resolve(source, from: file)
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(page.sitePath): \(source) does not exist")
            }
            let anchors = ExportFixture.anchorTags(in: html)
            XCTAssertFalse(anchors.isEmpty)
            for tag in anchors {
                guard let href = ExportFixture.attributeValues("href", in: tag).first else { continue }
                if href.hasPrefix("#") { XCTAssertFalse(tag.contains("target="), tag); continue }
                XCTAssertTrue(tag.contains(" target=\"_blank\" rel=\"noopener\""), "\(page.sitePath): \(tag)")
                let target = ExportFixture.resolve(href, from: file).path
                XCTAssertFalse(target.hasPrefix(output.appendingPathComponent("embed").path + "/"), "\(page.sitePath): \(href) points at an embed page")
            }
        }
    }

    func testEmbedScriptPostsTheDocumentedMessage() throws {
        let script = try ExportFixture.text(ExportFixture.siteRoot.appendingPathComponent("templates/assets/embed.js"))
        XCTAssertTrue(script.contains("type: 'crossroads:height', height: contentHeight(), path: path }, '*')"))
        XCTAssertTrue(script.contains("ResizeObserver"))
        XCTAssertFalse(script.contains("localStorage"), "works without allow-same-origin")
    }

    func testStandaloneGuidesAreSelfContainedWithAMatchingPolicy() throws {
        let (output, site) = try buildDefaultSite()
        for page in site.pages where !page.sitePath.isEmpty && page.metadata.template != "questionnaire" {
            let file = output.appendingPathComponent("standalone/" + page.sitePath.dropLast() + ".html")
            let html = try ExportFixture.text(file)
            EmbedSelfContained.assertSelfContained(html, file: file, output: output)
            XCTAssertTrue(html.contains("<style>"))
        }
    }

    func testStandaloneLinksAreAbsoluteUnderTheBaseURL() throws {
        let base = "https://example.test/guides/"
        let (output, site) = try buildDefaultSite(baseURL: base)
        let page = try XCTUnwrap(site.pages.first { $0.contentPath == "pitfalls/no-training.md" })
        let html = try ExportFixture.text(output.appendingPathComponent("standalone/" + page.sitePath.dropLast() + ".html"))
        let hrefs = ExportFixture.attributeValues("href", in: html)
        XCTAssertFalse(hrefs.isEmpty)
        for href in hrefs where !href.hasPrefix("#") && !href.hasPrefix("data:") {
            XCTAssertTrue(href.hasPrefix(base) || href.hasPrefix("http"), href)
        }
    }
}
