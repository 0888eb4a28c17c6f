import Foundation
import SiteBuilder
import XCTest

/// Pages render in parallel; the bytes must not depend on it. A ~300-page site built the normal
/// way equals, file for file, the same site built with every page rendered one after another.
final class ParallelRenderTests: XCTestCase {
    func testParallelBuildEqualsSerialBuildByteForByte() throws {
        let folder = try TemporaryFolder("parallel")
        defer { folder.remove() }
        try DefaultSite.copy(into: folder.url)
        let sections = [("comparison", "comparisons"), ("pitfall", "pitfalls"), ("pendulum", "pendulum"),
                        ("mastery-stage", "mastery"), ("page", "generated")]
        let pageCount = 300
        for number in 0..<pageCount {
            let (kind, section) = sections[number % sections.count]
            let next = (number + 7) % pageCount
            let nextSection = sections[next % sections.count].1
            // Bodies differ in length, headings, blocks and links so pages take different times to render.
            let paragraphs = (0...(number % 6)).map { index in
                "Paragraph \(index) of page \(number) has *emphasis*, ~~struck~~ words and https://example.org/\(number)/\(index)."
            }.joined(separator: "\n\n")
            try folder.write("content/\(section)/synthetic-\(number).md", """
                ---
                title: "Synthetic page \(number) “quoted” & <odd>"
                kind: \(kind)
                summary: "Summary \(number), weighing mastery against management."
                weight: \(number % 11)
                date: 2026-\(String(format: "%02d", number % 12 + 1))-\(String(format: "%02d", number % 28 + 1))
                tags: [synthetic-\(number % 13), shared]
                read_next: [\(nextSection)/synthetic-\(next).md]
                ---
                ## Where page \(number) starts

                \(paragraphs)

                | track | steps |
                |---|---|
                | technical | \(number % 5 + 2) |

                - [x] read the [next page](@/\(nextSection)/synthetic-\(next).md#where-page-\(next)-starts)
                - [ ] answer the {{scoring.items.count}}-statement questionnaire

                \(number % 10 == 0 ? "```ladder\n```\n" : "")
                ## Where page \(number) starts

                A repeated heading gets its own id -- and "smart" quotes...
                """)
        }
        let parallelOutput = folder.url.appendingPathComponent("parallel")
        let serialOutput = folder.url.appendingPathComponent("serial")
        let parallelReport = try SiteBuild.build(BuildOptions(source: folder.url, output: parallelOutput))
        var serialOptions = BuildOptions(source: folder.url, output: serialOutput)
        serialOptions.renderSerially = true
        let serialReport = try SiteBuild.build(serialOptions)
        XCTAssertGreaterThanOrEqual(parallelReport.pages, pageCount)
        XCTAssertEqual(parallelReport.pages, serialReport.pages)

        let parallel = BuiltSite(folder: parallelOutput).snapshot
        let serial = BuiltSite(folder: serialOutput).snapshot
        XCTAssertEqual(parallel.keys.sorted(), serial.keys.sorted(), "the two builds wrote different files")
        let differing = serial.keys.sorted().filter { parallel[$0] != serial[$0] }
        XCTAssertEqual(differing, [], "files that differ between the parallel and the serial build")
        let sample = BuiltSite(folder: parallelOutput).text("pitfalls/synthetic-1/index.html")
        XCTAssertTrue(sample.contains("href=\"../../mastery/synthetic-8/index.html#where-page-8-starts\""), "cross link not rewritten")
        XCTAssertTrue(sample.contains("id=\"where-page-1-starts-1\""), "duplicate heading id missing")
    }
}
