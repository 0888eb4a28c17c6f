import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// The ownership rules where a build is not `crossroads build`: the preview's rebuilds, export,
/// and outputs left by a version from before the marker.
final class OutputOwnershipFlowTests: XCTestCase {
    private func defaultSite(in scratch: ScratchFolder) throws -> URL {
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for entry in ["content", "templates", "site.yml"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(entry), to: site.appendingPathComponent(entry))
        }
        return site
    }

    /// The preview starts from nothing, so it may clear only a folder it wrote; and its rebuilds
    /// take the same checked paths as a build.
    func testThePreviewNeverClearsAFolderItDidNotWriteAndRefusesTheSamePaths() throws {
        let scratch = try ScratchFolder("ownership-preview")
        defer { scratch.remove() }
        let site = try defaultSite(in: scratch)
        try scratch.write("mine/notes.md", "my notes")
        let mine = FolderSnapshot(scratch.url.appendingPathComponent("mine"))
        let intoMine = IncrementalBuilder(options: BuildOptions(source: site, output: scratch.url.appendingPathComponent("mine")))
        XCTAssertThrowsError(try intoMine.build()) { error in
            XCTAssertTrue("\(error)".contains("did not write"), "\(error)")
        }
        XCTAssertEqual(FolderSnapshot(scratch.url.appendingPathComponent("mine")), mine)

        let output = scratch.url.appendingPathComponent("preview")
        let preview = IncrementalBuilder(options: BuildOptions(source: site, output: output))
        _ = try preview.build()
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputOwnership.markerName).path))
        let page = site.appendingPathComponent("content/pitfalls/no-training.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try Data(("---\naliases: [\"../../escaped\"]\n" + text.dropFirst(4)).utf8).write(to: page)
        XCTAssertThrowsError(try preview.build(changedPaths: ["content/pitfalls/no-training.md"])) { error in
            XCTAssertTrue("\(error)".contains("content/pitfalls/no-training.md:2"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("escaped").path))
        // A second preview of the same folder (the server started again) takes it over.
        try Data(text.utf8).write(to: page)
        _ = try IncrementalBuilder(options: BuildOptions(source: site, output: output)).build()
    }

    /// An output written before the marker existed is recognised, so `make site` keeps working on
    /// an existing checkout; the next build marks it.
    func testAnOutputFromBeforeTheMarkerIsReplacedAndMarked() throws {
        let scratch = try ScratchFolder("ownership-legacy")
        defer { scratch.remove() }
        let site = try defaultSite(in: scratch)
        let output = site.appendingPathComponent("public")
        _ = try SiteBuild.build(BuildOptions(source: site, output: output))
        try FileManager.default.removeItem(at: output.appendingPathComponent(OutputOwnership.markerName))
        try? FileManager.default.removeItem(at: site.appendingPathComponent(".crossroads-cache"))
        _ = try SiteBuild.build(BuildOptions(source: site, output: output))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputOwnership.markerName).path))
        // A folder that merely has a search-index.js of some other tool is not ours.
        try FileManager.default.removeItem(at: output.appendingPathComponent(OutputOwnership.markerName))
        try Data("var index = {};".utf8).write(to: output.appendingPathComponent("search-index.js"))
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: site, output: output)))
    }

    /// Export writes only into a folder it may own, and its files take checked paths.
    func testExportWritesOnlyIntoItsOwnFolder() throws {
        let scratch = try ScratchFolder("ownership-export")
        defer { scratch.remove() }
        let site = try defaultSite(in: scratch)
        let wiki = scratch.url.appendingPathComponent("wiki")
        try scratch.write("wiki/Home.md", "the wiki's own home page")
        let before = FolderSnapshot(wiki)
        XCTAssertThrowsError(try SiteExport.export(ExportOptions(source: site, output: wiki, format: .markdown)))
        XCTAssertEqual(FolderSnapshot(wiki), before)
        var forced = ExportOptions(source: site, output: wiki, format: .markdown)
        forced.force = true
        _ = try SiteExport.export(forced)
        XCTAssertEqual(FolderSnapshot(wiki).files["Home.md"], before.files["Home.md"])
        // Marked now: the next export needs no --force.
        _ = try SiteExport.export(ExportOptions(source: site, output: wiki, format: .markdown))

        // A page whose address is fine (it has a slug) but whose file name is not is refused by export too.
        try scratch.write("site/content/pitfalls/a#b.md", "---\ntitle: Hash\nslug: hash\n---\nHello\n")
        XCTAssertThrowsError(try SiteExport.export(ExportOptions(source: site, output: wiki, format: .markdown))) { error in
            XCTAssertTrue("\(error)".contains("content/pitfalls/a#b.md"), "\(error)")
        }
    }
}
