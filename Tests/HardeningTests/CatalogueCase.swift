import Foundation
import TestSupport

/// One folder of the bad-input catalogue (`Tests/Fixtures/bad-input/<name>/`) and what its
/// `expected.txt` says the build must report.
struct CatalogueCase {
    struct Expectation: Equatable {
        var file: String
        var line: Int?
        var message: String
    }

    var name: String
    var folder: URL
    /// A change the test makes itself (see the catalogue's README).
    var setup: String?
    var deletions: [String]
    var expectations: [Expectation]

    init(name: String) throws {
        self.name = name
        folder = Repository.badInput.appendingPathComponent(name)
        let text = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        var setup: String?
        var deletions: [String] = []
        var expectations: [Expectation] = []
        var current: [String: String] = [:]
        func flush() throws {
            guard !current.isEmpty else { return }
            guard let file = current["file"], let message = current["message"] else {
                throw HardeningError("\(name)/expected.txt: a block needs `file:` and `message:` (got \(current))")
            }
            expectations.append(Expectation(file: file, line: current["line"].flatMap { Int($0) }, message: message))
            current = [:]
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { try flush(); continue }
            if line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else { throw HardeningError("\(name)/expected.txt: cannot read `\(line)`") }
            let key = String(line[..<colon]), value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "setup": setup = value
            case "delete": deletions.append(value)
            case "file", "line", "message":
                if current[key] != nil { try flush() }
                current[key] = value
            default: throw HardeningError("\(name)/expected.txt: unknown key `\(key)`")
            }
        }
        try flush()
        self.setup = setup
        self.deletions = deletions
        self.expectations = expectations
    }

    /// Every case folder in the catalogue (all but `_base`).
    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Repository.badInput.path)
            .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
            .sorted()
    }
}

/// The errors `crossroads build` printed on stderr: `file:line:column: error: message` followed
/// by an indented `fix:` line.
struct ReportedError {
    var location: String
    var message: String
    var fix: String?

    static func parse(_ stderr: String) -> [ReportedError] {
        var result: [ReportedError] = []
        for line in stderr.split(separator: "\n") {
            if let range = line.range(of: ": error: "), !line.hasPrefix(" ") {
                result.append(ReportedError(location: String(line[..<range.lowerBound]), message: String(line[range.upperBound...])))
            } else if line.hasPrefix("  fix: "), !result.isEmpty {
                result[result.count - 1].fix = String(line.dropFirst("  fix: ".count))
            }
        }
        return result
    }

    /// `content/a.md:3:1` -> file `content/a.md`, line 3.
    var file: String { location.split(separator: ":").first.map(String.init) ?? location }
    var line: Int? {
        let parts = location.split(separator: ":")
        return parts.count > 1 ? Int(parts[1]) : nil
    }

    func matches(_ expected: CatalogueCase.Expectation) -> Bool {
        (file == expected.file || file.hasSuffix("/" + expected.file)) && (expected.line == nil || line == expected.line)
            && message.localizedCaseInsensitiveContains(expected.message)
    }
}
