import Foundation
import SiteBuilder
import TestSupport
import XCTest

/// `crossroads new`: a starter site that builds, and no overwriting of existing work.
final class StarterSiteTests: XCTestCase {
    func testStarterSiteBuilds() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        let site = folder.url.appendingPathComponent("my-guides")
        try StarterSite.create(at: site)
        for part in ["site.yml", "content", "templates", "i18n"] {
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

    /// The site built into the binary (issue 19) is exactly the repository's default site, file for
    /// file and byte for byte: `new` works with no checkout, and gives what the repository holds.
    func testTheEmbeddedSiteIsTheRepositorysDefaultSite() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        try StarterSite.create(at: folder.url, from: .embedded)
        var written = FolderSnapshot(folder.url)
        XCTAssertEqual(written.files.removeValue(forKey: ".gitignore").map { String(decoding: $0, as: UTF8.self) }, ".crossroads-cache/\npublic/\n")
        var expected = ["site.yml": try Data(contentsOf: Repository.root.appendingPathComponent("site.yml"))]
        for part in ["content", "templates", "i18n"] {
            // Hidden files (editor droppings) are left out of the embedded site on purpose.
            for (path, contents) in FolderSnapshot(Repository.root.appendingPathComponent(part)).files
            where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                expected["\(part)/\(path)"] = contents
            }
        }
        XCTAssertGreaterThan(expected.count, 50, "the repository's default site was not found")
        XCTAssertEqual(written.files.keys.sorted(), expected.keys.sorted())
        XCTAssertEqual(written.files.filter { expected[$0.key] != $0.value }.keys.sorted(), [], "files whose bytes differ")
    }

    /// CROSSROADS_HOME's route: a folder given as the source is what the new site holds.
    func testAFolderSourceIsCopiedInsteadOfTheEmbeddedSite() throws {
        let folder = try TemporaryFolder("starter")
        defer { folder.remove() }
        try folder.write("home/site.yml", "title: Mine\n")
        try folder.write("home/content/index.md", "# Mine\n")
        try folder.write("home/templates/base.mustache", "{{{content}}}")
        let site = folder.url.appendingPathComponent("site")
        try StarterSite.create(at: site, from: .folder(folder.url.appendingPathComponent("home")))
        XCTAssertEqual(FolderSnapshot(site).files.keys.sorted(), [".gitignore", "content/index.md", "site.yml", "templates/base.mustache"])
        XCTAssertEqual(try String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8), "title: Mine\n")
    }
}
