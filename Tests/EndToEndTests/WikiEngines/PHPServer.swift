import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PHP's built-in web server (`php -S 127.0.0.1:<free port>`) in front of a wiki's code, with a
/// router script that keeps every file the wiki writes in a temporary folder.
final class PHPServer {
    static let php = "/usr/bin/php"

    let port: Int
    private let process = Process()
    private let log: URL

    /// `root`: the document root (the wiki's code); `router`: the router script; `environment` is
    /// added to this process's own.
    init(root: String, router: URL, environment: [String: String], log: URL) throws {
        port = try FreePort.find()
        self.log = log
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw SupportError("cannot create \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: Self.php)
        process.arguments = ["-S", "127.0.0.1:\(port)", "-t", root, router.path]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = router.deletingLastPathComponent()
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit { stop() }

    var address: String { "http://127.0.0.1:\(port)" }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits (up to about 30 s) until the port answers; readiness, not a timed assertion.
    func waitUntilServing() async throws {
        for _ in 0..<300 {
            if (try? LocalHTTP.send("GET", port: port, path: "/", timeoutSeconds: 30)) != nil { return }
            guard process.isRunning else { throw SupportError("php -S exited early:\n\(output)") }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw SupportError("php -S did not answer on port \(port):\n\(output)")
    }

    /// GETs `path` (with its query) and returns the status and body as text.
    func get(_ path: String) throws -> (status: Int, body: String) {
        let response = try LocalHTTP.send("GET", port: port, path: path)
        return (response.status, String(decoding: response.body, as: UTF8.self))
    }

    /// SIGKILL: the server is started from a test thread whose blocked signals it inherits,
    /// SIGTERM among them (as chromedriver, see WebDriver.quit), and it keeps nothing to flush.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Fails, never skips, when PHP is missing, so `make test-wikis` cannot pass on a machine without it.
    static func requireExecutable(_ path: String, package: String) throws {
        guard FileManager.default.isExecutableFile(atPath: path) || FileManager.default.fileExists(atPath: path) else {
            throw SupportError("\(path) is missing: run `make test-wikis`, which installs \(package)")
        }
    }
}
