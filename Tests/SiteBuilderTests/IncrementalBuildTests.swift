import Foundation
@testable import SiteBuilder
import XCTest

/// The preview server's incremental path (`IncrementalBuilder`, updating its folder in place)
/// must leave exactly what a full build of the same sources writes, after every kind of edit.
final class IncrementalBuildTests: XCTestCase {
    func testIncrementalRebuildsEqualFullBuildsAfterEachEdit() throws {
        try checkEditsEqualFullBuilds(toldWhatChanged: false)
    }

    /// The same edits, the builder told which file changed (as the preview's watcher tells it):
    /// body edits take the path that renders only the edited page, the others the full path.
    func testRebuildsToldWhatChangedEqualFullBuildsAfterEachEdit() throws {
        try checkEditsEqualFullBuilds(toldWhatChanged: true)
    }

    private func checkEditsEqualFullBuilds(toldWhatChanged: Bool) throws {
        let (folder, live, builder) = try Self.liveSite("incremental")
        defer { folder.remove() }
        let first = try builder.build()
        XCTAssertEqual(first.renderedPages, first.pages)

        let edits: [(path: String, edit: (String) -> String, marker: String, outputFile: String, bodyOnly: Bool)] = [
            ("content/pitfalls/no-training.md", { $0 + "\nA sentence added by the incremental test.\n" },
             "A sentence added by the incremental test.", "pitfalls/no-training/index.html", true),
            ("content/pitfalls/no-training.md", { $0 + "\nNow with a [link to the sources](@/sources.md#top) and a fenced block:\n\n```\ncode\n```\n" },
             "link to the sources", "pitfalls/no-training/index.html", true),
            ("content/index.md", { $0 + "\nThe home page, edited by the incremental test.\n" },
             "The home page, edited by the incremental test.", "index.html", true),
            ("content/pendulum/going-back.md", { $0.replacingOccurrences(of: "title: ", with: "title: Renamed · ") },
             "Renamed · ", "pendulum/index.html", false),
            ("templates/partials/footer.mustache", { $0 + "<p>Footer changed by the incremental test.</p>\n" },
             "Footer changed by the incremental test.", "mastery/master/index.html", false),
            ("content/data/dimensions.yml", { $0.replacingOccurrences(of: "Impact", with: "Reach (incremental test)") },
             "Reach (incremental test)", "comparisons/five-dimensions/index.html", false),
        ]
        for (index, step) in edits.enumerated() {
            let source = folder.url.appendingPathComponent(step.path)
            let original = try String(contentsOf: source, encoding: .utf8)
            let edited = step.edit(original)
            XCTAssertNotEqual(edited, original, "edit \(index) changed nothing")
            try Data(edited.utf8).write(to: source)

            let report = try builder.build(changedPaths: toldWhatChanged ? [step.path] : nil)
            XCTAssertFalse(report.changedFiles.isEmpty, "edit \(index) changed no output file")
            XCTAssertEqual(report.editedPagesOnly, toldWhatChanged && step.bodyOnly, "edit \(index): which path the rebuild took")
            let full = folder.url.appendingPathComponent("full-\(index)")
            _ = try SiteBuild.build(BuildOptions(source: folder.url, output: full))

            let incremental = BuiltSite(folder: live)
            XCTAssertTrue(incremental.text(step.outputFile).contains(step.marker), "edit \(index) is not in \(step.outputFile)")
            let incrementalFiles = incremental.snapshot
            let fullFiles = BuiltSite(folder: full).snapshot
            XCTAssertEqual(incrementalFiles.keys.sorted(), fullFiles.keys.sorted(), "edit \(index): different file sets")
            let differing = fullFiles.keys.sorted().filter { incrementalFiles[$0] != fullFiles[$0] }
            XCTAssertEqual(differing, [], "edit \(index): files that differ from a full build")
        }
    }

    /// After a one-page body edit the preview reads one file, renders one page and writes only
    /// that page, its copies and the search index.
    func testOnePageEditReadsOneFileAndRewritesOnlyItsOutputs() throws {
        let (folder, live, builder) = try Self.liveSite("incremental-one")
        defer { folder.remove() }
        let first = try builder.build()
        XCTAssertGreaterThan(first.filesRead, 10)
        let source = folder.url.appendingPathComponent("content/pitfalls/no-training.md")
        try Data((try String(contentsOf: source, encoding: .utf8) + "\nOne more sentence.\n").utf8).write(to: source)

        let report = try builder.build()
        XCTAssertEqual(report.filesRead, 1, "unchanged pages were read again")
        // Once the edit is older than the window in which stamps are not trusted, it is not read again.
        CacheFormatTests.waitOutRacyWindow()
        _ = try builder.build()
        XCTAssertEqual(report.renderedPages, 1)
        XCTAssertEqual(report.changedFiles, ["embed/pitfalls/no-training/index.html", "pitfalls/no-training/index.html",
                                             "search-index/0.js", "standalone/pitfalls/no-training.html"])
        try Self.assertEqualsFullBuild(live, of: folder)

        let unchanged = try builder.build()
        XCTAssertEqual(unchanged.filesRead, 0)
        XCTAssertEqual(unchanged.changedFiles, [], "a rebuild with no edit wrote files")
    }

    /// Told which file changed, a body edit reads that file only and renders that page only.
    func testOnePageEditToldWhatChangedRendersOnlyThatPage() throws {
        let (folder, live, builder) = try Self.liveSite("incremental-told")
        defer { folder.remove() }
        _ = try builder.build()
        let source = folder.url.appendingPathComponent("content/pitfalls/no-training.md")
        try Data((try String(contentsOf: source, encoding: .utf8) + "\nOne more sentence.\n").utf8).write(to: source)

        let report = try builder.build(changedPaths: ["content/pitfalls/no-training.md"])
        XCTAssertTrue(report.editedPagesOnly)
        XCTAssertEqual(report.filesRead, 1)
        XCTAssertEqual(report.renderedPages, 1)
        XCTAssertEqual(report.changedFiles, ["embed/pitfalls/no-training/index.html", "pitfalls/no-training/index.html",
                                             "search-index/0.js", "standalone/pitfalls/no-training.html"])
        try Self.assertEqualsFullBuild(live, of: folder)
    }

    /// A failed rebuild changes nothing, and the edits it was told about are not forgotten: the
    /// next rebuild, told only of the fix, still includes the other edit.
    func testEditsReportedToAFailedRebuildAreKeptForTheNext() throws {
        let (folder, live, builder) = try Self.liveSite("incremental-failed")
        defer { folder.remove() }
        _ = try builder.build()
        let before = BuiltSite(folder: live).snapshot
        let broken = folder.url.appendingPathComponent("content/pitfalls/no-training.md")
        let other = folder.url.appendingPathComponent("content/pendulum/going-back.md")
        let brokenText = try String(contentsOf: broken, encoding: .utf8)
        try Data((brokenText + "\nA [broken link](@/no-such-page.md).\n").utf8).write(to: broken)
        try Data((try String(contentsOf: other, encoding: .utf8) + "\nAn edit made while the site was broken.\n").utf8).write(to: other)

        XCTAssertThrowsError(try builder.build(changedPaths: ["content/pitfalls/no-training.md", "content/pendulum/going-back.md"])) { error in
            XCTAssertTrue("\(error)".contains("no-such-page.md"), "\(error)")
        }
        XCTAssertEqual(BuiltSite(folder: live).snapshot, before, "a failed rebuild changed the output")

        try Data((brokenText + "\nA fixed sentence.\n").utf8).write(to: broken)
        let report = try builder.build(changedPaths: ["content/pitfalls/no-training.md"])
        XCTAssertTrue(report.editedPagesOnly)
        XCTAssertEqual(report.renderedPages, 2)
        XCTAssertTrue(BuiltSite(folder: live).text("pendulum/going-back/index.html").contains("An edit made while the site was broken."))
        try Self.assertEqualsFullBuild(live, of: folder)
    }

    func testSlugChangeMovesLinksInOtherPages() throws {
        let (folder, live, builder) = try Self.liveSite("incremental-slug")
        defer { folder.remove() }
        _ = try builder.build()
        let source = folder.url.appendingPathComponent("content/pitfalls/no-training.md")
        let text = try String(contentsOf: source, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\ntitle: ", with: "\nslug: moved-by-test\ntitle: ").utf8).write(to: source)
        _ = try builder.build()
        let full = folder.url.appendingPathComponent("full")
        _ = try SiteBuild.build(BuildOptions(source: folder.url, output: full))
        XCTAssertTrue(BuiltSite(folder: live).text("sources/index.html").contains("pitfalls/moved-by-test/"))
        XCTAssertEqual(BuiltSite(folder: live).snapshot, BuiltSite(folder: full).snapshot)
    }

    func testRemovedPageDisappearsFromTheIncrementalOutput() throws {
        let (folder, live, builder) = try Self.liveSite("incremental-remove")
        defer { folder.remove() }
        _ = try builder.build()
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.appendingPathComponent("pitfalls/forced-ladder/index.html").path))
        // Other pages link to it; drop those links too so the site still builds.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("content/pitfalls/forced-ladder.md"))
        try Self.unlink("pitfalls/forced-ladder.md", in: folder.url.appendingPathComponent("content"))
        let report = try builder.build()
        XCTAssertTrue(report.changedFiles.contains("pitfalls/forced-ladder/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: live.appendingPathComponent("pitfalls/forced-ladder/index.html").path))
        try Self.assertEqualsFullBuild(live, of: folder)
    }

    /// Replaces links and read-next entries naming `target` with plain text / nothing.
    private static func unlink(_ target: String, in content: URL) throws {
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        for file in files {
            let url = content.appendingPathComponent(file)
            var text = try String(contentsOf: url, encoding: .utf8)
            let before = text
            text = text.replacingOccurrences(of: ", \(target)", with: "").replacingOccurrences(of: "\(target), ", with: "")
                .replacingOccurrences(of: "[\(target)]", with: "[]")
            while let range = text.range(of: "(@/\(target)") {
                guard let close = text[range.upperBound...].firstIndex(of: ")") else { break }
                text.replaceSubrange(range.lowerBound...close, with: "(@/pitfalls/no-training.md)")
            }
            if text != before { try Data(text.utf8).write(to: url) }
        }
    }

    /// The live output holds exactly what a full build of the same sources writes.
    static func assertEqualsFullBuild(_ live: URL, of folder: TemporaryFolder, file: StaticString = #filePath, line: UInt = #line) throws {
        let full = folder.url.appendingPathComponent("full")
        try? FileManager.default.removeItem(at: full)
        _ = try SiteBuild.build(BuildOptions(source: folder.url, output: full))
        XCTAssertEqual(BuiltSite(folder: live).snapshot, BuiltSite(folder: full).snapshot, "differs from a full build", file: file, line: line)
    }

    /// A copy of the default site and an incremental builder for it, writing into `live/`. The
    /// copies are dated an hour back: files modified within the last seconds are never trusted by
    /// their stamp (`MarkdownLoadCache`), and these stand for a site that was there before.
    static func liveSite(_ label: String) throws -> (TemporaryFolder, URL, IncrementalBuilder) {
        let folder = try TemporaryFolder(label)
        try DefaultSite.copy(into: folder.url)
        try CacheFormatTests.backdate(folder.url.appendingPathComponent("content"))
        let live = folder.url.appendingPathComponent("live")
        return (folder, live, IncrementalBuilder(options: BuildOptions(source: folder.url, output: live)))
    }
}
