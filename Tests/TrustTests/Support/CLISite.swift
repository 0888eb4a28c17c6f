import Foundation
import TestSupport
import XCTest

/// A copy of the default site with a good build in `out/` (deep, so that `..` has somewhere to go
/// inside the scratch folder), for the end-to-end runs of the real `crossroads` binary.
struct CLISite {
    let scratch: ScratchFolder
    var root: URL { scratch.url.appendingPathComponent("a/b/c/d/site") }
    var output: URL { scratch.url.appendingPathComponent("a/b/c/d/out") }

    init(_ label: String) throws {
        scratch = try ScratchFolder("trust-\(label)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for entry in ["content", "templates", "site.yml"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(entry), to: root.appendingPathComponent(entry))
        }
        let first = try build()
        guard first.exitStatus == 0 else { throw HardeningError("the default site did not build: \(first.summary)") }
    }

    func build(_ extra: [String] = []) throws -> CommandResult {
        try CrossroadsCLI.run(["build", "--source", root.path, "--output", output.path] + extra)
    }

    func write(_ path: String, _ text: String) throws { try scratch.write("a/b/c/d/site/" + path, text) }

    func read(_ path: String) throws -> String { try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: root.appendingPathComponent(path)) }

    /// Puts a file of the default site back as it was.
    func restore(_ path: String) throws {
        try? remove(path)
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(path), to: root.appendingPathComponent(path))
    }

    /// Adds front-matter lines to a page of the default site.
    func addFrontMatter(_ lines: String, to page: String) throws {
        let url = root.appendingPathComponent(page)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(("---\n" + lines + "\n" + text.dropFirst(4)).utf8).write(to: url)
    }

    /// Every file under the scratch folder outside the site and the output.
    func filesOutside() -> [String] {
        FolderSnapshot(scratch.url).files.keys.filter { !$0.hasPrefix("a/b/c/d/site/") && !$0.hasPrefix("a/b/c/d/out/") }.sorted()
    }
}

extension XCTestCase {
    /// Refused: exit 1...127, the message names `file` (with a line when given), the output is unchanged.
    func assertRefused(_ result: CommandResult, naming file: String, line: Int? = nil, before: FolderSnapshot, after output: URL,
                       _ label: String, fileID: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertNotNil(result.exitStatus, "\(label): \(result.summary)", file: fileID, line: lineNumber)
        XCTAssertTrue((1...127).contains(result.exitStatus ?? 0), "\(label): \(result.summary)", file: fileID, line: lineNumber)
        let location = line.map { "\(file):\($0)" } ?? file
        XCTAssertTrue(result.stderr.contains(location), "\(label): no \(location) in\n\(result.stderr)", file: fileID, line: lineNumber)
        let now = FolderSnapshot(output)
        XCTAssertEqual(now, before, "\(label): output changed: \(now.difference(from: before))", file: fileID, line: lineNumber)
    }
}
