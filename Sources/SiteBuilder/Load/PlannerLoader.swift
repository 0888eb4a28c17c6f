import Foundation
import Scoring
import Yams

/// Decodes `content/planner.yml` and turns the planner's validation problems into errors that
/// name the file, the line and what to do.
enum PlannerLoader {
    static let fileName = "planner.yml"

    static func load(_ text: String, file: String, limits: SiteLimits, errors: inout ErrorCollector) -> Planner? {
        let root: Node
        switch YAMLDocument.parse(text, file: file, bounds: limits.yaml) {
        case .failure(let error):
            errors.add(error)
            return nil
        case .success(let document):
            root = document.root ?? Node("")
        }
        let lines = EntryLines(root)
        let planner: Planner
        do {
            planner = try YAMLDecoder().decode(Planner.self, from: root)
        } catch let error as DecodingError {
            errors.add(DecodingProblem.describe(error, lines: lines, file: file, document: "planner",
                                                fieldHelp: "docs/writing-guides.md, \"The planner\", lists every field",
                                                typeHelp: "check the value's type: ids and texts are text, min/max/from/to/version/year are whole numbers, grows is true or false, kind is choice or number"))
            return nil
        } catch {
            errors.add(SiteError(file: file, message: "cannot read the planner: \(error)", fix: "see docs/writing-guides.md for planner.yml's format"))
            return nil
        }
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
        var loader = self
        var configErrors = ErrorCollector()
        loader.limits = loadConfig(&configErrors).limits
        var errors = ErrorCollector()
        guard let text = loader.readText(url, display: display, errors: &errors),
              let planner = PlannerLoader.load(text, file: display, limits: loader.limits, errors: &errors) else {
            throw BuildFailure(errors.errors)
        }
        return planner
    }
}
