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

    @Flag(name: .long, help: "Print a 1:1 sheet as Markdown: answers, total, band, both pulls, region, date, version and questions to discuss.")
    var sheet = false

    @Option(name: .long, help: "The date printed on the sheet, YYYY-MM-DD (default: today).")
    var today: String?

    @Option(name: .long, help: "A language of the site (a code from site.yml's languages): labels and messages in its words, from content/questionnaire.<code>.yml; the numbers are the same in every language (default: the site's default language).")
    var lang: String?

    func validate() throws {
        if (answers == nil) == (file == nil) {
            throw ValidationError("give the answers with either --answers 7,3,10,... or --file answers.json")
        }
        if json && sheet {
            throw ValidationError("choose one of --json and --sheet")
        }
        if let today, !SheetDate.isValid(today) {
            throw ValidationError("--today \"\(today)\" is not a date; write it as YYYY-MM-DD, e.g. --today 2026-12-04")
        }
    }

    func run() throws {
        let translated = try FileHandleOutput.exitingOnBuildFailure {
            let loader = SiteLoader(sourceFolder: site.sourceURL)
            guard let lang else { return TranslatedQuestionnaire(questionnaire: try loader.loadQuestionnaire(), wording: .english) }
            return try loader.loadQuestionnaire(language: lang)
        }
        let questionnaire = translated.questionnaire, wording = translated.wording
        do {
            let result = try AnswerInput(answers: answers, file: file, wording: wording).score(with: questionnaire)
            if sheet {
                print(OneToOneSheet.markdown(result, questionnaire: questionnaire, date: today ?? SheetDate.today()), terminator: "")
            } else {
                print(json ? ScoreReport.json(result) : ScoreReport.text(result, questionnaire: questionnaire, wording: wording))
            }
        } catch let error as AnswerInput.Problem {
            throw FileHandleOutput.failure("error: \(error.message)")
        } catch let error as ScoringError {
            throw FileHandleOutput.failure("error: \(error.description(in: wording))")
        }
    }
}

/// Answers from the command line or a JSON file.
struct AnswerInput {
    struct Problem: Error { var message: String }

    var answers: String?
    var file: String?
    var wording: AnswerWording = .english

    func score(with questionnaire: Questionnaire) throws -> ScoreResult {
        if let answers {
            let values: [Int]
            do {
                values = try AnswerList.parse(answers)
            } catch {
                throw Problem(message: "\(error.description(in: wording)); write e.g. --answers 7,3,10,...")
            }
            return try questionnaire.score(values)
        }
        let path = file ?? ""
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(message: "cannot read \(path); check the path")
        }
        // Decoded as whole numbers, never through `Any`: Foundation's numbers bridge `true` to 1.
        let decoder = JSONDecoder()
        if let array = try? decoder.decode([StrictJSONAnswer].self, from: data) {
            let values = try array.enumerated().map { index, answer -> Int in
                guard let number = answer.value else { throw Problem(message: "\(path): answer \(index + 1) is not a whole number (found \(answer.found))") }
                return number
            }
            return try questionnaire.score(values)
        }
        if let object = try? decoder.decode([String: StrictJSONAnswer].self, from: data) {
            var values: [String: Int] = [:]
            for key in object.keys.sorted() {
                guard let number = object[key]?.value else {
                    throw Problem(message: "\(path): the answer for \"\(key)\" is not a whole number (found \(object[key]?.found ?? "nothing"))")
                }
                values[key] = number
            }
            return try questionnaire.score(answers: values)
        }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            throw Problem(message: "\(path) is not valid JSON: give an array such as [7,3,10] or an object such as {\"solve-alone\": 7}")
        }
        throw Problem(message: "\(path) must hold an array of answers or an object of item id -> answer")
    }
}

/// One answer from a JSON file: a whole number, or what was written instead (`true`, `"7"`,
/// `7.5`, a list ...), kept for the error message.
struct StrictJSONAnswer: Decodable {
    var value: Int?
    var found: String

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = nil
        if let flag = try? container.decode(Bool.self) {
            found = String(flag)
        } else if let number = try? container.decode(Int.self) {
            value = number
            found = String(number)
        } else if let number = try? container.decode(Double.self) {
            found = String(number)
        } else if let text = try? container.decode(String.self) {
            found = "the text \"\(text)\""
        } else if container.decodeNil() {
            found = "null"
        } else {
            found = "a list or object"
        }
    }
}

enum ScoreReport {
    /// The result in `wording`'s language: the lines are the words' `report…` templates.
    static func text(_ result: ScoreResult, questionnaire: Questionnaire, wording: AnswerWording = .english) -> String {
        let range = questionnaire.totalRange
        var lines = [wording("reportTotal", ["total": String(result.total), "max": String(range.upperBound)]),
                     wording("reportBand", ["label": result.band.label, "id": result.band.id, "min": String(result.band.min), "max": String(result.band.max)])]
        if let pulls = result.pulls, let region = result.region {
            for (key, pull) in [("reportMastery", pulls.mastery), ("reportManagement", pulls.management)] {
                lines.append(wording(key, ["percent": String(pull.percent), "points": String(pull.points), "max": String(pull.max)]))
            }
            lines.append(wording("reportRegion", ["label": region.label, "id": region.id,
                                                  "masteryMin": String(region.mastery.min), "masteryMax": String(region.mastery.max),
                                                  "managementMin": String(region.management.min), "managementMax": String(region.management.max)]))
        }
        lines.append(wording("reportDimensions"))
        for dimension in result.dimensions {
            lines.append("  " + wording("reportDimension", ["id": dimension.id, "total": String(dimension.total), "max": String(dimension.max)]))
        }
        lines.append(wording("reportContributions"))
        for contribution in result.contributions {
            lines.append("  " + wording("reportContribution", ["id": contribution.itemId, "answer": String(contribution.answer), "points": String(contribution.points)]))
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ result: ScoreResult) -> String {
        var object: [String: Any] = [
            "total": result.total,
            "band": ["id": result.band.id, "label": result.band.label, "min": result.band.min, "max": result.band.max],
            "dimensions": result.dimensions.map { ["id": $0.id, "total": $0.total, "min": $0.min, "max": $0.max] },
            "contributions": result.contributions.map { ["item": $0.itemId, "answer": $0.answer, "points": $0.points, "max": $0.maxPoints] },
            "strongest_pulls": result.strongestPulls.map(\.itemId),
        ]
        if let pulls = result.pulls, let region = result.region {
            func pull(_ pull: Pull) -> [String: Int] { ["points": pull.points, "max": pull.max, "percent": pull.percent] }
            object["pulls"] = ["mastery": pull(pulls.mastery), "management": pull(pulls.management)]
            object["region"] = ["id": region.id, "label": region.label,
                                "mastery": ["min": region.mastery.min, "max": region.mastery.max],
                                "management": ["min": region.management.min, "max": region.management.max]] as [String: Any]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}


/// The sheet's date: given as `--today`, or today's, both as YYYY-MM-DD.
enum SheetDate {
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
