import Foundation
import Scoring
import Yams

/// Decodes `content/questionnaire.yml` and turns the scoring module's validation problems into
/// located errors.
enum QuestionnaireLoader {
    static func load(_ text: String, file: String, limits: SiteLimits, errors: inout ErrorCollector) -> Questionnaire? {
        guard let root = DecodingProblem.root(of: text, file: file, limits: limits, errors: &errors) else { return nil }
        // Sizes first, from the node: decoding thousands of entries is what an oversized file costs.
        let oversized = limits.questionnaire.problems(
            scaleMin: Int(root["scale"]?["min"]?.scalar?.string ?? "") ?? 0, scaleMax: Int(root["scale"]?["max"]?.scalar?.string ?? "") ?? 0,
            labelCount: root["scale"]?["labels"]?.mapping?.count ?? 0,
            itemCount: root["items"]?.sequence?.count ?? 0, bandCount: root["bands"]?.sequence?.count ?? 0,
            regionCount: root["regions"]?.sequence?.count ?? 0)
        let lines = EntryLines(root)
        if !oversized.isEmpty {
            for problem in oversized {
                errors.add(SiteError(file: file, line: lines.line(for: problem.path), message: "\(problem.path): \(problem.message)",
                                     fix: limits.raiseFix(problem.limit ?? "", otherwise: "make the questionnaire smaller")))
            }
            return nil
        }
        guard let questionnaire = DecodingProblem.decode(
            Questionnaire.self, from: root, file: file, document: "questionnaire", fieldHelp: "see docs/writing-guides.md for the format",
            typeHelp: "check the value's type: ids and texts are text, min/max/weight/version are whole numbers, reverse is true or false",
            errors: &errors) else { return nil }
        let problems = questionnaire.validate(limits: limits.questionnaire)
        for problem in problems {
            let fix = "edit the questionnaire definition so that every band, region, item and the scale are consistent"
            errors.add(SiteError(file: file, line: lines.line(for: problem.path),
                                 message: "\(problem.path): \(problem.message)",
                                 fix: problem.limit.map { limits.raiseFix($0, otherwise: "make the questionnaire smaller") } ?? fix))
        }
        guard problems.isEmpty else { return nil }
        var wordErrors = ErrorCollector()
        let filled = QuestionnaireWords.expand(questionnaire, lines: lines, file: file, errors: &wordErrors)
        for error in wordErrors.errors { errors.add(error) }
        return wordErrors.errors.isEmpty ? filled : nil
    }
}

/// The line of a place in the questionnaire such as `bands[2].next` or `scale.labels.7`, read
/// from the composed YAML's marks: the deepest node of the path that exists.
struct EntryLines {
    let root: Node

    init(_ root: Node) { self.root = root }

    func line(for path: String) -> Int? {
        var node = root
        var line = root.mark?.line
        for step in Self.steps(path) {
            let next: Node?
            // A key's own line: `bands:` rather than the first band under it.
            var stepLine: Int?
            switch (step, node) {
            case let (.index(index), .sequence(sequence)):
                next = sequence.indices.contains(index) ? sequence[index] : nil
                stepLine = next?.mark?.line
            case let (.key(key), .mapping(mapping)):
                let pair = mapping.first { $0.key.string == key }
                next = pair?.value
                stepLine = pair?.key.mark?.line
            default: next = nil
            }
            guard let next else { break }
            node = next
            line = stepLine ?? line
        }
        return line
    }

    enum Step { case key(String), index(Int) }

    /// `bands[2].next` -> key bands, index 2, key next.
    static func steps(_ path: String) -> [Step] {
        var steps: [Step] = []
        for part in path.split(separator: ".") {
            var rest = Substring(part)
            if let open = rest.firstIndex(of: "[") {
                if open > rest.startIndex { steps.append(.key(String(rest[..<open]))) }
                rest = rest[open...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { steps.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                steps.append(.key(String(rest)))
            }
        }
        return steps
    }
}

extension SiteLoader {
    /// Reads and validates only the questionnaire, for `crossroads score` and exports, with the
    /// limits of site.yml (the defaults when site.yml does not read).
    public func loadQuestionnaire() throws -> Questionnaire {
        let present = Self.questionnaireNames.filter {
            FileManager.default.fileExists(atPath: sourceFolder.appendingPathComponent("content/" + $0).path)
        }
        guard let name = present.first else {
            throw BuildFailure([SiteError(file: "content/questionnaire.yml", message: "no questionnaire in \(sourceFolder.path)",
                                          fix: "create content/questionnaire.yml (see docs/writing-guides.md), or pass --source DIR")])
        }
        if present.count > 1 {
            throw BuildFailure([SiteError(file: "content/" + present[1],
                                          message: "both content/\(present[0]) and content/\(present[1]) exist; a site has one questionnaire",
                                          fix: "keep one of the two files and delete the other")])
        }
        let display = "content/" + name
        return try loadAlone(display, QuestionnaireLoader.load)
    }
}
