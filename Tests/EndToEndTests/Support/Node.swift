import Foundation

/// `node`, for running the page's own script outside the browser.
enum Node {
    static func url() throws -> URL {
        guard let node = ProcessRunner.which("node") else {
            throw SupportError("node is not installed: install Debian's nodejs (the conformance tests run the page's script in it)")
        }
        return node
    }

    /// Runs `script` (JavaScript source, written to a temporary file) with `arguments`.
    static func run(script: String, arguments: [String]) throws -> ProcessOutput {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-\(UUID().uuidString).cjs")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProcessRunner.run(url(), [file.path] + arguments)
    }
}
