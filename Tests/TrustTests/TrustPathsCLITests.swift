import Foundation
import TestSupport
import XCTest

/// One end-to-end run of the real `crossroads` binary per class of issue 14 that is about where a
/// build writes and reads: it fails with an exit code of 1...127, names the file (and line), and
/// leaves the previous output byte for byte as it was.
final class TrustPathsCLITests: XCTestCase {
    func testAnAliasOutsideTheOutputIsRefusedByBuildAndCheck() throws {
        let site = try CLISite("outside")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        for alias in ["../../../../x.js", "../x", "/../../y", "a/../../../../z", "%2e%2e/%2e%2e/w", "..\\\\..\\\\v"] {
            try site.addFrontMatter("aliases: [\"\(alias)\"]", to: "content/pitfalls/no-training.md")
            assertRefused(try site.build(), naming: "content/pitfalls/no-training.md", line: 2, before: before, after: site.output, "build \(alias)")
            assertRefused(try site.build(["--no-cache"]), naming: "content/pitfalls/no-training.md", line: 2, before: before, after: site.output, "build --no-cache \(alias)")
            let check = try CrossroadsCLI.run(["check", "--source", site.root.path])
            XCTAssertTrue((1...127).contains(check.exitStatus ?? 0), "check \(alias): \(check.summary)")
            XCTAssertEqual(site.filesOutside(), [], "\(alias) wrote outside the output")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/pitfalls/no-training.md"))
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("content/pitfalls/no-training.md"),
                                             to: site.root.appendingPathComponent("content/pitfalls/no-training.md"))
        }
    }

    func testSymbolicLinksOutOfTheSiteAreRefusedAndLinksInsideWork() throws {
        let site = try CLISite("links")
        defer { site.scratch.remove() }
        let outside = site.scratch.url.appendingPathComponent("elsewhere")
        try site.scratch.write("elsewhere/secret.md", "---\ntitle: Secret\n---\nThe deploy key.\n")
        try site.scratch.write("elsewhere/folder/secret.md", "---\ntitle: Secret\n---\nThe deploy key.\n")
        let before = FolderSnapshot(site.output)
        let links = [("templates/assets/passwd", "/etc/passwd"), ("content/pitfalls/secret.md", outside.path + "/secret.md"),
                     ("content/elsewhere", outside.path + "/folder"), ("templates/partials/secret.mustache", outside.path + "/secret.md"),
                     ("content/relative.md", "../../../../../../elsewhere/secret.md")]
        for (link, target) in links {
            let url = site.root.appendingPathComponent(link)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            assertRefused(try site.build(), naming: link, before: before, after: site.output, "link \(link)")
            try FileManager.default.removeItem(at: url)
        }
        // Inside the site, a link is an ordinary file.
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("content/pitfalls/again.md").path,
                                                   withDestinationPath: "../comparisons/ladders.md")
        let inside = try site.build()
        XCTAssertEqual(inside.exitStatus, 0, inside.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("pitfalls/again/index.html").path))
        XCTAssertFalse(FolderSnapshot(site.output).files.values.contains { String(decoding: $0, as: UTF8.self).contains("deploy key") })
    }

    func testAnOutputCrossroadsDidNotWriteIsNeverReplaced() throws {
        let site = try CLISite("ownership")
        defer { site.scratch.remove() }
        let folder = site.scratch.url
        try site.scratch.write("docs/notes.md", "my notes")
        try site.scratch.write("docs/deep/more.md", "more notes")
        try site.scratch.write("a-file", "a file of mine")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link-to-docs").path, withDestinationPath: "docs")
        let docs = FolderSnapshot(folder.appendingPathComponent("docs"))
        for (output, named) in [("docs", "docs"), ("a-file", "a-file"), ("link-to-docs", "link-to-docs")] {
            for verb in [["build"], ["build", "--no-cache"], ["export", "--format", "markdown"]] {
                let result = try CrossroadsCLI.run(verb + ["--source", site.root.path, "--output", folder.appendingPathComponent(output).path])
                assertRefused(result, naming: named, before: docs, after: folder.appendingPathComponent("docs"), "\(verb) into \(output)")
                XCTAssertTrue(result.stderr.contains("--force"), result.stderr)
            }
        }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("a-file"), encoding: .utf8), "a file of mine")

        // A link to the last output is followed: the output is rebuilt where it is, the link stays a link.
        let link = folder.appendingPathComponent("link-to-out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: site.output.path)
        let followed = try CrossroadsCLI.run(["build", "--source", site.root.path, "--output", link.path])
        XCTAssertEqual(followed.exitStatus, 0, followed.summary)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), site.output.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))

        // --force replaces a folder that is not ours; the user asked for it.
        let forced = try CrossroadsCLI.run(["build", "--source", site.root.path, "--output", folder.appendingPathComponent("docs").path, "--force"])
        XCTAssertEqual(forced.exitStatus, 0, forced.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("docs/index.html").path))
    }

    func testOneAddressCannotHideAnother() throws {
        let site = try CLISite("hiding")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        let page = "content/pitfalls/forced-ladder.md"
        let cases: [(setup: () throws -> Void, named: String, undo: () throws -> Void)] = [
            ({ try site.addFrontMatter("aliases: [atom.xml]", to: page) }, page, { try self.restore(page, in: site) }),
            ({ try site.addFrontMatter("aliases: [index.html]", to: page) }, page, { try self.restore(page, in: site) }),
            ({ try site.addFrontMatter("aliases: [tags/management/]", to: page) }, page, { try self.restore(page, in: site) }),
            ({ try site.addFrontMatter("aliases: [pitfalls/no-training]", to: page) }, page, { try self.restore(page, in: site) }),
            ({ try site.addFrontMatter("aliases: [sitemap.xml, search-index/0.js]", to: page) }, page, { try self.restore(page, in: site) }),
            ({ try site.addFrontMatter("slug: index.html", to: "content/doing-both.md") }, "content/doing-both.md",
             { try self.restore("content/doing-both.md", in: site) }),
            ({ try site.write("content/tags/management.md", "---\ntitle: Not a tag\n---\nHello\n") }, "content/tags/management.md",
             { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/tags")) }),
            ({ try site.write("content/embed/pitfalls/no-training.md", "---\ntitle: Not an embed\n---\nHello\n") }, "content/embed/pitfalls/no-training.md",
             { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/embed")) }),
            ({ try site.write("content/atom.xml.md", "---\ntitle: Not a feed\n---\nHello\n") }, "content/atom.xml.md",
             { try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/atom.xml.md")) }),
        ]
        for (number, testCase) in cases.enumerated() {
            try testCase.setup()
            // A cached build (the cache primed by the good build) and a clean one give the same answer.
            let cached = try site.build()
            assertRefused(cached, naming: testCase.named, before: before, after: site.output, "case \(number), cached")
            let clean = try site.build(["--no-cache"])
            assertRefused(clean, naming: testCase.named, before: before, after: site.output, "case \(number), --no-cache")
            XCTAssertEqual(cached.stderr, clean.stderr, "case \(number)")
            XCTAssertTrue(cached.stderr.contains("already uses"), "case \(number): the other side is not named: \(cached.stderr)")
            try testCase.undo()
        }
    }

    func testCharactersThatBreakLinksAreRefusedNamingTheFile() throws {
        let site = try CLISite("unsafe-names")
        defer { site.scratch.remove() }
        let before = FolderSnapshot(site.output)
        for name in ["a#b", "why?", "100%", "two words", "tab\there", "back\\slash", "c:d"] {
            let file = "content/pitfalls/\(name).md"
            try site.write(file, "---\ntitle: Name\n---\nHello\n")
            assertRefused(try site.build(), naming: file, before: before, after: site.output, "file \(name.debugDescription)")
            try FileManager.default.removeItem(at: site.root.appendingPathComponent(file))
        }
        for slug in ["\"a#b\"", "\"why?\"", "\"100%\"", "\"two words\"", "\"%2e%2e\"", "\"nul\\0\""] {
            try site.addFrontMatter("slug: \(slug)", to: "content/pitfalls/no-training.md")
            assertRefused(try site.build(), naming: "content/pitfalls/no-training.md", line: 2, before: before, after: site.output, "slug \(slug)")
            try restore("content/pitfalls/no-training.md", in: site)
        }
        // Letters of any language are fine, and `check` finds every link working.
        try site.write("content/pitfalls/café-日本.md", "---\ntitle: Café\naliases: [alt-café/]\n---\nSee [the ladders](@/comparisons/ladders.md).\n")
        let built = try site.build()
        XCTAssertEqual(built.exitStatus, 0, built.summary)
        let check = try CrossroadsCLI.run(["check", "--source", site.root.path])
        XCTAssertEqual(check.exitStatus, 0, check.summary)
    }

    private func restore(_ page: String, in site: CLISite) throws {
        let url = site.root.appendingPathComponent(page)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(page), to: url)
    }
}
