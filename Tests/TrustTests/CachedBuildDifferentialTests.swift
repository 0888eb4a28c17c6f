import Foundation
import SiteBuilder
import TestSupport
import XCTest

/// A cached build, and the preview's rebuild, equal a clean build byte for byte after every edit:
/// seeded random edits of every kind of input, each followed by a cached `crossroads build`
/// (in-process), a `--no-cache` build into another folder, and the preview's incremental rebuild
/// told which files changed (as `crossroads serve`'s watcher tells it).
final class CachedBuildDifferentialTests: XCTestCase {
    func testCachedAndPreviewBuildsEqualCleanBuildsAfterSeededEdits() throws {
        try runSeededEdits(twoLanguages: false, kinds: SiteEditor.Kind.allCases.filter { $0 != .translation }, times: 12, minimum: 200)
    }

    /// The same on a site in two languages, whose pages also print where their versions are
    /// (switcher, alternates, fallbacks), with German translations added, edited and removed.
    func testCachedAndPreviewBuildsEqualCleanBuildsInTwoLanguages() throws {
        try runSeededEdits(twoLanguages: true, kinds: SiteEditor.Kind.allCases + [.translation, .translation], times: 1, minimum: 20)
    }

    private func runSeededEdits(twoLanguages: Bool, kinds chosen: [SiteEditor.Kind], times: Int, minimum: Int) throws {
        let scratch = try ScratchFolder("cache-differential")
        defer { scratch.remove() }
        let site = scratch.url.appendingPathComponent("site")
        try CacheTrustSite.write(into: site, twoLanguages: twoLanguages)
        let cachedOutput = scratch.url.appendingPathComponent("cached")
        let cleanOutput = scratch.url.appendingPathComponent("clean")
        let preview = IncrementalBuilder(options: BuildOptions(source: site, output: scratch.url.appendingPathComponent("preview")))
        var editor = SiteEditor(site: site, seed: 20_261_204, siteYML: twoLanguages ? CacheTrustSite.twoLanguageSiteYML : CacheTrustSite.siteYML)
        // Every kind `times` times, in a seeded order.
        var kinds = chosen.flatMap { Array(repeating: $0, count: times) }
        for index in kinds.indices.reversed() { kinds.swapAt(index, editor.random.below(index + 1)) }
        XCTAssertGreaterThanOrEqual(kinds.count, minimum)

        var outcome = Outcome(cached: nil, clean: nil, preview: nil)
        try compare(step: "first build", changed: nil, site: site, cached: cachedOutput, clean: cleanOutput, preview: preview, outcome: &outcome)
        for (step, kind) in kinds.enumerated() {
            if kind == .sameSizeRestoredTime {
                // The edited file's stamp must be one the cache trusts (older than the window in
                // which a second change could leave it unchanged): wait, and build once more.
                Thread.sleep(forTimeInterval: 0.15)
                try compare(step: "\(step) before \(kind)", changed: [], site: site, cached: cachedOutput, clean: cleanOutput,
                            preview: preview, outcome: &outcome)
            }
            let changed = try editor.apply(kind)
            try compare(step: "\(step) \(kind) \(changed.sorted())", changed: changed, site: site, cached: cachedOutput,
                        clean: cleanOutput, preview: preview, outcome: &outcome)
        }
        XCTAssertGreaterThan(outcome.successes, kinds.count / 2, "most edits should leave a site that builds")
    }

    private struct Outcome {
        var cached: String?
        var clean: String?
        var preview: String?
        var successes = 0
    }

    private func compare(step: String, changed: Set<String>?, site: URL, cached: URL, clean: URL, preview: IncrementalBuilder,
                         outcome: inout Outcome) throws {
        let cachedError = Self.failure { _ = try SiteBuild.build(BuildOptions(source: site, output: cached, useCache: true)) }
        let cleanError = Self.failure { _ = try SiteBuild.build(BuildOptions(source: site, output: clean, useCache: false)) }
        let previewError = Self.failure { _ = try preview.build(changedPaths: changed) }
        XCTAssertEqual(cachedError, cleanError, "cached build and clean build disagree on failing after \(step)")
        XCTAssertEqual(previewError, cleanError, "preview rebuild and clean build disagree on failing after \(step)")
        guard cleanError == nil else { return }
        outcome.successes += 1
        let expected = FolderSnapshot(clean)
        let cachedFiles = FolderSnapshot(cached)
        XCTAssertTrue(cachedFiles == expected, "cached build differs from a clean build after \(step): \(cachedFiles.difference(from: expected))")
        let previewFiles = FolderSnapshot(preview.options.output)
        XCTAssertTrue(previewFiles == expected, "preview rebuild differs from a clean build after \(step): \(previewFiles.difference(from: expected))")
        if cachedFiles != expected || previewFiles != expected {
            throw HardeningError("stopped at the first difference (step \(step))")
        }
    }

    /// The error's text, or nil when `body` succeeds.
    private static func failure(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
