import Foundation
import TestSupport
import XCTest

/// The real `crossroads` binary, cached (the default) against `--no-cache`, after each kind of
/// edit a cache once missed: the cached build must give the same bytes, or fail the same way.
final class StaleCacheCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var site: URL { scratch.url.appendingPathComponent("site") }
    private var output: URL { scratch.url.appendingPathComponent("public") }

    override func setUpWithError() throws {
        scratch = try ScratchFolder("stale-cache")
        try Self.copyDefaultSite(to: site)
    }

    override func tearDown() {
        scratch.remove()
    }

    /// The repository's default site, its files dated an hour ago (a stamp the cache trusts).
    static func copyDefaultSite(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for part in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
            for case let relative as String in enumerator {
                try FileStamp.setModified(folder.appendingPathComponent(relative), secondsAgo: 3_600)
            }
        }
    }

    private func write(_ relative: String, _ text: String, in folder: URL? = nil) throws {
        let file = (folder ?? site).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Inserts `text` into a template right after `after`.
    private func insert(_ text: String, after: String, in template: String) throws {
        let file = site.appendingPathComponent(template)
        let original = try String(contentsOf: file, encoding: .utf8)
        guard let range = original.range(of: after) else { throw HardeningError("\(after) not in \(template)") }
        try Data(original.replacingCharacters(in: range, with: after + text).utf8).write(to: file)
    }

    private func build(_ extra: [String] = [], source: URL? = nil, output: URL? = nil) throws -> CommandResult {
        try CrossroadsCLI.run(["build", "--source", (source ?? site).path, "--output", (output ?? self.output).path] + extra)
    }

    /// A cached build after the edit equals a `--no-cache` build of the same sources.
    private func assertCachedBuildEqualsCleanBuild(file: StaticString = #filePath, line: UInt = #line) throws {
        let cached = try build()
        XCTAssertEqual(cached.exitStatus, 0, cached.summary, file: file, line: line)
        let clean = scratch.url.appendingPathComponent("clean")
        let fresh = try build(["--no-cache"], output: clean)
        XCTAssertEqual(fresh.exitStatus, 0, fresh.summary, file: file, line: line)
        let cachedFiles = FolderSnapshot(output), cleanFiles = FolderSnapshot(clean)
        XCTAssertFalse(cleanFiles.files.isEmpty, file: file, line: line)
        XCTAssertTrue(cachedFiles == cleanFiles, "cached build is stale: \(cachedFiles.difference(from: cleanFiles))", file: file, line: line)
    }

    func testEditingAPartialIncludedByADynamicName() throws {
        try write("content/data/theme.yml", "note: partials/note\n")
        try write("templates/partials/note.mustache", "<p class=\"note\">First note</p>\n")
        try insert("{{>*data.theme.note}}", after: "<main id=\"main\" tabindex=\"-1\">", in: "templates/base.mustache")
        XCTAssertEqual(try build().exitStatus, 0)
        try write("templates/partials/note.mustache", "<p class=\"note\">Second note</p>\n")
        try assertCachedBuildEqualsCleanBuild()
    }

    func testAddingAPartialChosenThroughADataValue() throws {
        try write("content/data/theme.yml", "note: partials/later\n")
        try insert("{{>*data.theme.note}}", after: "<main id=\"main\" tabindex=\"-1\">", in: "templates/base.mustache")
        XCTAssertEqual(try build().exitStatus, 0)
        try write("templates/partials/later.mustache", "<p class=\"note\">Added later</p>\n")
        try assertCachedBuildEqualsCleanBuild()
    }

    func testEditingADataFileATemplatePrints() throws {
        try write("content/data/theme.yml", "motto: First motto\n")
        try insert("<p class=\"motto\">{{data.theme.motto}}</p>", after: "<main id=\"main\" tabindex=\"-1\">", in: "templates/base.mustache")
        XCTAssertEqual(try build().exitStatus, 0)
        try write("content/data/theme.yml", "motto: Second motto\n")
        try assertCachedBuildEqualsCleanBuild()
    }

    func testEditingAPartialIncludedAfterADelimiterChange() throws {
        try write("templates/partials/delimited.mustache", "<p>First</p>\n")
        try insert("{{=<% %>=}}<%> partials/delimited %><%={{ }}=%>", after: "<main id=\"main\" tabindex=\"-1\">", in: "templates/base.mustache")
        XCTAssertEqual(try build().exitStatus, 0)
        try write("templates/partials/delimited.mustache", "<p>Second</p>\n")
        try assertCachedBuildEqualsCleanBuild()
    }

    func testSameSizeEditWithItsModificationTimeRestored() throws {
        let page = site.appendingPathComponent("content/pitfalls/no-training.md")
        let reference = scratch.url.appendingPathComponent("reference.md")
        // The page's stamp must be older than the window in which a second change could go unseen.
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(try build().exitStatus, 0)
        let original = try String(contentsOf: page, encoding: .utf8)
        XCTAssertEqual(try run("/bin/cp", ["-p", page.path, reference.path]).exitStatus, 0)
        guard let word = original.range(of: "training", options: .backwards) else { throw HardeningError("no word to change") }
        try Data(original.replacingCharacters(in: word, with: "TRAINING").utf8).write(to: page)
        XCTAssertEqual(try run("/usr/bin/touch", ["-r", reference.path, page.path]).exitStatus, 0)
        try assertCachedBuildEqualsCleanBuild()
    }

    func testAnotherSiteBuildingIntoTheSameOutputBetweenCachedBuilds() throws {
        let other = scratch.url.appendingPathComponent("other")
        try Self.copyDefaultSite(to: other)
        try write("site.yml", try String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8)
                    .replacingOccurrences(of: "title:", with: "title: Other copy of"), in: other)
        XCTAssertEqual(try build().exitStatus, 0)
        let intruder = try build(source: other)
        XCTAssertEqual(intruder.exitStatus, 0, intruder.summary)
        try assertCachedBuildEqualsCleanBuild()
    }

    func testUnreadableInputsFailTheCachedBuildAsTheyFailTheCleanOne() throws {
        XCTAssertEqual(try build().exitStatus, 0)
        let before = FolderSnapshot(output)
        for input in ["content/pitfalls/no-training.md", "content/pitfalls/_index.md", "content/data/ladders.yml",
                      "content/questionnaire.yml", "templates/partials/footer.mustache", "templates/assets/site.css", "site.yml"] {
            let file = site.appendingPathComponent(input).path
            XCTAssertEqual(chmod(file, 0), 0, input)
            let cached = try buildWithoutPrivileges([])
            let clean = try buildWithoutPrivileges(["--no-cache"], output: scratch.url.appendingPathComponent("clean"))
            chmod(file, 0o644)
            for result in [cached, clean] {
                XCTAssertTrue((1...127).contains(result.exitStatus ?? 0), "\(input): \(result.summary)")
                XCTAssertTrue(result.stderr.contains(input), "\(input): \(result.summary)")
            }
            XCTAssertEqual(cached.stderr, clean.stderr, input)
            XCTAssertTrue(FolderSnapshot(output) == before, "the failed build changed the previous output (\(input))")
        }
    }

    func testPageReadableOnlyWithPrivilegesFailsACachedBuildWithout() throws {
        // Built (and cached) by someone who may read the page, then built by someone who may not:
        // the page's stamp has not changed, but reading it would fail, so the cached build fails.
        let page = "content/pitfalls/no-training.md"
        XCTAssertEqual(chmod(site.appendingPathComponent(page).path, 0), 0)
        defer { chmod(site.appendingPathComponent(page).path, 0o644) }
        Thread.sleep(forTimeInterval: 0.3)
        guard getuid() == 0 else { throw XCTSkip("needs root, who may read any file, to build the first time") }
        XCTAssertEqual(try build().exitStatus, 0)
        let before = FolderSnapshot(output)
        let cached = try buildWithoutPrivileges([])
        XCTAssertTrue((1...127).contains(cached.exitStatus ?? 0), cached.summary)
        XCTAssertTrue(cached.stderr.contains(page), cached.summary)
        XCTAssertTrue(FolderSnapshot(output) == before, "the failed build changed the previous output")
    }

    /// `crossroads build` as a user who may not read a file with no read permission: as root, with
    /// the capabilities that let root read anything dropped (`setpriv`).
    private func buildWithoutPrivileges(_ extra: [String], output: URL? = nil) throws -> CommandResult {
        let arguments = ["build", "--source", site.path, "--output", (output ?? self.output).path] + extra
        guard getuid() == 0 else { return try CrossroadsCLI.run(arguments) }
        let command = try RunningCommand(executable: URL(fileURLWithPath: "/usr/bin/setpriv"),
                                         arguments: ["--bounding-set", "-dac_override,-dac_read_search", try CrossroadsCLI.url().path] + arguments)
        return command.finish()
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> CommandResult {
        try RunningCommand(executable: URL(fileURLWithPath: executable), arguments: arguments).finish()
    }
}
