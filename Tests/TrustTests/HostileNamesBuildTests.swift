import Foundation
import PropertyBased
@testable import SiteBuilder
import TestSupport
import XCTest

/// Real builds of a small site whose file names, slugs, aliases and tags are random hostile
/// strings: whatever the names, nothing is written outside the output folder, a refused name is
/// reported at its file, and in a site that builds every printed link resolves in the output.
final class HostileNamesBuildTests: XCTestCase {
    func testEveryWrittenPathIsInsideTheOutputAndEveryLinkResolves() throws {
        let scratch = try ScratchFolder("hostile-names")
        defer { scratch.remove() }
        // Deep, so that `..` in a name has somewhere to go that is still inside the scratch folder.
        let site = scratch.url.appendingPathComponent("a/b/c/d/site")
        let output = scratch.url.appendingPathComponent("a/b/c/d/out")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for part in ["templates", "i18n"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(part), to: site.appendingPathComponent(part))
        }
        try scratch.write("a/b/c/d/site/site.yml", "title: Hostile names\n")
        var built = 0
        try FuzzBudget(quickCases: 30).run("hostile names") { random, number in
            let content = site.appendingPathComponent("content")
            try? FileManager.default.removeItem(at: content)
            try? FileManager.default.removeItem(at: output)
            func name() -> String { random.soup(OutputPathPropertyTests.tokens, count: 1...5) }
            // A file name cannot hold `/` or NUL; the rest of the name goes to the file system as it is.
            var fileName = name().replacingOccurrences(of: "/", with: "").replacingOccurrences(of: "\u{0}", with: "")
            if fileName.isEmpty || fileName.hasPrefix(".") || fileName == "index" || fileName == "_index" { fileName = "x" + fileName }
            let folder = random.chance(50) ? "pitfalls/" : ""
            var frontMatter = "title: Hostile\nkind: pitfall\n"
            if random.chance(40) { frontMatter += "slug: \(Self.yamlString(name()))\n" }
            if random.chance(70) { frontMatter += "aliases: [\((0..<random.int(in: 1...3)).map { _ in Self.yamlString(name()) }.joined(separator: ", "))]\n" }
            // The theme links to the tag index on every page, so there is always a tag.
            frontMatter += "tags: [common\(random.chance(50) ? ", " + Self.yamlString(name()) : "")]\n"
            let hostile = "content/\(folder)\(fileName).md"
            do {
                try scratch.write("a/b/c/d/site/" + hostile, "---\n\(frontMatter)---\nBack [home](@/index.md).\n")
                try scratch.write("a/b/c/d/site/content/index.md", "---\ntitle: Home\n---\nSee [the page](@/\(folder)\(fileName).md).\n")
            } catch {
                return  // a name this file system cannot hold
            }
            do {
                let report = try SiteBuild.build(BuildOptions(source: site, output: output))
                built += 1
                let problems = SiteCheck.check(output: output, markdownLinks: report.links)
                XCTAssertEqual(problems, [], "case \(number): \(hostile.debugDescription) with \(frontMatter.debugDescription)")
                for url in Self.searchIndexURLs(in: output) {
                    XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(url).path),
                                  "case \(number): the search index links to \(url.debugDescription), which is not in the output")
                }
            } catch let failure as BuildFailure {
                for error in failure.errors {
                    XCTAssertTrue(error.file.hasPrefix("content/"), "case \(number): \(error)")
                }
            }
            let outside = FolderSnapshot(scratch.url).files.keys.filter { !$0.hasPrefix("a/b/c/d/site/") && !$0.hasPrefix("a/b/c/d/out/") }
            XCTAssertEqual(outside.sorted(), [], "case \(number): \(hostile.debugDescription) with \(frontMatter.debugDescription) wrote outside the output")
        }
        XCTAssertGreaterThan(built, 0, "no random site built at all: the property says nothing about links")
    }

    /// A YAML double-quoted string holding `text` exactly.
    static func yamlString(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{FEFF}" || scalar == "\u{2028}" {
                    quoted += String(format: "\\u%04X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    /// The `u` (URL) of every entry of the search index's parts.
    static func searchIndexURLs(in output: URL) -> [String] {
        let folder = output.appendingPathComponent("search-index")
        var urls: [String] = []
        for part in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let text = (try? String(contentsOf: folder.appendingPathComponent(part), encoding: .utf8)) ?? ""
            var rest = text[...]
            while let start = rest.range(of: "\"u\":\"") {
                guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
                let literal = "\"" + rest[start.upperBound..<end] + "\""
                if let decoded = try? JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String { urls.append(decoded) }
                rest = rest[end...]
            }
        }
        return urls
    }
}
