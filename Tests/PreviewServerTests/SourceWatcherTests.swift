import Foundation
@testable import PreviewServer
import XCTest

/// The watcher reports each settled batch of changed sources: through file notifications, seen
/// at once (the scans here are an hour apart, so only a notification can report in time), and by
/// scanning where notifications are off.
final class SourceWatcherTests: XCTestCase {
    func testNotificationsReportSavesNewFoldersAndRemovalsWithoutWaitingForAScan() async throws {
        #if os(Linux)
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        let (batches, task) = try await Self.watch(site, notifications: true)
        defer { task.cancel() }

        try Data("edited".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try await batches.waitFor(["content/a.md"])
        // An atomic save writes a temporary file and renames it over the page: only the page counts.
        try Data("saved atomically".utf8).write(to: site.appendingPathComponent("content/a.md"), options: .atomic)
        try await batches.waitFor(["content/a.md"])

        try FileManager.default.createDirectory(at: site.appendingPathComponent("content/new/deeper"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.appendingPathComponent("content/new/deeper/b.md"))
        try await batches.waitFor(["content/new/deeper/b.md"])
        // The new folder is watched too.
        try Data("y".utf8).write(to: site.appendingPathComponent("content/new/deeper/b.md"))
        try await batches.waitFor(["content/new/deeper/b.md"])

        try Data("title: Other".utf8).write(to: site.appendingPathComponent("site.yml"))
        try await batches.waitFor(["site.yml"])
        try Data("{{x}}".utf8).write(to: site.appendingPathComponent("templates/page.mustache"))
        try await batches.waitFor(["templates/page.mustache"])

        try FileManager.default.removeItem(at: site.appendingPathComponent("content/new"))
        try await batches.waitFor(["content/new/deeper/b.md"])

        // Editors' scratch files and the output folder are not sources.
        try Data("scratch".utf8).write(to: site.appendingPathComponent("content/.#a.md"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent("public"), withIntermediateDirectories: true)
        try Data("out".utf8).write(to: site.appendingPathComponent("public/index.html"))
        try Data("again".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try await batches.waitFor(["content/a.md"])
        #else
        throw XCTSkip("file notifications are only used on Linux")
        #endif
    }

    /// A symbolic link back up the tree neither hangs nor crashes the watcher; saves still come through.
    func testASymbolicLinkLoopInContentIsWatchedOnce() async throws {
        #if os(Linux)
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("content/loop").path,
                                                   withDestinationPath: site.appendingPathComponent("content").path)
        let (batches, task) = try await Self.watch(site, notifications: true)
        defer { task.cancel() }
        try Data("edited".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try await batches.waitFor(["content/a.md"])
        #else
        throw XCTSkip("file notifications are only used on Linux")
        #endif
    }

    func testScanningReportsChangesWhereNotificationsAreOff() async throws {
        let site = try Self.site()
        defer { try? FileManager.default.removeItem(at: site) }
        let (batches, task) = try await Self.watch(site, notifications: false)
        defer { task.cancel() }
        try Data("edited, longer".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try await batches.waitFor(["content/a.md"])
    }

    /// Starts a watcher on `site` and gives it time to take its first look. With notifications,
    /// scans are an hour apart, so only a notification can report in time; without, it scans
    /// every 40 ms.
    private static func watch(_ site: URL, notifications: Bool) async throws -> (BatchRecorder, Task<Void, Never>) {
        var watcher = SourceWatcher(site: site, pollInterval: notifications ? .seconds(3600) : .milliseconds(40),
                                    quietPeriod: notifications ? .milliseconds(30) : .milliseconds(40))
        watcher.scanInterval = .seconds(3600)
        watcher.usesNotifications = notifications
        let batches = BatchRecorder()
        let task = Task { await watcher.run { await batches.add($0) } }
        try await Task.sleep(for: .milliseconds(300))
        return (batches, task)
    }

    /// A site folder with one page, one template and site.yml.
    private static func site() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("watcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("content"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("first".utf8).write(to: site.appendingPathComponent("content/a.md"))
        try Data("{{y}}".utf8).write(to: site.appendingPathComponent("templates/page.mustache"))
        try Data("title: Site".utf8).write(to: site.appendingPathComponent("site.yml"))
        return site
    }
}

/// Collects the batches a watcher reports.
private actor BatchRecorder {
    private var batches: [Set<String>] = []

    func add(_ batch: Set<String>) { batches.append(batch) }

    /// Waits (up to five seconds) for a batch that is exactly `expected`, and forgets the batches so far.
    func waitFor(_ expected: Set<String>, file: StaticString = #filePath, line: UInt = #line) async throws {
        for _ in 0..<500 {
            if batches.contains(expected) {
                batches = []
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("no batch \(expected.sorted()) within five seconds; got \(batches.map { $0.sorted() })", file: file, line: line)
        batches = []
    }
}
