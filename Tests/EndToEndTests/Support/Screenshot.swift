import Foundation

/// PNG screenshots, either of a URL through `chromium --screenshot` or from a WebDriver session.
enum Screenshot {
    /// Loads `url` in headless Chromium at `width`×`height` and writes the viewport to `file`.
    static func capture(url: URL, to file: URL, width: Int, height: Int) throws {
        try WebDriver.requireBrowser()
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try ProcessRunner.run(URL(fileURLWithPath: WebDriver.chromiumPath), [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            "--user-data-dir=\(profile.path)", "--screenshot=\(file.path)", "--window-size=\(width),\(height)",
            url.absoluteString,
        ])
        guard result.exitCode == 0, FileManager.default.fileExists(atPath: file.path) else {
            throw SupportError("chromium --screenshot failed (exit \(result.exitCode)): \(result.stderr)")
        }
    }

    /// Width and height from a PNG's IHDR chunk, to check what was captured.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0...7] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}
