import Foundation
import TestSupport

/// A throwaway copy of the repository's default site (site.yml, content/, templates/) that a
/// test may edit and build. The folder is deleted when the value is released.
final class TemporarySite {
    /// The repository checkout these tests live in.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Support
        .deletingLastPathComponent()   // EndToEndTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// The copy's folder: pass it as `--source`.
    let root: URL

    /// `allLanguages`: the default site in every language it has (English and German); otherwise in
    /// its default language alone (`DefaultSiteLanguages`), the site the tests of one feature were
    /// written for.
    init(copying source: URL = TemporarySite.repositoryRoot, allLanguages: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        if !allLanguages { try DefaultSiteLanguages.keepOnlyTheDefaultLanguage(in: root) }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Where the default `build()` writes the site.
    var output: URL { root.appendingPathComponent("public") }

    func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    func write(_ text: String, to relativePath: String) throws {
        let target = url(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    /// Replaces exactly one occurrence of `old`; throws when it occurs zero or several times, so a
    /// test never edits something other than it means to.
    func replaceOnce(_ old: String, with new: String, in relativePath: String) throws {
        let text = try read(relativePath)
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else {
            throw SupportError("\(relativePath): expected exactly one \"\(old)\", found \(parts.count - 1)")
        }
        try write(parts.joined(separator: new), to: relativePath)
    }

    /// `crossroads build --source <root> --output <output> <extra>`; throws with the tool's
    /// stderr when the build fails. Returns the output folder.
    @discardableResult
    func build(extraArguments: [String] = [], output: URL? = nil) throws -> URL {
        let target = output ?? self.output
        let result = try CrossroadsBinary.run(["build", "--source", root.path, "--output", target.path] + extraArguments)
        guard result.exitCode == 0 else {
            throw SupportError("crossroads build failed (exit \(result.exitCode)):\n\(result.stderr)\(result.stdout)")
        }
        return target
    }

    /// Runs `crossroads score --source <root> <arguments>`.
    func score(_ arguments: [String]) throws -> ProcessOutput {
        try CrossroadsBinary.run(["score", "--source", root.path] + arguments)
    }
}

/// Helpers for reading a built site.
enum BuiltSite {
    /// The one file under `assets/` named `<stem>.<hash>.<ext>` (the hashed asset), e.g. stem
    /// `questionnaire`, ext `js`.
    static func asset(_ stem: String, ext: String, in site: URL) throws -> URL {
        let folder = site.appendingPathComponent("assets")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(stem + ".") && $0.hasSuffix("." + ext) && $0.split(separator: ".").count == 3 }
        guard names.count == 1, let name = names.first else {
            throw SupportError("expected one assets/\(stem).<hash>.\(ext) in \(folder.path), found \(names)")
        }
        return folder.appendingPathComponent(name)
    }
}
