import Foundation
import Markdown
@testable import SiteBuilder
import XCTest

/// Identical input gives identical bytes, however the parallel rendering is scheduled.
final class DeterminismTests: XCTestCase {
    func testDefaultSiteBuildsByteForByteIdenticallyTwice() throws {
        let folder = try TemporaryFolder("determinism")
        defer { folder.remove() }
        try DefaultSite.copy(into: folder.url)
        let first = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("first"))
        let second = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("second"))
        assertIdentical(first, second)
    }

    /// Each page's Markdown rendered one after another equals the same pages rendered all at once.
    func testDefaultSitePagesRenderTheSameSeriallyAndConcurrently() throws {
        let site = try SiteLoader(sourceFolder: DefaultSite.root).load()
        // Fenced blocks and placeholders need the site; plain Markdown is what the shared parser sees.
        let bodies = site.pages.map { Placeholders.expand($0.body, values: site.questionnaire?.placeholderValues() ?? [:]).text }
        let renderer = MarkdownRenderer()
        let serial = bodies.map { (try? renderer.render($0))?.html ?? "" }
        let slots = Slots(count: bodies.count)
        DispatchQueue.concurrentPerform(iterations: bodies.count * 4) { iteration in
            let index = iteration % bodies.count
            slots.set(index, (try? renderer.render(bodies[index]))?.html ?? "")
        }
        XCTAssertEqual(slots.values, serial)
    }

    func testLargeSyntheticSiteBuildsIdenticallyTwice() throws {
        let folder = try TemporaryFolder("synthetic")
        defer { folder.remove() }
        var extra: [String: String] = [:]
        let kinds = ["comparison": "comparisons", "pitfall": "pitfalls", "pendulum": "pendulum", "mastery-stage": "mastery", "page": "more"]
        for number in 0..<300 {
            let (kind, folderName) = kinds.sorted(by: { $0.key < $1.key })[number % kinds.count]
            let next = (number + 1) % 300
            let (_, nextFolder) = kinds.sorted(by: { $0.key < $1.key })[next % kinds.count]
            extra["content/\(folderName)/page-\(number).md"] = """
                ---
                title: Page \(number) — “quoted” & <odd>
                kind: \(kind)
                summary: Summary of page \(number), with ~~struck~~ words.
                weight: \(number % 7)
                date: 2026-\(String(format: "%02d", number % 12 + 1))-\(String(format: "%02d", number % 28 + 1))
                tags: [tag-\(number % 9), shared]
                ---
                ## Overview

                This is ~~not~~ page \(number). Visit https://example.com/\(number) or www.example.org/p\(number) or mail x\(number)@example.net.

                | a | b |
                |---|---|
                | \(number) | ~~\(number * 2)~~ |

                - [x] done
                - [ ] todo with "quotes" -- and dashes...

                ## Overview

                See [next](@/\(nextFolder)/page-\(next).md#overview-1).

                """
        }
        try MinimalSite.write(into: folder, extra: extra)
        let first = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("first"))
        let second = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("second"))
        assertIdentical(first, second)
        let sample = first.text("pitfalls/page-4/index.html")
        XCTAssertTrue(sample.contains("<del>not</del>"), "strikethrough did not render")
        XCTAssertTrue(sample.contains("<a href=\"https://example.com/4\">"), "autolink did not render")
        XCTAssertTrue(sample.contains("href=\"../../comparisons/page-5/index.html#overview-1\""))
        XCTAssertGreaterThanOrEqual(first.htmlFiles.count, 300)
    }

    private func assertIdentical(_ first: BuiltSite, _ second: BuiltSite, file: StaticString = #filePath, line: UInt = #line) {
        let a = first.snapshot
        let b = second.snapshot
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "the two builds wrote different files", file: file, line: line)
        let differing = a.keys.sorted().filter { a[$0] != b[$0] }
        XCTAssertEqual(differing, [], "files that differ between two builds", file: file, line: line)
        XCTAssertFalse(a.isEmpty, file: file, line: line)
    }
}

/// Results filled by parallel iterations, each at its own index.
private final class Slots: @unchecked Sendable {
    private var storage: [String]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: "", count: count) }

    func set(_ index: Int, _ value: String) { lock.withLock { storage[index] = value } }

    var values: [String] { lock.withLock { storage } }
}
