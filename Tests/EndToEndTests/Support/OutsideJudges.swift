import Foundation

/// The outside judges of the built HTML: the Nu HTML Checker (`vnu.jar`) and axe-core
/// (`axe.min.js`). `make judges` (a step of `make test`) puts both in `.build-judges/`;
/// `CROSSROADS_JUDGES` names another folder holding the same two files.
enum OutsideJudges {
    static var folder: URL {
        if let override = ProcessInfo.processInfo.environment["CROSSROADS_JUDGES"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        return TemporarySite.repositoryRoot.appendingPathComponent(".build-judges", isDirectory: true)
    }

    static var vnuJar: URL { folder.appendingPathComponent("vnu.jar") }
    static var axeScript: URL { folder.appendingPathComponent("axe.min.js") }

    /// Fails, never skips, when a judge is missing, so a machine without them cannot pass quietly.
    static func require(_ file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw SupportError("\(file.path) is missing: run `make judges` (`make test` runs it), which fetches vnu.jar and axe.min.js into .build-judges/")
        }
    }
}

/// One error of the Nu HTML Checker.
struct NuMessage: Decodable, CustomStringConvertible {
    var type: String
    var url: String?
    var lastLine: Int?
    var message: String
    var extract: String?

    var description: String {
        let file = (url ?? "?").replacingOccurrences(of: "file:", with: "")
        return "\(file):\(lastLine.map(String.init) ?? "?"): \(message)"
    }
}

enum NuHTMLChecker {
    /// Every error vnu finds in the HTML files under `folders`, in one run of the JVM (its start
    /// costs more than checking a hundred pages).
    static func errors(in folders: [URL]) throws -> [NuMessage] {
        try OutsideJudges.require(OutsideJudges.vnuJar)
        guard let java = ProcessRunner.which("java") else {
            throw SupportError("java is missing: run `make judges` (`make test` runs it), which installs a Java runtime for vnu.jar")
        }
        let result = try ProcessRunner.run(java, ["-jar", OutsideJudges.vnuJar.path, "--errors-only", "--skip-non-html",
                                                  "--format", "json"] + folders.map(\.path))
        // The JSON report goes to stderr; the exit code only says whether there were errors.
        struct Report: Decodable { var messages: [NuMessage] }
        guard let start = result.stderr.firstIndex(of: "{"),
              let report = try? JSONDecoder().decode(Report.self, from: Data(result.stderr[start...].utf8)) else {
            throw SupportError("vnu gave no JSON report (exit \(result.exitCode)):\n\(result.stderr)\(result.stdout)")
        }
        return report.messages.filter { $0.type != "info" }
    }
}

/// One rule axe-core found broken on a page, with the elements that break it.
struct AxeViolation: Decodable {
    struct Node: Decodable { var target: [AxeTarget]; var failureSummary: String? }
    var id: String
    var impact: String?
    var help: String
    var nodes: [Node]

    var isSeriousOrCritical: Bool { impact == "serious" || impact == "critical" }

    func describe(page: String) -> String {
        let targets = nodes.prefix(5).map { $0.target.map(\.text).joined(separator: " ") }.joined(separator: ", ")
        return "\(page): \(impact ?? "?") \(id) (\(help)) on \(nodes.count) node(s): \(targets)\(nodes.count > 5 ? ", ..." : "")"
    }
}

/// A CSS selector, or a list of them for elements inside frames or shadow roots.
struct AxeTarget: Decodable {
    var text: String
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else {
            self.text = try container.decode([String].self).joined(separator: " >>> ")
        }
    }
}

extension WebDriver {
    /// Makes axe-core part of every page this session opens from now on (one transfer of the
    /// script, not one per page).
    func preloadAxe() async throws {
        try OutsideJudges.require(OutsideJudges.axeScript)
        let source = try String(contentsOf: OutsideJudges.axeScript, encoding: .utf8)
        try await executeCDP("Page.addScriptToEvaluateOnNewDocument", parameters: ["source": source])
    }

    /// Runs axe-core (loaded by `preloadAxe`) on the current page: every WCAG 2.x A/AA rule and
    /// axe's best practices, in the colour scheme the page shows.
    func axeViolations() async throws -> [AxeViolation] {
        let json = try await execute("""
            if (typeof axe === 'undefined') { return 'axe-core is not loaded on ' + location.href; }
            return axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations));
            """, as: String.self)
        guard json.hasPrefix("[") else { throw SupportError(json) }
        return try JSONDecoder().decode([AxeViolation].self, from: Data(json.utf8))
    }
}
