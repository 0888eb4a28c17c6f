import Foundation

/// `crossroads serve --source <site> --port <free port>` running in the background.
final class ServeProcess {
    let port: Int
    private let process = Process()
    private let log: URL

    init(site: TemporarySite) throws {
        port = try FreePort.find()
        log = site.root.appendingPathComponent("serve.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw SupportError("cannot create \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = try CrossroadsBinary.url()
        process.arguments = ["serve", "--source", site.root.path, "--port", String(port)]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits for the "Serving on" line (the first build is done and the port is open).
    func waitUntilServing() async throws {
        for _ in 0..<600 {
            if output.contains("Serving on http://127.0.0.1:\(port)/") { return }
            guard process.isRunning else { throw SupportError("crossroads serve exited early:\n\(output)") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw SupportError("crossroads serve did not start within 60 s:\n\(output)")
    }

    func interruptAndWait() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.interrupt()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
