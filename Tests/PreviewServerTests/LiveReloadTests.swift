import Foundation
import XCTest

/// Saving a file rebuilds the site and tells connected browsers; a broken file is reported without
/// losing the last good build.
final class LiveReloadTests: XCTestCase {
    private var harness: PreviewHarness!
    private let page = "content/pitfalls/no-training.md"

    override func setUp() async throws {
        harness = try PreviewHarness()
        try await harness.start()
    }

    override func tearDown() async throws {
        try await harness.stop()
    }

    func testEditingAContentFileSendsReloadAndServesTheNewText() async throws {
        let before = try await harness.get("/pitfalls/no-training/")
        XCTAssertFalse(before.text.contains("A sentence written by the live reload test."))
        let events = try await harness.events()

        try harness.replace("The usual reason an engineer", with: "A sentence written by the live reload test. The usual reason an engineer", in: page)

        let reload = try await harness.nextEvent(events, named: "reload")
        XCTAssertTrue(reload.data.contains("\"build\":2"), reload.data)
        let after = try await harness.get("/pitfalls/no-training/")
        XCTAssertEqual(after.status, 200)
        XCTAssertTrue(after.text.contains("A sentence written by the live reload test."))
        XCTAssertTrue(harness.terminal.all.contains("Rebuilt after content/pitfalls/no-training.md"), harness.terminal.all)
    }

    func testBrokenFrontMatterIsReportedWhileTheLastGoodPageStaysAndAFixClearsIt() async throws {
        let events = try await harness.events()
        let original = try harness.read(page)
        let attemptsBefore = try await harness.status()["attempts"] as? Int ?? 0

        // Line 3 of the file: an unknown kind.
        try harness.write(page, original.replacingOccurrences(of: "kind: pitfall", with: "kind: pitfal"))

        let error = try await harness.nextEvent(events, named: "error")
        let payload = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(error.data.utf8)) as? [String: Any])
        let problems = try XCTUnwrap(payload["errors"] as? [[String: Any]])
        // Pages linking to this one may report it too; the front-matter problem itself is on line 3.
        let problem = try XCTUnwrap(problems.first { $0["file"] as? String == page }, "\(problems)")
        XCTAssertEqual(problem["line"] as? Int, 3, "\(problem)")
        XCTAssertTrue((problem["message"] as? String ?? "").contains("pitfal"), "\(problem)")

        let status = try await harness.waitForAttempt(after: attemptsBefore)
        let statusProblems = try XCTUnwrap(status["error"] as? [[String: Any]])
        XCTAssertTrue(statusProblems.contains { $0["file"] as? String == page && $0["line"] as? Int == 3 }, "\(statusProblems)")
        XCTAssertEqual(status["build"] as? Int, 1, "no new good build")
        XCTAssertTrue(harness.terminal.all.contains("\(page):3"), harness.terminal.all)

        let stillServed = try await harness.get("/pitfalls/no-training/")
        XCTAssertEqual(stillServed.status, 200)
        XCTAssertTrue(stillServed.text.contains("Promoted without management training"))

        // A browser that connects now learns about the error at once.
        let lateComer = try await harness.events()
        let replayed = try await harness.nextEvent(lateComer, named: "error")
        XCTAssertTrue(replayed.data.contains(page))

        try harness.write(page, original)
        _ = try await harness.nextEvent(events, named: "reload")
        let fixed = try await harness.status()
        XCTAssertTrue(fixed["error"] is NSNull, "error cleared: \(fixed)")
        XCTAssertEqual(fixed["build"] as? Int, 2)
    }

    func testAStylesheetOnlyChangeSendsCSSInsteadOfReload() async throws {
        let events = try await harness.events()
        let stylesheet = try harness.read("templates/assets/site.css")
        try harness.write("templates/assets/site.css", stylesheet + "\n/* changed by the live reload test */\n")
        let event = try await harness.nextEvent(events, named: "css")
        XCTAssertTrue(event.data.contains("\"build\":2"), event.data)
    }
}

final class ShutdownTests: XCTestCase {
    func testStoppingEndsOpenEventStreamsAndReturnsFromRun() async throws {
        let harness = try PreviewHarness()
        try await harness.start()
        let events = try await harness.events()
        try await harness.stop()
        // The stream a browser held open was closed by the server, not left hanging.
        XCTAssertThrowsError(try events.next()) { error in
            XCTAssertEqual((error as? TestFailure)?.description, "event stream ended")
        }
        XCTAssertThrowsError(try RawHTTP.request(port: harness.port, "/"), "nothing listens after the stop")
    }
}
