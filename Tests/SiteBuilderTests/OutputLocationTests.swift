import Foundation
import SiteBuilder
import XCTest

/// Outputs that would overwrite or be read back as sources are refused before anything is written.
final class OutputLocationTests: XCTestCase {
    func testOutputInsideContentIsRefused() throws {
        try assertRefused(output: "content/public", mentioning: "content/")
    }

    func testOutputInsideTemplatesIsRefused() throws {
        try assertRefused(output: "templates/out", mentioning: "templates/")
    }

    func testOutputThatIsTheSiteFolderIsRefused() throws {
        try assertRefused(output: "", mentioning: "site's own folder")
    }

    func testOutputOutsideTheSiteIsAllowed() throws {
        let folder = try TemporaryFolder("location")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let elsewhere = folder.url.appendingPathComponent("elsewhere/www")
        try buildSite(source: folder.url, output: elsewhere)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    private func assertRefused(output relative: String, mentioning text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let folder = try TemporaryFolder("location")
        defer { folder.remove() }
        try MinimalSite.write(into: folder)
        let before = BuiltSite(folder: folder.url).files
        let output = relative.isEmpty ? folder.url : folder.url.appendingPathComponent(relative)
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: folder.url, output: output)), file: file, line: line) { error in
            let errors = (error as? BuildFailure)?.errors ?? []
            XCTAssertEqual(errors.count, 1, "\(error)", file: file, line: line)
            XCTAssertTrue(errors.first?.message.contains(text) == true, "\(errors)", file: file, line: line)
        }
        XCTAssertEqual(BuiltSite(folder: folder.url).files, before, "the refused build wrote files", file: file, line: line)
    }
}
