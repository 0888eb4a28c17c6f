import Foundation
import Scoring
import Yams

/// Decodes `content/planner.yml` and turns the planner's validation problems into errors that
/// name the file, the line and what to do.
enum PlannerLoader {
    static let fileName = "planner.yml"

    static func load(_ text: String, file: String, limits: SiteLimits, errors: inout ErrorCollector) -> Planner? {
        guard let root = DecodingProblem.root(of: text, file: file, limits: limits, errors: &errors),
              let planner = DecodingProblem.decode(
                Planner.self, from: root, file: file, document: "planner",
                fieldHelp: "docs/writing-guides.md, \"The planner\", lists every field",
                typeHelp: "check the value's type: ids and texts are text, min/max/from/to/version/year are whole numbers, grows is true or false, kind is choice or number",
                unreadableFix: "see docs/writing-guides.md for planner.yml's format", errors: &errors) else { return nil }
        let lines = EntryLines(root)
        let problems = planner.validate()
        for problem in problems {
            errors.add(SiteError(file: file, line: lines.line(for: problem.path), message: "\(problem.path): \(problem.message)",
                                 fix: "edit the planner so that its inputs, rules and sources agree (docs/writing-guides.md, \"The planner\")"))
        }
        return problems.isEmpty ? planner : nil
    }
}

extension SiteLoader {
    /// Reads and validates only the planner, for `crossroads plan`, with the limits of site.yml.
    public func loadPlanner() throws -> Planner {
        let display = "content/" + PlannerLoader.fileName
        let url = sourceFolder.appendingPathComponent(display)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure([SiteError(file: display, message: "no planner in \(sourceFolder.path)",
                                          fix: "create content/planner.yml (see docs/writing-guides.md), or pass --source DIR")])
        }
        return try loadAlone(display, PlannerLoader.load)
    }
}
