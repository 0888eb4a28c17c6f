import Foundation
import Scoring
import Yams

/// Decodes `content/questionnaire.yml` and turns the scoring module's validation problems into
/// located errors.
enum QuestionnaireLoader {
    static func load(_ text: String, file: String, errors: inout ErrorCollector) -> Questionnaire? {
        switch YAMLDocument.parse(text, file: file) {
        case .failure(let error):
            errors.add(error)
            return nil
        case .success: break
        }
        let questionnaire: Questionnaire
        do {
            questionnaire = try YAMLDecoder().decode(Questionnaire.self, from: text)
        } catch let error as DecodingError {
            errors.add(describe(error, text: text, file: file))
            return nil
        } catch {
            errors.add(SiteError(file: file, message: "cannot read the questionnaire: \(error)"))
            return nil
        }
        let problems = questionnaire.validate()
        for problem in problems {
            errors.add(SiteError(file: file, line: line(for: problem.path, in: text, questionnaire: questionnaire),
                                 message: "\(problem.path): \(problem.message)",
                                 fix: "edit the questionnaire definition so that every band, item and the scale are consistent"))
        }
        return problems.isEmpty ? questionnaire : nil
    }

    private static func describe(_ error: DecodingError, text: String, file: String) -> SiteError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case let .keyNotFound(key, context):
            let where_ = path(context.codingPath)
            return SiteError(file: file, line: lineOf(path: context.codingPath, in: text), message: "\(where_.isEmpty ? "questionnaire" : where_) is missing `\(key.stringValue)`",
                             fix: "add `\(key.stringValue):` there (see docs/writing-guides.md for the format)")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return SiteError(file: file, line: lineOf(path: context.codingPath, in: text), message: "\(path(context.codingPath)): \(context.debugDescription)",
                             fix: "check the value's type: ids and texts are text, min/max/weight/version are whole numbers, reverse is true or false")
        @unknown default:
            return SiteError(file: file, message: "cannot read the questionnaire: \(error)")
        }
    }

    /// Finds the line of `items[3]` / `bands[1]` by locating the Nth entry of that list.
    private static func lineOf(path codingPath: [any CodingKey], in text: String) -> Int? {
        guard let first = codingPath.first else { return nil }
        let index = codingPath.dropFirst().first?.intValue
        return entryLine(list: first.stringValue, index: index, in: text)
    }

    static func line(for problemPath: String, in text: String, questionnaire: Questionnaire) -> Int? {
        let list = problemPath.prefix { $0.isLetter }
        var index: Int?
        if let open = problemPath.firstIndex(of: "["), let close = problemPath.firstIndex(of: "]") {
            index = Int(problemPath[problemPath.index(after: open)..<close])
        }
        return entryLine(list: String(list), index: index, in: text)
    }

    private static func entryLine(list: String, index: Int?, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let listLine = lines.firstIndex(where: { $0.hasPrefix(list + ":") }) else { return nil }
        guard let index else { return listLine + 1 }
        var seen = -1
        for lineIndex in (listLine + 1)..<lines.count {
            let line = lines[lineIndex]
            if let first = line.first, !first.isWhitespace, first != "-", first != "#" { break }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") || line.trimmingCharacters(in: .whitespaces) == "-" {
                let indent = line.prefix { $0 == " " }.count
                let listIndent = lines[(listLine + 1)...].first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("-") }?.prefix { $0 == " " }.count ?? 0
                if indent == listIndent {
                    seen += 1
                    if seen == index { return lineIndex + 1 }
                }
            }
        }
        return listLine + 1
    }
}

extension SiteLoader {
    /// Reads and validates only `content/questionnaire.yml`, for `crossroads score` and exports.
    public func loadQuestionnaire() throws -> Questionnaire {
        let display = "content/questionnaire.yml"
        let url = sourceFolder.appendingPathComponent(display)
        var errors = ErrorCollector()
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure([SiteError(file: display, message: "no questionnaire in \(sourceFolder.path)",
                                          fix: "create content/questionnaire.yml (see docs/writing-guides.md), or pass --source DIR")])
        }
        guard let text = readText(url, display: display, errors: &errors),
              let questionnaire = QuestionnaireLoader.load(text, file: display, errors: &errors) else {
            throw BuildFailure(errors.errors)
        }
        return questionnaire
    }
}
