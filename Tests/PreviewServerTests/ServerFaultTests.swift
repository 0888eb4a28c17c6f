import Foundation
import XCTest

/// The preview server under faults: clients that vanish mid-stream, a burst of concurrent
/// requests, and rebuilds that fail part way through.
final class ServerFaultTests: XCTestCase {
    private var harness: PreviewHarness!
    private let page = "content/pitfalls/no-training.md"
    private let pageURL = "/pitfalls/no-training/"
    private let pageText = "Promoted without management training"

    override func setUp() async throws {
        harness = try PreviewHarness()
        try await harness.start()
    }

    override func tearDown() async throws {
        try await harness.stop()
    }

    // MARK: - (a) clients that disconnect mid-stream

    func testClientsDroppingTheEventStreamDoNotHurtTheServer() async throws {
        let port = harness.port
        for round in 0..<20 {
            try await offPool {
                let connection = try SocketConnection(port: port)
                try connection.send("GET /__crossroads/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
                // Half the clients leave before reading anything, half after the stream has begun.
                if round.isMultiple(of: 2) {
                    let head = try connection.readHead()
                    guard head.status == 200 else { throw TestFailure("event stream answered \(head.status)") }
                    _ = try connection.readLine()
                }
                // Releasing the connection closes the socket.
            }
        }
        let page = try await harness.get(pageURL)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains(pageText))

        // A rebuild makes the server write to every stream it still believes open, including the
        // dead ones; it must shrug them off and still tell a live client.
        let live = try await harness.events()
        try harness.replace("The usual reason an engineer", with: "Written after twenty dropped clients. The usual reason an engineer", in: self.page)
        let reload = try await harness.nextEvent(live, named: "reload")
        XCTAssertTrue(reload.data.contains("\"build\":2"), reload.data)
        let after = try await harness.get(pageURL)
        XCTAssertEqual(after.status, 200)
        XCTAssertTrue(after.text.contains("Written after twenty dropped clients."))
    }

    // MARK: - (b) 200 concurrent requests

    func testTwoHundredConcurrentRequestsAreAllAnsweredWithTheRightBodies() async throws {
        let targets = try concurrentTargets()
        // One sequential answer per target is the reference: the server may add its live-reload
        // script to HTML, so the file on disk is the reference only for assets.
        var expected: [String: Data] = [:]
        for target in Set(targets) {
            let reply = try await harness.get(target)
            XCTAssertEqual(reply.status, 200, target)
            expected[target] = reply.body
        }
        for (target, body) in expected where target.hasPrefix("/assets/") {
            let onDisk = try Data(contentsOf: harness.output.appendingPathComponent(String(target.dropFirst())))
            XCTAssertEqual(body, onDisk, "\(target) differs from the built file")
        }

        let port = harness.port
        let replies = try await withThrowingTaskGroup(of: (String, Int, Data).self) { group in
            for target in targets {
                group.addTask {
                    // Each request has its own socket with the 30 s read guard of SocketConnection.
                    let reply = try await offPool { try RawHTTP.request(port: port, target) }
                    return (target, reply.status, reply.body)
                }
            }
            var collected: [(String, Int, Data)] = []
            for try await reply in group { collected.append(reply) }
            return collected
        }

        XCTAssertEqual(replies.count, 200)
        for (target, status, body) in replies {
            XCTAssertEqual(status, 200, target)
            XCTAssertEqual(body, expected[target], "\(target): body differs from the sequential answer")
        }
        let status = try await harness.status()
        XCTAssertEqual(status["build"] as? Int, 1, "the burst caused no rebuild")
    }

    /// 200 request targets cycling through every page folder and every asset of the build.
    private func concurrentTargets() throws -> [String] {
        guard let walker = FileManager.default.enumerator(at: harness.output, includingPropertiesForKeys: nil) else {
            throw TestFailure("cannot list \(harness.output.path)")
        }
        let prefix = harness.output.standardizedFileURL.path
        var distinct: [String] = []
        for case let file as URL in walker {
            let relative = String(file.standardizedFileURL.path.dropFirst(prefix.count))
            if file.lastPathComponent == "index.html" {
                distinct.append(String(relative.dropLast("index.html".count)))
            } else if relative.hasPrefix("/assets/"), !file.hasDirectoryPath {
                distinct.append(relative)
            }
        }
        distinct.sort()
        guard distinct.contains("/"), distinct.contains(where: { $0.hasPrefix("/assets/") }), distinct.count >= 10 else {
            throw TestFailure("unexpected build layout: \(distinct)")
        }
        return (0..<200).map { distinct[$0 % distinct.count] }
    }

    // MARK: - (c) rebuilds that fail part way

    func testAPageThatFailsToLoadKeepsTheLastGoodSiteUntilFixed() async throws {
        let original = try harness.read(page)
        // A YAML syntax error in the front matter: the build stops while loading content.
        try await assertFailureKeepsLastGoodSite(
            breaking: page, with: original.replacingOccurrences(of: "kind: pitfall", with: "kind: [pitfall"),
            original: original)
    }

    func testAChartThatFailsToRenderKeepsTheLastGoodSiteUntilFixed() async throws {
        let chartPage = "content/mastery/how-mastery-is-built.md"
        let original = try harness.read(chartPage)
        let broken = original.replacingOccurrences(of: "{label: \"Practice and repetition\", value: 52}",
                                                   with: "{label: \"Practice and repetition\", value: fifty-two}")
        XCTAssertNotEqual(broken, original, "the default chart changed")
        try await assertFailureKeepsLastGoodSite(breaking: chartPage, with: broken, original: original)
    }

    /// Breaks `file`, then (with the site still broken) edits another page: neither the break nor
    /// the edit may reach what is served, the status names the broken file, and restoring `file`
    /// publishes both the repair and the edit.
    private func assertFailureKeepsLastGoodSite(breaking file: String, with broken: String, original: String,
                                                line: UInt = #line) async throws {
        let otherPage = file == page ? "content/pitfalls/forced-ladder.md" : page
        let otherURL = file == page ? "/pitfalls/forced-ladder/" : pageURL
        let otherBefore = try await harness.get(otherURL)
        XCTAssertEqual(otherBefore.status, 200, line: line)
        let pageBefore = try await harness.get(pageURL)
        let firstStatus = try await harness.status()
        let attempts = try XCTUnwrap(firstStatus["attempts"] as? Int, "\(firstStatus)", line: line)

        try harness.write(file, broken)
        let failed = try await harness.waitForAttempt(after: attempts)
        try assertReportsError(in: failed, naming: file, line: line)

        // A second edit while still broken: the build still fails, so this text must not appear either.
        let marker = "Edited while the site was broken."
        try harness.write(otherPage, try harness.read(otherPage) + "\n\(marker)\n")
        let stillFailed = try await harness.waitForAttempt(after: failed["attempts"] as? Int ?? attempts + 1)
        try assertReportsError(in: stillFailed, naming: file, line: line)

        for (target, before) in [(pageURL, pageBefore), (otherURL, otherBefore)] {
            let served = try await harness.get(target)
            XCTAssertEqual(served.status, 200, "\(target) while broken", line: line)
            XCTAssertEqual(served.body, before.body, "\(target) changed while the site was broken", line: line)
            XCTAssertFalse(served.text.contains(marker), line: line)
        }
        let pageWhileBroken = try await harness.get(pageURL)
        XCTAssertTrue(pageWhileBroken.text.contains(pageText), line: line)

        try harness.write(file, original)
        let fixed = try await harness.waitForAttempt(after: stillFailed["attempts"] as? Int ?? attempts + 2) { $0["error"] is NSNull }
        XCTAssertTrue(fixed["error"] is NSNull, "the error clears after the fix: \(fixed)", line: line)
        XCTAssertEqual(fixed["build"] as? Int, (firstStatus["build"] as? Int ?? 0) + 1, "one new good build", line: line)
        let recovered = try await harness.get(otherURL)
        XCTAssertEqual(recovered.status, 200, line: line)
        XCTAssertTrue(recovered.text.contains(marker), "the edit made while broken is published after the fix", line: line)
    }

    private func assertReportsError(in status: [String: Any], naming file: String, line: UInt) throws {
        let problems = try XCTUnwrap(status["error"] as? [[String: Any]], "status reports the failure: \(status)", line: line)
        XCTAssertTrue(problems.contains { $0["file"] as? String == file }, "the problem names \(file): \(problems)", line: line)
        XCTAssertEqual(status["build"] as? Int, 1, "no new good build while broken", line: line)
    }
}
