import Foundation
import SiteBuilder
import TestSupport
import XCTest

/// An edited catalogue reaches every page that prints its words: after editing the German
/// questionnaire and planner catalogues, a cached build equals a clean one byte for byte.
final class CatalogueCacheTests: XCTestCase {
    func testACachedBuildFollowsCatalogueEdits() throws {
        let scratch = try ScratchFolder("catalogue-cache")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        for name in ["content", "templates", "i18n"] where FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent(name).path) {
            try Overlay.copy(Repository.root.appendingPathComponent(name), into: site.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("site.yml"), to: site.appendingPathComponent("site.yml"))
        try DefaultSiteLanguages.keepOnlyTheDefaultLanguage(in: site)
        try Overlay.copy(Repository.root.appendingPathComponent("Tests/Fixtures/catalogues"), into: site.appendingPathComponent("content"))
        try edit(site, "site.yml", "language: en\n", "language: de\n")
        // The questionnaire page's own text quotes no number, so only the form reads the catalogue.
        let source = site.appendingPathComponent("content/questionnaire.md")
        let frontMatter = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n---\n")[0]
        try Data((frontMatter + "\n---\nAnswer for an ordinary week.\n").utf8).write(to: source)
        let cached = scratch.url.appendingPathComponent("cached"), clean = scratch.url.appendingPathComponent("clean")
        _ = try SiteBuild.build(BuildOptions(source: site, output: cached, useCache: true))

        try edit(site, "content/questionnaire.de.yml", "  own-hands: \"Ich möchte den Großteil", "  own-hands: \"Ich will den Großteil")
        try edit(site, "content/planner.de.yml", "  checkpointsTitle: \"Schwellen, die vor dir liegen\"", "  checkpointsTitle: \"Was vor dir liegt\"")
        _ = try SiteBuild.build(BuildOptions(source: site, output: cached, useCache: true))
        _ = try SiteBuild.build(BuildOptions(source: site, output: clean, useCache: false))
        let expected = FolderSnapshot(clean), got = FolderSnapshot(cached)
        XCTAssertTrue(got == expected, "the cached build differs from a clean one: \(got.difference(from: expected))")
        let page = String(decoding: try XCTUnwrap(got.files["questionnaire/index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("Ich will den Großteil"), "the questionnaire page shows the edit")
    }

    private func edit(_ site: URL, _ path: String, _ old: String, _ new: String) throws {
        let file = site.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: old).count, 2, "\(path): expected one \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: file)
    }
}
