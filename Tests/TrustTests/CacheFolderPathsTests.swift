import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// `.crossroads-cache/` sits in the site folder, so a pull request can commit one. What it says
/// decides what a cached build deletes and where it moves folders: a forged one must not make the
/// build touch anything outside its output and its own cache.
final class CacheFolderPathsTests: XCTestCase {
    private struct Fixture {
        let scratch: ScratchFolder
        var site: URL { scratch.url.appendingPathComponent("site") }
        var output: URL { site.appendingPathComponent("public") }
        var victim: URL { scratch.url.appendingPathComponent("victim") }

        init(_ label: String) throws {
            scratch = try ScratchFolder("cache-paths-\(label)")
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            for entry in ["content", "templates", "site.yml"] {
                try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(entry), to: site.appendingPathComponent(entry))
            }
            try scratch.write("victim/precious.txt", "not the build's")
            // Two cached builds: a manifest and a spare exist.
            _ = try SiteBuild.build(BuildOptions(source: site, output: output, useCache: true))
            _ = try SiteBuild.build(BuildOptions(source: site, output: output, useCache: true))
        }

        func cachedBuild() throws { _ = try SiteBuild.build(BuildOptions(source: site, output: output, useCache: true)) }
    }

    func testAManifestNamingPathsOutsideTheOutputIsIgnored() throws {
        let fixture = try Fixture("manifest")
        defer { fixture.scratch.remove() }
        let cache = BuildCache(source: fixture.site, output: fixture.output, options: BuildOptions(source: fixture.site, output: fixture.output))
        let state = try XCTUnwrap(cache.load())
        let forged: Set<String> = ["../../victim/precious.txt", "/\(fixture.victim.path)/precious.txt"]
        cache.save(keys: state.reuse.keys, files: state.files.union(forged),
                   spare: SpareOutput(folder: cache.spareFolder, files: state.spare?.files.union(forged) ?? forged, stale: []))
        XCTAssertNil(cache.load(), "a manifest with paths outside the output was trusted")
        try fixture.cachedBuild()
        XCTAssertEqual(try String(contentsOf: fixture.victim.appendingPathComponent("precious.txt"), encoding: .utf8), "not the build's")
    }

    func testASpareHoldingASymbolicLinkIsNotWrittenThrough() throws {
        let fixture = try Fixture("spare-link")
        defer { fixture.scratch.remove() }
        let spare = fixture.site.appendingPathComponent(".crossroads-cache/spare-output")
        let pitfalls = spare.appendingPathComponent("pitfalls")
        try FileManager.default.removeItem(at: pitfalls)
        try FileManager.default.createSymbolicLink(atPath: pitfalls.path, withDestinationPath: fixture.victim.path)
        let before = FolderSnapshot(fixture.victim)
        // A page edit, so that pages under pitfalls/ are written again.
        try fixture.scratch.write("site/content/pitfalls/no-training.md",
                                  try String(contentsOf: fixture.site.appendingPathComponent("content/pitfalls/no-training.md"), encoding: .utf8) + "\nMore.\n")
        try fixture.cachedBuild()
        XCTAssertEqual(FolderSnapshot(fixture.victim), before, "the build wrote through a link in its spare")
        XCTAssertTrue(FileManager.default.fileExists(atPath: fixture.output.appendingPathComponent("pitfalls/no-training/index.html").path))
    }

    func testACacheFolderThatIsASymbolicLinkIsNotUsed() throws {
        let fixture = try Fixture("cache-link")
        defer { fixture.scratch.remove() }
        let cacheFolder = fixture.site.appendingPathComponent(".crossroads-cache")
        try FileManager.default.removeItem(at: cacheFolder)
        try fixture.scratch.write("victim/spare-output/mine.txt", "mine")
        try FileManager.default.createSymbolicLink(atPath: cacheFolder.path, withDestinationPath: fixture.victim.path)
        let before = FolderSnapshot(fixture.victim)
        try fixture.cachedBuild()
        _ = try SiteBuild.build(BuildOptions(source: fixture.site, output: fixture.output, useCache: false))
        XCTAssertEqual(FolderSnapshot(fixture.victim), before, "the build used a cache folder outside the site")
    }
}
