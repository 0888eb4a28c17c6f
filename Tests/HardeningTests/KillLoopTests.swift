import Foundation
import XCTest
import TestSupport

/// A build killed with SIGKILL at any moment leaves the output either exactly the old site or
/// exactly the new one, never a mix; the next build clears whatever the killed one left behind.
final class KillLoopTests: XCTestCase {
    static let iterations = 20
    static let seed: UInt64 = 0x8BAD_F00D

    func testKilledBuildsLeaveTheOldOrTheNewSiteNeverAMix() throws {
        let scratch = try ScratchFolder("kill")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for part in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(part), to: site.appendingPathComponent(part))
        }
        let versions = [SiteVersion.old, SiteVersion.new]

        // What each version builds to, each in its own folder, no cache involved.
        var expected: [FolderSnapshot] = []
        var durations: [Double] = []
        for version in versions {
            try version.apply(to: site)
            let reference = scratch.url.appendingPathComponent("reference-\(version.name)")
            let started = Date()
            let result = try CrossroadsCLI.run(["build", "--source", site.path, "--output", reference.path, "--no-cache"])
            durations.append(Date().timeIntervalSince(started))
            XCTAssertEqual(result.exitStatus, 0, result.summary)
            expected.append(FolderSnapshot(reference))
        }
        XCTAssertNotEqual(expected[0], expected[1], "the two versions must build to different sites")

        let output = scratch.url.appendingPathComponent("out/public")
        try versions[0].apply(to: site)
        let initial = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
        XCTAssertEqual(initial.exitStatus, 0, initial.summary)
        XCTAssertEqual(FolderSnapshot(output), expected[0], "the output folder's place must not change what is built")

        var random = SeededRandom(seed: Self.seed)
        let longest = durations.max() ?? 1
        var outcomes = [0, 0]
        for iteration in 0..<Self.iterations {
            let current = FolderSnapshot(output)
            guard let now = expected.firstIndex(of: current) else {
                XCTFail("iteration \(iteration): the output is neither site: \(current.difference(from: expected[0]))")
                return
            }
            let target = 1 - now
            try versions[target].apply(to: site)
            let delay = random.nextUnit() * longest
            let build = try CrossroadsCLI.start(["build", "--source", site.path, "--output", output.path])
            usleep(UInt32(delay * 1_000_000))
            kill(build.process.processIdentifier, SIGKILL)
            let result = build.finish()
            XCTAssertTrue(result.signal == SIGKILL || result.exitStatus == 0, "iteration \(iteration): \(result.summary)")
            let after = FolderSnapshot(output)
            guard let landed = expected.firstIndex(of: after) else {
                XCTFail("iteration \(iteration), killed after \(String(format: "%.3f", delay)) s: the output is a mix: "
                        + "vs old \(after.difference(from: expected[0])); vs new \(after.difference(from: expected[1]))")
                return
            }
            outcomes[landed == target ? 1 : 0] += 1
        }
        // One finished build afterwards removes any staging folder the killed builds left.
        let final = try CrossroadsCLI.run(["build", "--source", site.path, "--output", output.path])
        XCTAssertEqual(final.exitStatus, 0, final.summary)
        // Whatever the kills left in the cache (manifest, spare output), the finished build is right.
        let lastVersion = try String(contentsOf: site.appendingPathComponent("content/sources.md"), encoding: .utf8)
            .contains("This line marks the kill-loop version.") ? 1 : 0
        XCTAssertEqual(FolderSnapshot(output), expected[lastVersion], "the build after the kills differs from a clean build")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).filter { $0 != "public" }
        XCTAssertEqual(leftovers, [], "staging folders left next to the output")
        print("kill loop: \(outcomes[0]) kills kept the old site, \(outcomes[1]) builds reached the new site (longest build \(String(format: "%.2f", longest)) s)")
    }
}

/// Two versions of the default site that differ in several outputs: a line added to one page
/// (that page and the search index) and a page only the new one has (its section index, the
/// sitemap, the feed, the search index).
struct SiteVersion {
    var name: String
    var extraPage: Bool

    static let old = SiteVersion(name: "old", extraPage: false)
    static let new = SiteVersion(name: "new", extraPage: true)

    func apply(to site: URL) throws {
        let extra = site.appendingPathComponent("content/pitfalls/kill-loop-extra.md")
        if extraPage {
            try Data("---\ntitle: Only in the new site\nkind: pitfall\nsummary: Added between builds.\n---\nA page that only the new site has.\n".utf8).write(to: extra)
        } else if FileManager.default.fileExists(atPath: extra.path) {
            try FileManager.default.removeItem(at: extra)
        }
        let sources = site.appendingPathComponent("content/sources.md")
        let text = try String(contentsOf: sources, encoding: .utf8)
        let marker = "\n\nThis line marks the kill-loop version.\n"
        let base = text.components(separatedBy: marker)[0]
        try Data((base + (extraPage ? marker : "")).utf8).write(to: sources)
    }
}
