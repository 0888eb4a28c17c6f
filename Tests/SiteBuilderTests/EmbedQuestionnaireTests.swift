import Foundation
import Scoring
@testable import SiteBuilder
import XCTest

/// The questionnaire's other outputs: the embed page for iframes and the one-file
/// `questionnaire.standalone.html` that must work with nothing else around it.
final class EmbedQuestionnaireTests: XCTestCase {
    private func build(baseURL: String? = nil) throws -> (output: URL, questionnaire: Questionnaire) {
        let output = try ExportFixture.temporaryFolder("embed-questionnaire").appendingPathComponent("public")
        addTeardownBlock { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        _ = try SiteBuild.build(BuildOptions(source: ExportFixture.siteRoot, output: output, baseURL: baseURL))
        let site = try SiteLoader(sourceFolder: ExportFixture.siteRoot).load(baseURLOverride: baseURL)
        return (output, try XCTUnwrap(site.questionnaire, "the default site has a questionnaire"))
    }

    /// The text between `open` and the next `</script>`.
    private func scriptBody(after open: String, in html: String) throws -> String {
        let start = try XCTUnwrap(html.range(of: open), "no \(open)")
        let end = try XCTUnwrap(html[start.upperBound...].range(of: "</script>"))
        return String(html[start.upperBound..<end.lowerBound])
    }

    private func builtAsset(_ stem: String, _ ext: String, in output: URL) throws -> String {
        let folder = output.appendingPathComponent("assets")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(stem + ".") && $0.hasSuffix("." + ext) }
        XCTAssertEqual(names.count, 1, "\(names)")
        return try ExportFixture.text(folder.appendingPathComponent(try XCTUnwrap(names.first)))
    }

    func testStandaloneQuestionnaireCarriesTableScriptAndStylesInlineAndFetchesNothing() throws {
        let (output, questionnaire) = try build()
        let file = output.appendingPathComponent("questionnaire.standalone.html")
        let html = try ExportFixture.text(file)
        EmbedSelfContained.assertSelfContained(html, file: file, output: output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("standalone/questionnaire.html").path),
                       "the questionnaire's one-file form is questionnaire.standalone.html, not a standalone guide")

        // The scoring table is the compiled questionnaire, only made safe to sit inside <script>.
        let table = try scriptBody(after: "<script type=\"application/json\" id=\"scoring-table\">", in: html)
        XCTAssertFalse(table.contains("</"))
        XCTAssertEqual(table.replacingOccurrences(of: "<\\/", with: "</"), questionnaire.compile().canonicalJSON())
        // So are its words, and the sentences a refused result link is explained with.
        let words = try scriptBody(after: "<script type=\"application/json\" id=\"qn-words\">", in: html)
        XCTAssertEqual(words, questionnaire.wordsJSON(.english))

        // The questionnaire script is the built asset, inline, and the policy allows exactly it.
        let script = try scriptBody(after: "<script>", in: html)
        XCTAssertEqual(script, InlineScripts.scriptSafe(try builtAsset("questionnaire", "js", in: output)))
        XCTAssertEqual(EmbedSelfContained.scriptSources(in: html).map(Set.init),
                       [InlineScripts.hashSource(table), InlineScripts.hashSource(words), InlineScripts.hashSource(script)])

        // Both stylesheets are inline; the form has every statement and the paper scoring guide.
        XCTAssertTrue(html.contains(try builtAsset("site", "css", in: output)))
        XCTAssertTrue(html.contains(try builtAsset("questionnaire", "css", in: output)))
        XCTAssertEqual(html.components(separatedBy: "<fieldset class=\"qn-item\"").count - 1, questionnaire.items.count)
        for band in questionnaire.bands { XCTAssertTrue(html.contains("<tr id=\"guide-band-\(band.id)\">"), band.id) }
    }

    func testStandaloneQuestionnaireUnderABaseURLLinksOnlyWithinItselfOrToTheWeb() throws {
        let base = "https://example.test/guides/"
        let (output, _) = try build(baseURL: base)
        let html = try ExportFixture.text(output.appendingPathComponent("questionnaire.standalone.html"))
        XCTAssertEqual(ExportFixture.attributeValues("src", in: html), [])
        let hrefs = ExportFixture.attributeValues("href", in: html)
        XCTAssertTrue(hrefs.contains(base + "pitfalls/"), "result links reach the published guides: \(hrefs)")
        for href in hrefs where !href.hasPrefix("#") && !href.hasPrefix("data:") {
            XCTAssertTrue(href.hasPrefix("https://") || href.hasPrefix("http://"), href)
        }
    }

    /// The check above would notice a script changed after the build: its hash leaves the policy.
    func testAnEditedInlineScriptNoLongerMatchesThePolicy() throws {
        let (output, _) = try build()
        let html = try ExportFixture.text(output.appendingPathComponent("questionnaire.standalone.html"))
        let allowed = try XCTUnwrap(EmbedSelfContained.scriptSources(in: html))
        let edited = html.replacingOccurrences(of: "'use strict';", with: "'use strict'; window.injected = 1;")
        XCTAssertNotEqual(edited, html)
        let editedHashes = Set(InlineScripts.bodies(in: edited).map(InlineScripts.hashSource))
        XCTAssertFalse(editedHashes.isSubset(of: Set(allowed)))
    }

    func testEmbedQuestionnaireHasTheFormTheTableAndBothScripts() throws {
        let (output, questionnaire) = try build()
        let file = output.appendingPathComponent("embed/questionnaire/index.html")
        let html = try ExportFixture.text(file)
        XCTAssertTrue(html.contains("data-embed-path=\"questionnaire/\""))
        XCTAssertTrue(html.contains("<form class=\"qn-form\" id=\"qn-form\""))
        XCTAssertEqual(html.components(separatedBy: "<fieldset class=\"qn-item\"").count - 1, questionnaire.items.count)
        let table = try scriptBody(after: "<script type=\"application/json\" id=\"scoring-table\">", in: html)
        XCTAssertEqual(table, questionnaire.compile().canonicalJSON())
        let scripts = ExportFixture.attributeValues("src", in: html)
        XCTAssertEqual(scripts.count, 2, "\(scripts)")
        XCTAssertTrue(scripts.contains { $0.hasPrefix("../../assets/questionnaire.") && $0.hasSuffix(".js") }, "\(scripts)")
        XCTAssertTrue(scripts.contains { $0.hasPrefix("../../assets/embed.") && $0.hasSuffix(".js") }, "\(scripts)")
        let stylesheets = ExportFixture.attributeValues("href", in: html).filter { $0.hasSuffix(".css") }
        XCTAssertTrue(stylesheets.contains { $0.hasPrefix("../../assets/questionnaire.") }, "\(stylesheets)")
        for source in scripts + stylesheets {
            XCTAssertTrue(FileManager.default.fileExists(atPath: ExportFixture.resolve(source, from: file).path), source)
        }
        XCTAssertFalse(html.contains("site-header") || html.contains("site-footer"), "no site chrome in the iframe")
    }
}
