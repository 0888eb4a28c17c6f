import Foundation
import SiteBuilder
import XCTest

/// `crossroads new`: a starter site that builds, and no overwriting of existing work.
final class StarterSiteTests: XCTestCase {
    func testStarterSiteBuilds() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("my-guides")
        try StarterSite.create(at: site)
        for part in ["site.yml", "content", "templates"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent(part).path), "starter lacks \(part)")
        }
        let report = try SiteBuild.build(BuildOptions(source: site))
        XCTAssertGreaterThan(report.pages, 0)
        let built = BuiltSite(folder: site.appendingPathComponent("public"))
        XCTAssertTrue(built.exists("index.html"))
        XCTAssertTrue(built.exists("pitfalls/index.html"))
    }

    func testCreatingIntoANonEmptyFolderFails() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        try folder.write("notes.txt", "my own work")
        XCTAssertThrowsError(try StarterSite.create(at: folder.url)) { error in
            let errors = (error as? BuildFailure)?.errors ?? []
            XCTAssertEqual(errors.count, 1)
            XCTAssertEqual(errors.first?.file, folder.url.path)
            XCTAssertTrue(errors.first?.message.contains("not empty") == true, "\(errors)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url.path), ["notes.txt"], "nothing may be added")
    }

    func testCreatingIntoAnEmptyExistingFolderWorks() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        try StarterSite.create(at: folder.url)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("site.yml").path))
    }
}
