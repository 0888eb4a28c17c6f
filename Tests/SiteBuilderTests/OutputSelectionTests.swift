import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// `outputs:` in site.yml chooses the optional kinds of output (see `OutputKind`), through the
/// real `crossroads` binary on a copy of the default site with one alias added.
final class OutputSelectionTests: XCTestCase {
    /// Files of each optional kind in the default site's output.
    private static func optionalKind(of file: String) -> OutputKind? {
        if file.hasPrefix("embed/") { return .embed }
        if file.hasPrefix("standalone/") || file == "questionnaire.standalone.html" { return .standalone }
        if file == "sitemap.xml" || file == "robots.txt" { return .sitemap }
        if file == "404.html" { return .notFound }
        if file.hasPrefix("old-address/") { return .aliases }
        return nil
    }

    /// `outputs: [pages]` writes the pages and what they link to, byte for byte as a default build
    /// does; `check` (which reads every link of every written page) finds nothing missing; naming
    /// some optional kinds adds exactly their files.
    func testChosenOutputsWriteExactlyTheirFilesAndNoPageLinksToAMissingFile() throws {
        let scratch = try ScratchFolder("outputs")
        defer { scratch.remove() }
        let site = try Self.copyOfDefaultSite(in: scratch)
        let all = try build(site, outputs: nil, into: scratch.url.appendingPathComponent("all"))
        XCTAssertEqual(Set(OutputKind.allCases.filter { !OutputKind.broughtByPages.contains($0) }),
                       Set(all.keys.compactMap(Self.optionalKind)), "the default build lacks an optional kind")

        for chosen in [[], [OutputKind.sitemap, .aliases]] {
            let label = "pages" + chosen.map { ", " + $0.name }.joined()
            let files = try build(site, outputs: [.pages] + chosen, into: scratch.url.appendingPathComponent(label))
            let expected = all.filter { file, _ in Self.optionalKind(of: file).map(chosen.contains) ?? true }
            XCTAssertEqual(Set(files.keys).symmetricDifference(expected.keys).sorted(), [], "outputs: [\(label)] wrote other files")
            for (file, data) in files where data != all[file] { XCTFail("outputs: [\(label)]: \(file) differs from the default build's") }
            let check = try CrossroadsCLI.run(["check", "--source", site.path])
            XCTAssertEqual(check.exitStatus, 0, "outputs: [\(label)]: check found a problem\n\(check.summary)")
        }
    }

    /// An unknown kind fails `build` and `check` alike, naming site.yml, its line and the valid
    /// kinds, and leaves the previous output untouched.
    func testUnknownOutputKindIsRefusedAtItsLineByBuildAndCheck() throws {
        let scratch = try ScratchFolder("outputs-unknown")
        defer { scratch.remove() }
        let site = try Self.copyOfDefaultSite(in: scratch)
        let output = scratch.url.appendingPathComponent("out")
        let before = try build(site, outputs: nil, into: output)
        let siteFile = site.appendingPathComponent("site.yml")
        let settings = try String(contentsOf: siteFile, encoding: .utf8)
        let line = settings.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        try (settings + "outputs:\n  - pages\n  - standalone-copies\n").write(to: siteFile, atomically: true, encoding: .utf8)

        for command in [["build", "--output", output.path], ["check"]] {
            let result = try CrossroadsCLI.run(command + ["--source", site.path])
            XCTAssertEqual(result.exitStatus, 1, result.summary)
            XCTAssertTrue(result.stderr.contains("site.yml:\(line)"), "\(command[0]) did not name the line\n\(result.summary)")
            XCTAssertTrue(result.stderr.contains("standalone-copies"), result.summary)
            XCTAssertTrue(result.stderr.contains(OutputKind.allCases.map(\.name).joined(separator: ", ")), "no valid kinds\n\(result.summary)")
        }
        XCTAssertEqual(try Self.files(in: output), before, "the failed build changed the output")
    }

    private func build(_ site: URL, outputs: [OutputKind]?, into output: URL) throws -> [String: Data] {
        let siteFile = site.appendingPathComponent("site.yml")
        var settings = try String(contentsOf: siteFile, encoding: .utf8)
        if let start = settings.range(of: "\noutputs:") { settings = String(settings[..<start.lowerBound]) + "\n" }
        if let outputs { settings += "outputs: [\(outputs.map(\.name).joined(separator: ", "))]\n" }
        try settings.write(to: siteFile, atomically: true, encoding: .utf8)
        let result = try CrossroadsCLI.run(["build", "--no-cache", "--source", site.path, "--output", output.path])
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        return try Self.files(in: output)
    }

    static func copyOfDefaultSite(in scratch: ScratchFolder) throws -> URL {
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for entry in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(entry), to: site.appendingPathComponent(entry))
        }
        try DefaultSiteLanguages.keepOnlyTheDefaultLanguage(in: site)
        let page = site.appendingPathComponent("content/pitfalls/forced-ladder.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        try ("---\naliases: [old-address/]\n" + text.dropFirst(4)).write(to: page, atomically: true, encoding: .utf8)
        return site
    }

    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
