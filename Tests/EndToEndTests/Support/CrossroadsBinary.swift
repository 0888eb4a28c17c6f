import Foundation

/// The built `crossroads` executable, run as a user would run it.
enum CrossroadsBinary {
    /// `$CROSSROADS_BINARY` when set; else `crossroads` next to the test bundle (the same build
    /// folder, whatever the scratch path); else `.build/debug/crossroads` in the repository.
    static func url() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["CROSSROADS_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        for base in [Bundle.main.executableURL, Bundle.main.bundleURL, Bundle(for: Marker.self).bundleURL].compactMap({ $0 }) {
            var folder = base.deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(folder.appendingPathComponent("crossroads"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(TemporarySite.repositoryRoot.appendingPathComponent(".build/debug/crossroads"))
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) && !isFolder($0) }) {
            return found
        }
        throw SupportError("cannot find the crossroads executable (looked at \(candidates.map(\.path).joined(separator: ", "))); build it with `swift build --build-tests` or run `make test`")
    }

    /// Runs `crossroads <arguments>` and returns its exit code and output.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> ProcessOutput {
        try ProcessRunner.run(url(), arguments, in: directory)
    }

    private static func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    private final class Marker {}
}
