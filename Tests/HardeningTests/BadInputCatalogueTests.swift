import Foundation
import TestSupport
import XCTest

/// Runs every case of the bad-input catalogue through the real `crossroads` binary: the build
/// must exit with status 1 (never a signal or a Swift trap), name the file (and line) and the fix
/// of every expected problem, and leave the previously built output byte for byte as it was.
final class BadInputCatalogueTests: XCTestCase {
    func testYAMLTabIndentation() throws { try check("yaml-tab-indentation") }
    func testYAMLUnclosedQuote() throws { try check("yaml-unclosed-quote") }
    func testYAMLDuplicateKey() throws { try check("yaml-duplicate-key") }
    func testFrontMatterUnclosed() throws { try check("front-matter-unclosed") }
    func testUnknownKind() throws { try check("unknown-kind") }
    func testWeightNotANumber() throws { try check("weight-not-a-number") }
    func testDateNotADate() throws { try check("date-not-a-date") }
    func testSameOutputPath() throws { try check("same-output-path") }
    func testMissingTemplate() throws { try check("missing-template") }
    func testMissingPartial() throws { try check("missing-partial") }
    func testBrokenTemplateSyntax() throws { try check("broken-template-syntax") }
    func testUnknownPlaceholder() throws { try check("unknown-placeholder") }
    func testQuestionnaireGap() throws { try check("questionnaire-gap") }
    func testQuestionnaireOverlap() throws { try check("questionnaire-overlap") }
    func testQuestionnaireDuplicateID() throws { try check("questionnaire-duplicate-id") }
    func testQuestionnaireUnreachableBand() throws { try check("questionnaire-unreachable-band") }
    func testLadderDataMissing() throws { try check("ladder-data-missing") }
    func testLevelMapUnknownLevel() throws { try check("level-map-unknown-level") }
    func testNotUTF8() throws { try check("not-utf8") }
    func testEmptyFile() throws { try check("empty-file") }
    func testHugePage() throws { try check("huge-page") }
    func testSymlinkLoop() throws { try check("symlink-loop") }
    func testUnreadableFile() throws { try check("unreadable-file") }
    func testOutputNotWritable() throws { try check("output-not-writable") }
    func testOutputInsideContent() throws { try check("output-inside-content") }
    func testSeveralMistakesReportedTogether() throws { try check("several-mistakes") }

    /// A case folder without a test method would never run.
    func testEveryCatalogueFolderHasATest() throws {
        let tested = Set(Self.testedCases)
        for name in try CatalogueCase.allNames() {
            XCTAssertTrue(tested.contains(name), "Tests/Fixtures/bad-input/\(name) has no test method in BadInputCatalogueTests")
        }
    }

    static let testedCases = [
        "yaml-tab-indentation", "yaml-unclosed-quote", "yaml-duplicate-key", "front-matter-unclosed", "unknown-kind",
        "weight-not-a-number", "date-not-a-date", "same-output-path", "missing-template", "missing-partial",
        "broken-template-syntax", "unknown-placeholder", "questionnaire-gap", "questionnaire-overlap",
        "questionnaire-duplicate-id", "questionnaire-unreachable-band", "ladder-data-missing", "level-map-unknown-level", "not-utf8", "empty-file",
        "huge-page", "symlink-loop", "unreadable-file", "output-not-writable", "output-inside-content", "several-mistakes",
    ]

    // MARK: - The check every case goes through

    private func check(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let testCase = try CatalogueCase(name: name)
        XCTAssertFalse(testCase.expectations.isEmpty, "\(name)/expected.txt lists no expected error", file: file, line: line)
        let scratch = try ScratchFolder(name)
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Overlay.copy(Repository.badInput.appendingPathComponent("_base"), into: site, skipping: ["README.md"])

        // The site as it was before the mistake: built once, so there is an output to protect.
        var output = site.appendingPathComponent("public")
        let first = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
        XCTAssertEqual(first.exitStatus, 0, "the base site must build before the mistake is made:\n\(first.summary)", file: file, line: line)
        var protected = output

        try Overlay.copy(testCase.folder, into: site, skipping: ["expected.txt"])
        for path in testCase.deletions { try FileManager.default.removeItem(at: site.appendingPathComponent(path)) }
        var runAsUnprivileged = false
        switch testCase.setup {
        case nil: break
        case "huge-page":
            // 20 MB of ordinary Markdown, generated here rather than committed.
            let paragraph = String(repeating: "All work and no play makes a dull page. ", count: 25) + "\n\n"
            let body = String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count + 1)
            try scratch.write("site/content/pitfalls/huge.md", "---\ntitle: Huge\n---\n" + body)
        case "symlink-loop":
            try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("content/pitfalls/again").path,
                                                       withDestinationPath: "..")
        case "unreadable-file":
            try scratch.write("site/content/pitfalls/secret.md", "---\ntitle: Secret\n---\nBody.\n")
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.appendingPathComponent("content/pitfalls/secret.md").path)
            // Root reads any file whatever its mode, so as root the build runs as `nobody`,
            // which owns the site (to write its output) but cannot read the mode-000 file.
            runAsUnprivileged = getuid() == 0
            if runAsUnprivileged { try Unprivileged.giveAway(scratch.url) }
        case "output-not-writable":
            // Nothing can be created under a regular file, not even by root.
            try scratch.write("site/blocker", "a file where the output's parent folder should be\n")
            output = site.appendingPathComponent("blocker/public")
        case "output-inside-content":
            // An earlier site published inside content/: the build must refuse and leave it alone.
            output = site.appendingPathComponent("content/published")
            try FileManager.default.copyItem(at: protected, to: output)
            protected = output
        default:
            XCTFail("\(name)/expected.txt: unknown setup `\(testCase.setup ?? "")`", file: file, line: line)
            return
        }

        let before = FolderSnapshot(protected)
        XCTAssertFalse(before.files.isEmpty, file: file, line: line)
        let arguments = ["build", "--source", site.path, "--output", output.path]
        let result = runAsUnprivileged ? try Unprivileged.run(arguments) : try CrossroadsCLI.run(arguments)

        XCTAssertNil(result.signal, "\(name): the build died of a signal:\n\(result.summary)", file: file, line: line)
        XCTAssertEqual(result.exitStatus, 1, "\(name): expected exit status 1:\n\(result.summary)", file: file, line: line)
        for crash in ["Fatal error", "Crash", "Stack dump", "Illegal instruction", "Segmentation"] {
            XCTAssertFalse(result.stderr.contains(crash), "\(name): stderr shows a crash:\n\(result.stderr)", file: file, line: line)
        }
        let reported = ReportedError.parse(result.stderr)
        for expected in testCase.expectations {
            guard let match = reported.first(where: { $0.matches(expected) }) else {
                XCTFail("\(name): no error at \(expected.file)\(expected.line.map { ":\($0)" } ?? "") containing “\(expected.message)”; stderr:\n\(result.stderr)",
                        file: file, line: line)
                continue
            }
            XCTAssertFalse((match.fix ?? "").isEmpty, "\(name): the error at \(match.location) has no `fix:` line:\n\(result.stderr)", file: file, line: line)
        }
        let after = FolderSnapshot(protected)
        XCTAssertTrue(before == after, "\(name): the previous output changed: \(after.difference(from: before))", file: file, line: line)
    }
}

/// Runs the CLI as `nobody`, for the one case where root's right to read everything would hide the problem.
enum Unprivileged {
    static let user: UInt32 = 65534

    static func giveAway(_ folder: URL) throws {
        let result = try RunningCommand(executable: URL(fileURLWithPath: "/bin/chown"), arguments: ["-R", "\(user):\(user)", folder.path]).finish()
        guard result.exitStatus == 0 else { throw HardeningError("chown failed: \(result.summary)") }
    }

    static func run(_ arguments: [String]) throws -> CommandResult {
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else {
            throw HardeningError("/usr/bin/setpriv (util-linux) is needed to drop root for the unreadable-file case")
        }
        let command = try RunningCommand(executable: setpriv, arguments: [
            "--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--", CrossroadsCLI.url().path,
        ] + arguments)
        return command.finish()
    }
}
