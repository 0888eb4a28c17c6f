import ArgumentParser
import Foundation
import Scoring
import SiteBuilder

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a set of answers with the site's questionnaire, exactly as the page does."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Answers in statement order, comma-separated, e.g. 7,3,10,...")
    var answers: String?

    @Option(name: .long, help: "A JSON file holding either an array of answers or an object of item id -> answer.")
    var file: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if (answers == nil) == (file == nil) {
            throw ValidationError("give the answers with either --answers 7,3,10,... or --file answers.json")
        }
    }

    func run() throws {
        let questionnaire: Questionnaire
        do {
            questionnaire = try SiteLoader(sourceFolder: site.sourceURL).loadQuestionnaire()
        } catch let failure as BuildFailure {
            FileHandleOutput.standardError(failure.description)
            throw ExitCode(1)
        }
        do {
            let result = try AnswerInput(answers: answers, file: file).score(with: questionnaire)
            print(json ? ScoreReport.json(result) : ScoreReport.text(result, questionnaire: questionnaire))
        } catch let error as AnswerInput.Problem {
            FileHandleOutput.standardError("error: \(error.message)")
            throw ExitCode(1)
        } catch let error as ScoringError {
            FileHandleOutput.standardError("error: \(error.description)")
            throw ExitCode(1)
        }
    }
}

/// Answers from the command line or a JSON file.
struct AnswerInput {
    struct Problem: Error { var message: String }

    var answers: String?
    var file: String?

    func score(with questionnaire: Questionnaire) throws -> ScoreResult {
        if let answers {
            let values: [Int]
            do {
                values = try AnswerList.parse(answers)
            } catch {
                throw Problem(message: "\(error); write e.g. --answers 7,3,10,...")
            }
            return try questionnaire.score(values)
        }
        let path = file ?? ""
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(message: "cannot read \(path); check the path")
        }
        let decoded: Any
        do {
            decoded = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw Problem(message: "\(path) is not valid JSON: give an array such as [7,3,10] or an object such as {\"solve-alone\": 7}")
        }
        if let array = decoded as? [Any] {
            let values = try array.enumerated().map { index, value -> Int in
                guard let number = value as? Int else { throw Problem(message: "\(path): answer \(index + 1) is not a whole number") }
                return number
            }
            return try questionnaire.score(values)
        }
        if let object = decoded as? [String: Any] {
            var values: [String: Int] = [:]
            for (key, value) in object {
                guard let number = value as? Int else { throw Problem(message: "\(path): the answer for \"\(key)\" is not a whole number") }
                values[key] = number
            }
            return try questionnaire.score(answers: values)
        }
        throw Problem(message: "\(path) must hold an array of answers or an object of item id -> answer")
    }
}

enum ScoreReport {
    static func text(_ result: ScoreResult, questionnaire: Questionnaire) -> String {
        let range = questionnaire.totalRange
        var lines = ["Total: \(result.total) of \(range.upperBound)",
                     "Band: \(result.band.label) (\(result.band.id), \(result.band.min)–\(result.band.max))"]
        lines.append("Dimensions:")
        for dimension in result.dimensions { lines.append("  \(dimension.id): \(dimension.total) of \(dimension.max)") }
        lines.append("Contributions:")
        for contribution in result.contributions {
            lines.append("  \(contribution.itemId): answer \(contribution.answer) -> \(contribution.points) points")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ result: ScoreResult) -> String {
        let object: [String: Any] = [
            "total": result.total,
            "band": ["id": result.band.id, "label": result.band.label, "min": result.band.min, "max": result.band.max],
            "dimensions": result.dimensions.map { ["id": $0.id, "total": $0.total, "min": $0.min, "max": $0.max] },
            "contributions": result.contributions.map { ["item": $0.itemId, "answer": $0.answer, "points": $0.points, "max": $0.maxPoints] },
            "strongest_pulls": result.strongestPulls.map(\.itemId),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
