import Foundation
import SiteBuilder
import XCTest

/// A build that reuses the persisted cache after an edit writes exactly what a clean build of the
/// edited sources writes, whatever was edited: a page, a template, a data file, the questionnaire.
final class CachedBuildTests: XCTestCase {
    func testCachedRebuildAfterPageEditEqualsCleanBuildAndRendersOnlyThatPage() throws {
        let report = try assertCachedRebuildEqualsCleanBuild(
            editing: "content/pitfalls/no-training.md",
            { $0 + "\nA sentence added by the cache test.\n" },
            expect: "A sentence added by the cache test.", in: "pitfalls/no-training/index.html")
        XCTAssertLessThan(report.renderedPages, report.pages, "a one-page edit re-rendered every page")
        XCTAssertGreaterThan(report.renderedPages, 0, "the edited page was not rendered again")
    }

    func testCachedRebuildAfterTemplateEditEqualsCleanBuild() throws {
        let report = try assertCachedRebuildEqualsCleanBuild(
            editing: "templates/partials/footer.mustache",
            { $0 + "<p class=\"cache-test\">Footer changed by the cache test.</p>\n" },
            expect: "Footer changed by the cache test.", in: "pitfalls/no-training/index.html")
        XCTAssertEqual(report.renderedPages, report.pages, "every page prints the footer, so every page must render again")
    }

    func testCachedRebuildAfterDataFileEditEqualsCleanBuild() throws {
        try assertCachedRebuildEqualsCleanBuild(
            editing: "content/data/ladders.yml",
            { try Self.replacing("Senior engineer", with: "Senior engineer (edited by the cache test)", in: $0) },
            expect: "Senior engineer (edited by the cache test)", in: "comparisons/ladders/index.html")
    }

    func testCachedRebuildAfterQuestionnaireEditEqualsCleanBuild() throws {
        try assertCachedRebuildEqualsCleanBuild(
            editing: "content/questionnaire.yml",
            { try Self.replacing("Pulled both ways", with: "Pulled both ways (edited by the cache test)", in: $0) },
            expect: "Pulled both ways (edited by the cache test)", in: "questionnaire/index.html")
    }

    /// A page published under a new slug: every page that links to it with `@/` prints the new
    /// address, although none of their own files changed.
    func testCachedRebuildAfterSlugChangeRewritesLinksInOtherPages() throws {
        let report = try assertCachedRebuildEqualsCleanBuild(
            editing: "content/pitfalls/no-training.md",
            { $0.replacingOccurrences(of: "\ntitle: ", with: "\nslug: renamed-by-cache-test\ntitle: ") },
            expect: "pitfalls/renamed-by-cache-test/", in: "sources/index.html")
        XCTAssertGreaterThan(report.renderedPages, 1, "pages linking to the moved page were not rendered again")
    }

    /// A body edit leaves every list, tag page and site-wide file but the search index as it was.
    func testCachedRebuildAfterBodyEditKeepsListsAndFeeds() throws {
        try assertCachedRebuildEqualsCleanBuild(
            editing: "content/pitfalls/no-training.md",
            { $0 + "\nAnother sentence added by the cache test.\n" },
            expect: "Another sentence added by the cache test.", in: "pitfalls/no-training/index.html",
            expectKept: ["pitfalls/index.html", "sitemap.xml", "atom.xml", "tags/index.html", "404.html"])
    }

    /// Cached builds one after another: from the third on, each updates the spare output (the
    /// output before last) into the new one. After every kind of edit, and after edits undone,
    /// the result equals a clean build.
    func testSeriesOfCachedRebuildsThroughTheSpareOutputEqualCleanBuilds() throws {
        let folder = try TemporaryFolder("cached-series")
        defer { folder.remove() }
        try DefaultSite.copy(into: folder.url)
        let output = folder.url.appendingPathComponent("public")
        let spare = folder.url.appendingPathComponent(".crossroads-cache/spare-output")
        let page = folder.url.appendingPathComponent("content/pitfalls/no-training.md")
        let added = folder.url.appendingPathComponent("content/pitfalls/added-by-cache-test.md")
        let footer = folder.url.appendingPathComponent("templates/partials/footer.mustache")
        let pageText = try String(contentsOf: page, encoding: .utf8)
        let footerText = try String(contentsOf: footer, encoding: .utf8)
        let steps: [(String, () throws -> Void)] = [
            ("first build", {}),
            ("body edit", { try Data((pageText + "\nFirst cached edit.\n").utf8).write(to: page) }),
            ("page added", {
                try Data("---\ntitle: Added by the cache test\nkind: pitfall\ntags: [cache-test]\n---\nA page added between cached builds.\n".utf8)
                    .write(to: added)
            }),
            ("files put in the output by hand", {
                // They go with the next swap, and must not come back from the spare after it.
                try FileManager.default.createDirectory(at: output.appendingPathComponent("pitfalls/stray"), withIntermediateDirectories: true)
                try Data("stray".utf8).write(to: output.appendingPathComponent("pitfalls/stray/index.html"))
                try Data("stray".utf8).write(to: output.appendingPathComponent(".DS_Store"))
            }),
            ("second body edit", { try Data((pageText + "\nSecond cached edit.\n").utf8).write(to: page) }),
            ("page removed", { try FileManager.default.removeItem(at: added) }),
            ("template edit", { try Data((footerText + "<p>Footer changed by the cache series.</p>\n").utf8).write(to: footer) }),
            ("everything undone", {
                try Data(footerText.utf8).write(to: footer)
                try Data(pageText.utf8).write(to: page)
            }),
            ("no edit", {}),
        ]
        for (index, (name, edit)) in steps.enumerated() {
            try edit()
            let report = try SiteBuild.build(BuildOptions(source: folder.url, output: output, useCache: true))
            let clean = folder.url.appendingPathComponent("clean-\(index)")
            _ = try SiteBuild.build(BuildOptions(source: folder.url, output: clean, useCache: false))
            let cachedFiles = BuiltSite(folder: output).snapshot
            let cleanFiles = BuiltSite(folder: clean).snapshot
            XCTAssertEqual(cachedFiles.keys.sorted(), cleanFiles.keys.sorted(), "\(name): different file sets")
            XCTAssertEqual(cleanFiles.keys.sorted().filter { cachedFiles[$0] != cleanFiles[$0] }, [], "\(name): files that differ")
            if index >= 1 {
                XCTAssertTrue(FileManager.default.fileExists(atPath: spare.path), "\(name): no spare output kept")
            }
            if name == "no edit" { XCTAssertEqual(report.renderedPages, 0) }
        }
        // A build without the cache replaces the output the cache describes: the cache goes.
        _ = try SiteBuild.build(BuildOptions(source: folder.url, output: output, useCache: false))
        XCTAssertFalse(FileManager.default.fileExists(atPath: spare.path), "a build without the cache left the spare output")
        let afterwards = try SiteBuild.build(BuildOptions(source: folder.url, output: output, useCache: true))
        XCTAssertEqual(afterwards.renderedPages, afterwards.pages, "a cache older than the output was trusted")
    }

    // MARK: - Support

    /// Copies the default site, builds it with the cache, edits one file, rebuilds with the cache
    /// into the same output and compares every file with a clean build of the edited site.
    @discardableResult
    private func assertCachedRebuildEqualsCleanBuild(editing path: String, _ edit: (String) throws -> String,
                                                     expect marker: String, in outputFile: String, expectKept: [String] = [],
                                                     file: StaticString = #filePath, line: UInt = #line) throws -> BuildReport {
        let folder = try TemporaryFolder("cached")
        defer { folder.remove() }
        try DefaultSite.copy(into: folder.url)
        let cachedOutput = folder.url.appendingPathComponent("public")
        let cleanOutput = folder.url.appendingPathComponent("clean")

        let first = try SiteBuild.build(BuildOptions(source: folder.url, output: cachedOutput, useCache: true))
        XCTAssertEqual(first.renderedPages, first.pages, "the first build has no cache to reuse", file: file, line: line)

        let source = folder.url.appendingPathComponent(path)
        let original = try String(contentsOf: source, encoding: .utf8)
        let edited = try edit(original)
        XCTAssertNotEqual(edited, original, "the edit changed nothing", file: file, line: line)
        try Data(edited.utf8).write(to: source)

        let inodesBefore = try expectKept.map { try Self.inode(of: cachedOutput.appendingPathComponent($0)) }
        let report = try SiteBuild.build(BuildOptions(source: folder.url, output: cachedOutput, useCache: true))
        for (kept, before) in zip(expectKept, inodesBefore) {
            // Kept files are hard-linked from the previous output, so they keep their inode.
            XCTAssertEqual(try Self.inode(of: cachedOutput.appendingPathComponent(kept)), before,
                           "\(kept) was written again although nothing it shows changed", file: file, line: line)
        }
        _ = try SiteBuild.build(BuildOptions(source: folder.url, output: cleanOutput, useCache: false))

        let cached = BuiltSite(folder: cachedOutput)
        let clean = BuiltSite(folder: cleanOutput)
        XCTAssertTrue(cached.text(outputFile, file: file, line: line).contains(marker),
                      "the cached rebuild does not show the edit in \(outputFile)", file: file, line: line)
        let cachedFiles = cached.snapshot
        let cleanFiles = clean.snapshot
        XCTAssertEqual(cachedFiles.keys.sorted(), cleanFiles.keys.sorted(), "the cached and the clean build wrote different files",
                       file: file, line: line)
        let differing = cleanFiles.keys.sorted().filter { cachedFiles[$0] != cleanFiles[$0] }
        XCTAssertEqual(differing, [], "files that differ between the cached rebuild and a clean build", file: file, line: line)
        XCTAssertGreaterThan(cleanFiles.count, 20, file: file, line: line)
        return report
    }

    private struct MissingText: Error, CustomStringConvertible {
        var description: String
    }

    private static func replacing(_ old: String, with new: String, in text: String) throws -> String {
        guard text.contains(old) else { throw MissingText(description: "the default site no longer contains \"\(old)\"") }
        return text.replacingOccurrences(of: old, with: new)
    }

    static func inode(of url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }
}
