import Deploy
import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// A small site (a home page and a few pitfalls, the repository's own templates) in a scratch
/// folder, with settings added to its site.yml, deployed through the real `crossroads` binary.
final class DeploySite {
    let scratch: ScratchFolder
    var folder: URL { scratch.url.appendingPathComponent("site") }
    var output: URL { folder.appendingPathComponent("public") }

    /// `SCRATCH` in `settings` stands for the scratch folder's path. `extraPages` pages
    /// `content/pitfalls/extra-N.md` that nothing links to, so a test may remove them.
    init(_ label: String, settings: String, extraPages: Int = 0) throws {
        scratch = try ScratchFolder("deploy-\(label)")
        for part in ["templates", "i18n"] {
            try Overlay.copy(Repository.root.appendingPathComponent(part), into: folder.appendingPathComponent(part))
        }
        let filled = settings.replacingOccurrences(of: "SCRATCH", with: scratch.url.path)
        try write("site.yml", "title: Deploy test\nnav:\n  - {title: Pitfalls, path: pitfalls/}\n" + filled + "\n")
        try write("content/index.md", "---\ntitle: Home\n---\nRead [the first pitfall](@/pitfalls/no-training.md).\n")
        try write("content/pitfalls/no-training.md", """
            ---
            title: Promoted without training
            kind: pitfall
            summary: Handed a team, left to learn.
            tags: [management]
            ---
            The usual reason an engineer is asked to lead is a good one. See [the ladder](@/pitfalls/forced-ladder.md).

            """)
        try write("content/pitfalls/forced-ladder.md", "---\ntitle: The forced ladder\nkind: pitfall\nsummary: Up or out.\n---\nBack to [training](@/pitfalls/no-training.md).\n")
        for number in 0..<extraPages {
            try write("content/pitfalls/extra-\(number).md", "---\ntitle: Extra pitfall \(number)\nkind: pitfall\nsummary: A page a test removes.\n---\nSome words about pitfall \(number).\n")
        }
    }

    deinit { scratch.remove() }

    func path(_ relative: String) -> URL { scratch.url.appendingPathComponent(relative) }

    /// `crossroads deploy ARGUMENTS --source SITE`, which must succeed.
    @discardableResult
    func deploy(_ arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let result = try CrossroadsCLI.run(["deploy"] + arguments + ["--source", folder.path])
        XCTAssertEqual(result.exitStatus, 0, result.summary, file: file, line: line)
        return result
    }

    func write(_ relative: String, _ text: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(relative)
        try write(relative, change(try String(contentsOf: url, encoding: .utf8)))
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(relative))
    }

    /// The built output as a deploy sees it: key -> MD5.
    func builtFiles() throws -> [String: String] { try LocalSite.read(folder: output).files.mapValues(\.md5) }
}

/// Every regular file under a folder, key -> (inode, MD5): a file rewritten in place gets a new
/// inode (each upload renames a new file over the old), so this shows what a deploy wrote.
func fileIdentities(_ folder: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
    for case let relative as String in enumerator {
        let url = folder.appendingPathComponent(relative)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        result[relative] = "\(inode):\(LocalSite.md5Hex(try Data(contentsOf: url)))"
    }
    return result
}

/// Keys whose value differs between two maps, or that only one of them has.
func changedKeys(_ before: [String: String], _ after: [String: String]) -> Set<String> {
    Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
}

/// Every internal link (`href`, `src`) of every HTML file under `folder` that does not resolve to
/// a file there, found by the same checker as `crossroads check`; anchors are not the question.
func missingLinkTargets(in folder: URL) -> [String] {
    SiteCheck.check(output: folder, markdownLinks: []).map(\.description).filter { !$0.contains("missing anchor") }
}
