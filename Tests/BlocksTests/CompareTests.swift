import XCTest
@testable import Blocks

final class CompareTests: XCTestCase {
    private let dimensions = """
        columns:
          technical: Technical path
          management: Management path
        caption: How the paths differ
        dimensions:
          - id: impact
            name: Impact
            technical: Deep and direct.
            management: Broad and indirect.
          - id: salary
            name: Salary
            technical: Can match management.
            management: Usually higher at the top.
        """

    private func files(_ text: String) -> [String: DataFile] {
        ["dimensions": DataFile(name: "dimensions", path: "content/data/dimensions.yml", text: text)]
    }

    func testTableHasHeadersRowsAndIds() throws {
        let html = try CompareRenderer(dataFiles: files(dimensions)).render(body: "")
        XCTAssertTrue(html.hasPrefix("<table class=\"compare\">\n<caption>How the paths differ</caption>"))
        XCTAssertEqual(
            try captures(#"<th scope="col">([^<]*)</th>"#, in: html),
            ["Dimension", "Technical path", "Management path"])
        XCTAssertEqual(try captures(#"<tr id="dimension-([^"]*)">"#, in: html), ["impact", "salary"])
        XCTAssertEqual(try captures(#"<th scope="row">([^<]*)</th>"#, in: html), ["Impact", "Salary"])
        XCTAssertEqual(
            try captures(#"<td>([^<]*)</td>"#, in: html),
            ["Deep and direct.", "Broad and indirect.", "Can match management.", "Usually higher at the top."])
    }

    func testOutputFollowsTheData() throws {
        let added = dimensions + """

              - id: responsibility
                name: Responsibility
                technical: Your own work.
                management: A whole team.
            """
        let html = try CompareRenderer(dataFiles: files(added)).render(body: "data: dimensions\n")
        XCTAssertEqual(try captures(#"<tr id="dimension-([^"]*)">"#, in: html), ["impact", "salary", "responsibility"])
        let withoutCaption = dimensions.replacingOccurrences(of: "caption: How the paths differ\n", with: "")
        XCTAssertFalse(try CompareRenderer(dataFiles: files(withoutCaption)).render(body: "").contains("<caption>"))
    }

    func testMissingDataFileAndUnknownBodyKeys() throws {
        let missing = try XCTUnwrap(blockError { _ = try CompareRenderer(dataFiles: [:]).render(body: "data: paths\n") })
        XCTAssertEqual(
            missing.message,
            "compare: data file content/data/paths.yml is missing — create it or set `data:` to an existing file "
                + "in content/data/ (there are no data files yet)")

        let typo = try XCTUnwrap(blockError { _ = try CompareRenderer(dataFiles: files(dimensions)).render(body: "\ndta: x\n") })
        XCTAssertEqual(typo.line, 2)
        XCTAssertNil(typo.file)
        XCTAssertTrue(typo.message.contains("unknown key `dta`"), typo.message)
    }

    func testWrongShapeInTheDataFileNamesThePath() throws {
        let wrong = dimensions.replacingOccurrences(of: "technical: Deep and direct.", with: "technical: [a, b]")
        let error = try XCTUnwrap(blockError { _ = try CompareRenderer(dataFiles: files(wrong)).render(body: "") })
        XCTAssertEqual(error.file, "content/data/dimensions.yml")
        XCTAssertEqual(error.line, 8)
        XCTAssertEqual(error.message, "compare: `dimensions[0].technical` must be a single value, not a list or mapping, found a list")
    }

    func testHostileTextIsEscaped() throws {
        let hostile = dimensions
            .replacingOccurrences(of: "name: Impact", with: "name: \"<script>alert(1)</script>\"")
            .replacingOccurrences(of: "technical: Technical path", with: "technical: '\"><svg onload=alert(2)>'")
        let html = try CompareRenderer(dataFiles: files(hostile)).render(body: "")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("<svg"))
        XCTAssertTrue(html.contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"))
    }
}
