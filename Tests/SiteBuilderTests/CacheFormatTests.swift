import Foundation
@testable import SiteBuilder
import XCTest

/// The build cache's own file formats give back exactly what was put in them, and refuse what
/// they did not write.
final class CacheFormatTests: XCTestCase {
    func testSearchIndexPartLinesComeBackByURL() {
        let entries = [
            SearchIndex.Entry(title: #"A "quoted" title with ,"u":" inside"#, url: "pitfalls/a/index.html", kindTitle: "Pitfall",
                              summary: "Commas, everywhere, \"and\" quotes.", headings: ["One", "Two"], text: "Body, with text."),
            SearchIndex.Entry(title: "Zweite Seite — ünïcode", url: "pendulum/zweite-über/index.html", kindTitle: "Pendulum",
                              summary: "", headings: [], text: ""),
            SearchIndex.Entry(title: "Last", url: "index.html", kindTitle: "Guide", summary: "s", headings: ["h"], text: "t"),
        ]
        let lines = entries.map(SearchIndex.line)
        let script = String(decoding: SearchIndex.partData(3, lines: lines), as: UTF8.self)
        let parsed = SearchIndex.lines(ofPart: script, part: 3)
        XCTAssertEqual(parsed, Dictionary(uniqueKeysWithValues: zip(entries.map(\.url), lines)))
        XCTAssertEqual(SearchIndex.lines(ofPart: script, part: 2), [:], "a part read as another part")
        XCTAssertEqual(SearchIndex.lines(ofPart: String(decoding: SearchIndex.partData(0, lines: []), as: UTF8.self), part: 0), [:])
        XCTAssertEqual(SearchIndex.partCount(ofEntry: SearchIndex.entryScript(partCount: 8)), 8)
        XCTAssertNil(SearchIndex.partCount(ofEntry: "window.crossroadsSearchIndex={\"pages\":[]};\n"))
    }

    func testDecodedPagesComeBackWithEveryFieldAndBodiesReadWhenAsked() throws {
        let folder = try TemporaryFolder("page-cache")
        defer { folder.remove() }
        let content = folder.url.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("pitfalls"), withIntermediateDirectories: true)
        try Data("---\ntitle: Full\n---\nThe body on disk.\n".utf8).write(to: content.appendingPathComponent("pitfalls/full.md"))

        var full = PageMetadata(title: "Full — ü")
        full.kind = .pitfall
        full.summary = "A summary"
        full.weight = -3
        full.date = "2026-01-02"
        full.updated = nil
        full.draft = true
        full.tags = ["one", "two words"]
        full.slug = "moved"
        full.aliases = ["old/"]
        full.template = "special"
        full.readNext = ["pitfalls/other.md"]
        var page = Page(contentPath: "pitfalls/full.md", file: "content/pitfalls/full.md", metadata: full, body: "ignored",
                        bodyFirstLine: 4, sitePath: "pitfalls/moved/", sourceHash: 0xFEDC_BA98_7654_3210)
        page.mayUseData = true
        let minimal = Page(contentPath: "index.md", file: "content/index.md", metadata: PageMetadata(title: "Home"), body: "",
                           bodyFirstLine: 1, sitePath: "", sourceHash: 1)
        let intro = SectionIntro(kind: .pitfall, file: "content/pitfalls/_index.md", title: "Pitfalls", summary: "All of them",
                                 body: "Intro body.\n", bodyFirstLine: 5)
        let stamp = FileStamp(size: 42, modifiedSeconds: 1_700_000_000, modifiedNanoseconds: 123_456_789, inode: 99,
                                            changedSeconds: 1_700_000_001, changedNanoseconds: 987_654_321)
        let stored: [String: SiteLoader.LoadedMarkdown] = [
            "pitfalls/full.md": .init(content: .page(page), errors: []),
            "index.md": .init(content: .page(minimal), errors: []),
            "pitfalls/_index.md": .init(content: .sectionIntro(intro), errors: []),
            "broken.md": .init(content: .nothing, errors: [SiteError(file: "content/broken.md", message: "bad")]),
        ]
        let data = PageCacheFile.encode(stored.mapValues { _ in stamp }, contentFolder: content) { stored[$0] }
        let decoded = try XCTUnwrap(PageCacheFile.decode(data, contentFolder: content)).entries
        XCTAssertEqual(Set(decoded.keys), ["pitfalls/full.md", "index.md", "pitfalls/_index.md"], "a file with problems was stored")
        XCTAssertTrue(decoded.values.allSatisfy { $0.0 == stamp })
        guard case .page(let back)? = decoded["pitfalls/full.md"]?.1.content else { return XCTFail("not a page") }
        XCTAssertEqual(back.metadata, full)
        XCTAssertEqual([back.contentPath, back.file, back.sitePath], [page.contentPath, page.file, page.sitePath])
        XCTAssertEqual(back.bodyFirstLine, 4)
        XCTAssertEqual(back.sourceHash, page.sourceHash)
        XCTAssertTrue(back.mayUseData)
        XCTAssertEqual(back.body, "The body on disk.\n", "the body comes from the file, when asked for")
        guard case .sectionIntro(let introBack)? = decoded["pitfalls/_index.md"]?.1.content else { return XCTFail("not an intro") }
        XCTAssertEqual([introBack.title, introBack.summary, introBack.body, introBack.file], [intro.title, intro.summary, intro.body, intro.file])
        XCTAssertEqual(introBack.bodyFirstLine, 5)

        XCTAssertNil(PageCacheFile.decode(data.dropLast(), contentFolder: content), "a cut-off file was read")
        XCTAssertNil(PageCacheFile.decode(Data("something else".utf8), contentFolder: content))
    }

    /// Saved by appending the changed files' records, restored to what a full load gives; a
    /// record cut short makes the whole file unusable (so every file is read again), never wrong.
    func testPageCacheAppendsChangesAndRestoresWhatAFullLoadGives() throws {
        let (folder, content, file) = try Self.datedSiteCopy("page-cache-append")
        defer { folder.remove() }
        func load(_ cache: MarkdownLoadCache) throws -> [String] {
            var loader = SiteLoader(sourceFolder: folder.url)
            loader.markdownCache = cache
            return try loader.load().pages.map { "\($0.sitePath)|\($0.metadata.title)|\($0.sourceHash)|\($0.body)" }
        }
        let first = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        _ = try load(first)
        first.save(to: file)
        let fullSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)

        let page = content.appendingPathComponent("pitfalls/no-training.md")
        try Data((try String(contentsOf: page, encoding: .utf8)).replacingOccurrences(of: "title: ", with: "title: Appended · ").utf8).write(to: page)
        try FileManager.default.removeItem(at: content.appendingPathComponent("doing-both.md"))
        try Self.dropLinks(to: "doing-both.md", in: content)
        Self.waitOutRacyWindow()
        let second = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        let afterEdit = try load(second)
        XCTAssertGreaterThan(second.filesRead, 0)
        XCTAssertLessThan(second.filesRead, 10, "unchanged files were read again")
        second.save(to: file)
        let appendedSize = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        XCTAssertGreaterThan(appendedSize, fullSize, "the changes were not appended")

        let third = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        XCTAssertEqual(try load(third), afterEdit, "restored pages differ from the pages loaded")
        XCTAssertEqual(third.filesRead, 0, "a file was read although the cache held it")
        XCTAssertEqual(try load(MarkdownLoadCache()), afterEdit, "a load without the cache differs")

        let data = try Data(contentsOf: file)
        try data.dropLast(3).write(to: file)
        let cut = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        XCTAssertEqual(try load(cut), afterEdit)
        XCTAssertGreaterThan(cut.filesRead, 10, "a cut-off cache file was trusted")
    }

    /// Replaces `@/target` links with a link to the sources page and drops read-next entries naming it.
    /// Also in the questionnaire: a band's `next:` naming a missing page is an error.
    private static func dropLinks(to target: String, in content: URL) throws {
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        let folder = String(target.dropLast(".md".count)) + "/"
        let questionnaire = content.appendingPathComponent("questionnaire.yml")
        if let text = try? String(contentsOf: questionnaire, encoding: .utf8) {
            let edited = text.replacingOccurrences(of: "\(folder), ", with: "").replacingOccurrences(of: ", \(folder)", with: "")
            if edited != text { try Data(edited.utf8).write(to: questionnaire) }
        }
        for file in files {
            let url = content.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let edited = text.replacingOccurrences(of: "@/\(target)", with: "@/sources.md")
                .replacingOccurrences(of: ", \(target)", with: "").replacingOccurrences(of: "\(target), ", with: "")
                .replacingOccurrences(of: "[\(target)]", with: "[]")
            if edited != text { try Data(edited.utf8).write(to: url) }
        }
    }

    /// A file saved just now could be saved again within the same clock tick at the same size,
    /// leaving its stamp unchanged: it is read again by the next load and not saved for the next
    /// process, until it is older than the window.
    func testARecentlyModifiedFileIsReadAgainEvenWithAnUnchangedStamp() throws {
        let (folder, content, file) = try Self.datedSiteCopy("page-cache-racy")
        defer { folder.remove() }
        let page = content.appendingPathComponent("pitfalls/no-training.md")
        let original = try String(contentsOf: page, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "title: ", with: "title: RacyA ").utf8).write(to: page)
        let stamp = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date

        let cache = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        var loader = SiteLoader(sourceFolder: folder.url)
        loader.markdownCache = cache
        _ = try loader.load()
        cache.save(to: file)
        // The same size and the same modification time: only the content differs.
        try Data(original.replacingOccurrences(of: "title: ", with: "title: RacyB ").utf8).write(to: page)
        try FileManager.default.setAttributes([.modificationDate: try XCTUnwrap(stamp)], ofItemAtPath: page.path)

        _ = try loader.load()
        XCTAssertEqual(cache.filesRead, 1, "the recently modified file was not read again")
        var restored = SiteLoader(sourceFolder: folder.url)
        restored.markdownCache = MarkdownLoadCache(restoringFrom: file, contentFolder: content)
        let titles = try restored.load().pages.map(\.metadata.title)
        XCTAssertTrue(titles.contains { $0.hasPrefix("RacyB ") }, "a stale page came back from the saved cache")
        XCTAssertFalse(titles.contains { $0.hasPrefix("RacyA ") })
    }

    /// A copy of the default site whose content files are dated long back (files written a
    /// moment ago are never trusted by their stamp), its content folder and its page cache file.
    static func datedSiteCopy(_ label: String) throws -> (TemporaryFolder, URL, URL) {
        let folder = try TemporaryFolder(label)
        try DefaultSite.copy(into: folder.url)
        let content = folder.url.appendingPathComponent("content")
        try backdate(content)
        return (folder, content, folder.url.appendingPathComponent(".crossroads-cache/pages.bin"))
    }

    /// Sets every file under `folder` to one fixed modification time long past (the same each
    /// time), then waits until their status change times, which that moves, are older than the
    /// window in which a stamp is not trusted.
    static func backdate(_ folder: URL) throws {
        let hourAgo = Date(timeIntervalSince1970: 1_700_000_000)
        for case let path as String in FileManager.default.enumerator(atPath: folder.path) ?? FileManager.DirectoryEnumerator() {
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: folder.appendingPathComponent(path).path)
        }
        waitOutRacyWindow()
    }

    /// Files changed a moment ago are read again whatever their stamp (see `MarkdownLoadCache`):
    /// waits until the last change is older than that window (a tenth of a second here).
    static func waitOutRacyWindow() {
        Thread.sleep(forTimeInterval: 0.15)
    }

    /// A spare output from an older site may hold a folder where the new site writes a file, or a
    /// file where it needs a folder; the update clears the way, and files no longer produced go.
    func testSpareOutputWithAFolderWhereAFileGoesIsUpdatedIntoTheNewSite() throws {
        let folder = try TemporaryFolder("spare-conflict")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        let spare = folder.url.appendingPathComponent("spare")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: output.appendingPathComponent("kept.txt"))
        try fileManager.createDirectory(at: spare.appendingPathComponent("page.html"), withIntermediateDirectories: true)
        try Data("old folder".utf8).write(to: spare.appendingPathComponent("page.html/index.html"))
        try Data("old file".utf8).write(to: spare.appendingPathComponent("section"))
        try Data("kept".utf8).write(to: spare.appendingPathComponent("kept.txt"))
        try Data("gone".utf8).write(to: spare.appendingPathComponent("gone.txt"))

        let writer = try StagedOutputWriter(output: output, previous: output,
                                      spare: SpareOutput(folder: spare, files: ["page.html/index.html", "section", "kept.txt", "gone.txt"], stale: []),
                                      keepReplaced: (spare, ["kept.txt"]))
        try writer.write(OutputPath(sitePath: "page.html"), Data("new file".utf8))
        try writer.write(OutputPath(sitePath: "section/"), Data("new folder".utf8))
        XCTAssertTrue(writer.reuse(try OutputPath(sitePath: "kept.txt")))
        try writer.commit()

        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("page.html"), encoding: .utf8), "new file")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("section/index.html"), encoding: .utf8), "new folder")
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("kept.txt"), encoding: .utf8), "kept")
        // Every output carries the ownership marker (see OutputOwnership).
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: output.path).sorted(), [".crossroads-output", "kept.txt", "page.html", "section"])
        // The replaced output is the next spare, described as holding what it held.
        XCTAssertEqual(writer.keptSpare?.files, ["kept.txt"])
        XCTAssertEqual(writer.keptSpare?.stale, [".crossroads-output", "page.html", "section/index.html"])
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: spare.path), ["kept.txt"])
    }
}
