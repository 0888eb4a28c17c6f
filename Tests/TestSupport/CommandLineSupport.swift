import Foundation

/// Where this repository lives (Tests/TestSupport/CommandLineSupport.swift -> the package root).
public enum Repository {
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var badInput: URL { root.appendingPathComponent("Tests/Fixtures/bad-input") }
}

/// How a run of the CLI ended: an exit status or a signal (a trap or crash shows as a signal).
public struct CommandResult: Sendable {
    public var exitStatus: Int32?
    public var signal: Int32?
    public var stdout: String
    public var stderr: String

    public var summary: String { "exit \(exitStatus.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-")\nstderr:\n\(stderr)\nstdout:\n\(stdout)" }
}

public struct HardeningError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The built `crossroads` executable: `$CROSSROADS_BINARY`, else next to the test bundle (same
/// scratch path), else `.build/debug/crossroads`.
public enum CrossroadsCLI {
    public static func url() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["CROSSROADS_BINARY"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        for base in [Bundle.main.executableURL, Bundle(for: Marker.self).bundleURL].compactMap({ $0 }) {
            var folder = base.deletingLastPathComponent()
            for _ in 0..<3 {
                candidates.append(folder.appendingPathComponent("crossroads"))
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates.append(Repository.root.appendingPathComponent(".build/debug/crossroads"))
        var isFolder: ObjCBool = false
        if let found = candidates.first(where: {
            FileManager.default.isExecutableFile(atPath: $0.path)
                && FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && !isFolder.boolValue
        }) {
            return found
        }
        throw HardeningError("cannot find the crossroads executable; build it with `swift build --build-tests` (looked at \(candidates.map(\.path)))")
    }

    /// Runs `crossroads` to completion. Output goes to files, not pipes, so it can never block.
    /// `environment` replaces the inherited one when given.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandResult {
        let process = try start(arguments, environment: environment)
        process.process.waitUntilExit()
        return process.finish()
    }

    public static func start(_ arguments: [String], environment: [String: String]? = nil) throws -> RunningCommand {
        try RunningCommand(executable: url(), arguments: arguments, environment: environment)
    }

    private final class Marker {}
}

/// A started process whose output is captured in files.
public final class RunningCommand {
    public let process = Process()
    private let scratch: URL

    public init(executable: URL, arguments: [String], environment: [String: String]? = nil) throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hardening-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public func finish() -> CommandResult {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let stdout = (try? String(contentsOf: scratch.appendingPathComponent("stdout"), encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: scratch.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
        if process.terminationReason == .uncaughtSignal {
            return CommandResult(exitStatus: nil, signal: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
        return CommandResult(exitStatus: process.terminationStatus, signal: nil, stdout: stdout, stderr: stderr)
    }
}

/// A scratch folder under the system temporary folder.
public final class ScratchFolder {
    public let url: URL

    public init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-hardening-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func remove() {
        // Give back any permission a test took away, so the folder can be deleted.
        _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    public func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    public func write(_ relativePath: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}

/// Every regular file under a folder with its bytes, to prove a folder did not change.
public struct FolderSnapshot: Equatable {
    public var files: [String: Data]

    public init(_ folder: URL) {
        var files: [String: Data] = [:]
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
            for case let relative as String in enumerator {
                let path = folder.appendingPathComponent(relative).path
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[relative] = FileManager.default.contents(atPath: path) ?? Data()
                }
            }
        }
        self.files = files
    }

    /// A short account of how two snapshots differ, for failure messages.
    public func difference(from other: FolderSnapshot) -> String {
        let mine = Set(files.keys), theirs = Set(other.files.keys)
        let changed = mine.intersection(theirs).filter { files[$0] != other.files[$0] }.sorted()
        return "only here: \(mine.subtracting(theirs).sorted().prefix(5)), only there: \(theirs.subtracting(mine).sorted().prefix(5)), changed: \(changed.prefix(5))"
    }
}

/// Copies folders, overlaying later ones on earlier ones (files replace files of the same path).
public enum Overlay {
    public static func copy(_ source: URL, into destination: URL, skipping skipped: Set<String> = []) throws {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: source.path) else { return }
        for case let relative as String in enumerator where !skipped.contains(relative) {
            let from = source.appendingPathComponent(relative), to = destination.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: from.path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
                try manager.copyItem(at: from, to: to)
            }
        }
    }
}

/// The default site in its default language alone, for tests whose subject is not languages (the
/// engine's caching, exports, errors, hostile input): the translations (`x.de.md`), the German data
/// files and catalogues are taken out and `languages:` is dropped from site.yml, so each such test
/// sees the one-language site it was written for. The tests of several languages build the whole
/// default site.
public enum DefaultSiteLanguages {
    public static func keepOnlyTheDefaultLanguage(in siteRoot: URL) throws {
        let content = siteRoot.appendingPathComponent("content")
        let codes = try otherLanguageCodes(in: siteRoot)
        let files = FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? []
        for path in files where codes.contains(where: { path.hasSuffix(".\($0).md") || path.hasSuffix(".\($0).yml") }) {
            try FileManager.default.removeItem(at: content.appendingPathComponent(path))
        }
        let settings = siteRoot.appendingPathComponent("site.yml")
        var kept: [String] = []
        var inLanguages = false
        for line in try String(contentsOf: settings, encoding: .utf8).components(separatedBy: "\n") {
            if line.hasPrefix("languages:") { inLanguages = true; continue }
            if inLanguages, line.hasPrefix(" ") || line.hasPrefix("-") { continue }
            inLanguages = false
            kept.append(line)
        }
        try kept.joined(separator: "\n").write(to: settings, atomically: true, encoding: .utf8)
    }

    /// The codes under `languages:` other than the default `language:`.
    static func otherLanguageCodes(in siteRoot: URL) throws -> [String] {
        let text = try String(contentsOf: siteRoot.appendingPathComponent("site.yml"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let defaultCode = lines.first { $0.hasPrefix("language:") }.map { $0.dropFirst("language:".count).trimmingCharacters(in: .whitespaces) } ?? "en"
        return lines.compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["- code:", "- {code:"] where trimmed.hasPrefix(prefix) {
                let rest = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
                let code = rest.prefix { $0.isLetter || $0 == "-" }
                return code.isEmpty || String(code) == defaultCode ? nil : String(code)
            }
            return nil
        }
    }
}
