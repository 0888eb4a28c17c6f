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
        let stamp = MarkdownLoadCache.Stamp(size: 42, modifiedSeconds: 1_700_000_000, modifiedNanoseconds: 123_456_789, inode: 99)
        let stored: [String: SiteLoader.LoadedMarkdown] = [
            "pitfalls/full.md": .init(content: .page(page), errors: []),
            "index.md": .init(content: .page(minimal), errors: []),
            "pitfalls/_index.md": .init(content: .sectionIntro(intro), errors: []),
            "broken.md": .init(content: .nothing, errors: [SiteError(file: "content/broken.md", message: "bad")]),
        ]
        let data = PageCacheFile.encode(stored.mapValues { _ in stamp }) { stored[$0] }
        let decoded = try XCTUnwrap(PageCacheFile.decode(data, contentFolder: content))
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
}
