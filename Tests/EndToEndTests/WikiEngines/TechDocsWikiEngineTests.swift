import Foundation
import XCTest

/// `crossroads export --format techdocs` built by MkDocs 1.6 with `mkdocs-techdocs-core` (what
/// Backstage's TechDocs runs) in strict mode, which fails on any broken link or missing page.
/// Run by `make test-wikis` (which installs MkDocs in .build-wikis/venv); `make test` skips it.
final class TechDocsWikiEngineTests: XCTestCase {
    /// `$CROSSROADS_MKDOCS`, else the pinned copy `make test-wikis` installs.
    static func mkdocs() throws -> URL {
        let path = ProcessInfo.processInfo.environment["CROSSROADS_MKDOCS"].flatMap { $0.isEmpty ? nil : $0 }
            ?? TemporarySite.repositoryRoot.appendingPathComponent(".build-wikis/venv/bin/mkdocs").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportError("\(path) is missing: run `make test-wikis`, which installs mkdocs and mkdocs-techdocs-core in .build-wikis/venv")
        }
        return URL(fileURLWithPath: path)
    }

    static func build(_ export: URL, into site: URL) throws -> ProcessOutput {
        try ProcessRunner.run(mkdocs(), ["build", "--strict", "--config-file", export.appendingPathComponent("mkdocs.yml").path,
                                         "--site-dir", site.path], in: export)
    }

    func testMkDocsStrictBuildsEveryExportedPage() throws {
        let site = try TemporarySite()
        let export = try WikiExport.run(site, format: "techdocs")
        let config = try String(contentsOf: export.appendingPathComponent("mkdocs.yml"), encoding: .utf8)
        XCTAssertTrue(config.contains("techdocs-core"), "the export's mkdocs.yml uses the TechDocs plugin")
        let built = site.url("techdocs-site")
        let result = try Self.build(export, into: built)
        XCTAssertEqual(result.exitCode, 0, "mkdocs build --strict:\n\(result.stderr)\(result.stdout)")

        let docs = export.appendingPathComponent("docs")
        let pages = FileManager.default.enumerator(atPath: docs.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        XCTAssertEqual(pages.count, try WikiExport.markdownTitles(site).count)
        for page in pages {
            // MkDocs writes a.md as a/index.html and index.md as index.html.
            let stem = String(page.dropLast(3))
            let html = stem == "index" || stem.hasSuffix("/index") ? stem + ".html" : stem + "/index.html"
            XCTAssertTrue(FileManager.default.fileExists(atPath: built.appendingPathComponent(html).path), "\(page) was built as \(html)")
        }
    }

    /// The judge judges: the same export with one link broken fails the strict build.
    func testMkDocsStrictRejectsTheExportWithABrokenLink() throws {
        let site = try TemporarySite()
        let export = try WikiExport.run(site, format: "techdocs")
        let home = export.appendingPathComponent("docs/index.md")
        let text = try String(contentsOf: home, encoding: .utf8)
        try Data((text + "\n[a page that is not there](no-such-page.md)\n").utf8).write(to: home)
        let result = try Self.build(export, into: site.url("techdocs-site"))
        XCTAssertNotEqual(result.exitCode, 0, "mkdocs build --strict accepted a broken link")
        XCTAssertTrue((result.stderr + result.stdout).contains("no-such-page.md"), result.stderr)
    }
}
