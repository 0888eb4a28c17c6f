import Deploy
import Foundation
import TestSupport
import XCTest

/// `crossroads deploy` to a folder target, through the real binary: only what changed is written,
/// what is gone is deleted, mass deletions are refused, a dry run changes nothing.
final class FolderDeployTests: XCTestCase {
    func testUploadsOnlyWhatChangedAndDeletesRemovedPages() throws {
        let site = try DeploySite("folder", settings: "deploy:\n  www: {url: \"file://SCRATCH/www\"}", extraPages: 1)
        let www = site.path("www")

        let first = try site.deploy()
        XCTAssertEqual(try LocalSite.read(folder: www).files.mapValues(\.md5), try site.builtFiles(), "the folder holds exactly the built site")
        XCTAssertFalse(FileManager.default.fileExists(atPath: www.appendingPathComponent(".crossroads-output").path))
        XCTAssertTrue(first.stdout.contains("0 deleted, 0 unchanged"), first.stdout)
        let uploaded = try site.builtFiles().count
        XCTAssertTrue(first.stderr.hasPrefix("uploaded 1 of \(uploaded)\n") && first.stderr.hasSuffix("uploaded \(uploaded) of \(uploaded)\n"),
                      "progress on standard error, a line per tenth outside a terminal:\n\(first.stderr)")

        let deployed = try fileIdentities(www)
        let second = try site.deploy()
        XCTAssertEqual(try fileIdentities(www), deployed, "a second deploy of an unchanged site writes nothing")
        XCTAssertTrue(second.stdout.contains(": 0 uploaded (0 bytes), 0 deleted"), second.stdout)

        // One page's text: that page and whatever prints its words (search index) change, nothing else.
        let builtBefore = try site.builtFiles()
        try site.edit("content/pitfalls/no-training.md") { $0.replacingOccurrences(of: "The usual reason", with: "The most usual reason") }
        try site.deploy()
        let changedBuild = changedKeys(builtBefore, try site.builtFiles())
        XCTAssertTrue(changedBuild.contains("pitfalls/no-training/index.html"))
        XCTAssertFalse(changedBuild.contains { $0.hasPrefix("assets/") || $0 == "pitfalls/forced-ladder/index.html" }, "\(changedBuild.sorted())")
        XCTAssertEqual(changedKeys(deployed, try fileIdentities(www)), changedBuild, "exactly the changed files are written")

        // A removed page is deleted, with its now empty folder.
        let beforeRemoval = try site.builtFiles()
        try site.remove("content/pitfalls/extra-0.md")
        try site.deploy()
        let removed = Set(beforeRemoval.keys).subtracting(try site.builtFiles().keys)
        XCTAssertTrue(removed.contains("pitfalls/extra-0/index.html"), "\(removed.sorted())")
        for key in removed { XCTAssertFalse(FileManager.default.fileExists(atPath: www.appendingPathComponent(key).path), key) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: www.appendingPathComponent("pitfalls/extra-0").path))
        XCTAssertEqual(try LocalSite.read(folder: www).files.mapValues(\.md5), try site.builtFiles())
        XCTAssertEqual(missingLinkTargets(in: www), [])
    }

    func testMaxDeletesStopsAMassDeletionAndDryRunChangesNothing() throws {
        let site = try DeploySite("limits", settings: "deploy:\n  www: {url: \"file://SCRATCH/www\"}", extraPages: 3)
        let www = site.path("www")

        let dry = try site.deploy(["--dry-run"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: www.path), "a dry run writes nothing")
        XCTAssertTrue(dry.stdout.contains("upload new     assets/site."), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("[text/css; charset=utf-8; public, max-age=31536000, immutable]"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("upload new     pitfalls/no-training/index.html  [text/html; charset=utf-8; public, no-cache, must-revalidate]"), dry.stdout)

        let quiet = try site.deploy(["--quiet"])
        XCTAssertEqual(quiet.stdout + quiet.stderr, "", "--quiet prints nothing when all goes well")
        let deployed = FolderSnapshot(www)
        // Every pitfall gone: more deletions than the limit allows.
        for number in 0..<3 { try site.remove("content/pitfalls/extra-\(number).md") }
        let refused = try CrossroadsCLI.run(["deploy", "--max-deletes", "2", "--source", site.folder.path])
        XCTAssertNotEqual(refused.exitStatus, 0, refused.summary)
        XCTAssertTrue(refused.stderr.contains("more than --max-deletes 2; nothing was changed"), refused.stderr)
        XCTAssertEqual(FolderSnapshot(www), deployed, "refused: nothing uploaded, nothing deleted")

        let dryDeletes = try CrossroadsCLI.run(["deploy", "--dry-run", "--no-build", "--max-deletes", "2", "--source", site.folder.path])
        XCTAssertNotEqual(dryDeletes.exitStatus, 0, "a dry run says the real one would stop")
        XCTAssertTrue(dryDeletes.stdout.contains("delete         pitfalls/extra-0/index.html"), dryDeletes.stdout)
        XCTAssertEqual(FolderSnapshot(www), deployed)

        try site.deploy(["--max-deletes", "2", "--force", "--no-build"])
        XCTAssertEqual(try LocalSite.read(folder: www).files.mapValues(\.md5), try site.builtFiles())
    }
}
