import Foundation
import PreviewServer
import XCTest

/// A temporary copy of the repository's default site (site.yml, content/, templates/), a private
/// output folder beside it, and a preview server running on a free port of 127.0.0.1.
final class PreviewHarness: @unchecked Sendable {  // set up once, then only read
    let root: URL
    let site: URL
    let output: URL
    private(set) var port = 0
    private var serverTask: Task<Void, any Error>?
    private let stopper = PreviewStopper()
    let terminal = TerminalLines()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("preview-tests-\(UUID().uuidString)", isDirectory: true)
        site = root.appendingPathComponent("site", isDirectory: true)
        output = root.appendingPathComponent("out/site", isDirectory: true)
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
    }

    func start() async throws {
        let configuration = PreviewConfiguration(source: site, output: output, port: 0,
                                                 pollInterval: .milliseconds(50), quietPeriod: .milliseconds(50))
        let terminal = self.terminal
        let stopper = self.stopper
        let server = PreviewServer(configuration: configuration, log: { terminal.append($0) })
        let (ready, readyContinuation) = AsyncStream<URL>.makeStream()
        serverTask = Task {
            defer { readyContinuation.finish() }
            try await server.run(handleSignals: false, stopper: stopper) { address in readyContinuation.yield(address) }
        }
        var iterator = ready.makeAsyncIterator()
        guard let address = await iterator.next(), let port = address.port else {
            if let task = serverTask { _ = try await task.value }
            throw TestFailure("the server stopped before it was ready")
        }
        self.port = port
    }

    /// Stops the server the way Ctrl-C does and waits until `run` has returned.
    func stop() async throws {
        await stopper.stop()
        try await serverTask?.value
        try? FileManager.default.removeItem(at: root)
    }

    // MARK: - Requests, off Swift's cooperative threads (the server needs them while the test waits)

    func get(_ target: String, method: String = "GET") async throws -> HTTPReply {
        let port = self.port
        return try await offPool { try RawHTTP.request(port: port, target, method: method) }
    }

    func events() async throws -> EventStreamClient {
        let port = self.port
        let client = try await offPool { try EventStreamClient(port: port) }
        // Wait for the greeting, so the subscription exists before the test changes anything.
        _ = try await offPool { try client.next(named: "hello") }
        return client
    }

    func nextEvent(_ client: EventStreamClient, named name: String) async throws -> EventStreamClient.Event {
        try await offPool { try client.next(named: name) }
    }

    func status() async throws -> [String: Any] {
        let reply = try await get("/__crossroads/status")
        guard let object = try JSONSerialization.jsonObject(with: reply.body) as? [String: Any] else { throw TestFailure("status is not an object") }
        return object
    }

    /// Polls the status until `attempts` passes `count` (a build attempt finished) and, when given,
    /// `settled` holds: one save can reach the watcher as more than one change (the notification,
    /// then the scan that is its safety net), so a test waits for the state it expects rather
    /// than for a number of attempts.
    func waitForAttempt(after count: Int, until settled: (([String: Any]) -> Bool)? = nil) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        for _ in 0..<600 {
            last = try await status()
            if let attempts = last["attempts"] as? Int, attempts > count, settled?(last) ?? true { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("no build reached the expected state within 30 s; last status: \(last)")
    }

    // MARK: - Files

    func read(_ relative: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(relative), encoding: .utf8)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: site.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    func replace(_ old: String, with new: String, in relative: String) throws {
        let text = try read(relative)
        guard text.contains(old) else { throw TestFailure("\(relative) does not contain \(old)") }
        try write(relative, text.replacingOccurrences(of: old, with: new))
    }
}

/// Lines the server printed, for assertions on terminal output.
final class TerminalLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.joined(separator: "\n")
    }
}

/// Runs blocking socket work on a Dispatch thread.
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
