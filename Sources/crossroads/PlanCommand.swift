import ArgumentParser
import Foundation
import Scoring
import SiteBuilder

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Evaluate the site's pendulum planner for your situation, exactly as the planner page does.",
        discussion: """
        Give each of the planner's inputs as --<input id> VALUE, as content/planner.yml names them; with \
        the default planner: --role engineer|manager|hybrid --years N, and for managers \
        --years-from-hands-on N --team-size N, for engineers --years-managed N. Inputs that do not \
        apply to the role you give are ignored.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Today's date as YYYY-MM-DD, which dates the checkpoints (default: the system's date).")
    var today: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Option(name: .long, help: "A language of the site (a code from site.yml's languages): texts in its words, from content/planner.<code>.yml; the dates and thresholds are the same in every language (default: the site's default language).")
    var lang: String?

    @Argument(parsing: .allUnrecognized, help: "The planner's inputs: --role manager --years 3 ...")
    var inputs: [String] = []

    func run() throws {
        let planner = try FileHandleOutput.exitingOnBuildFailure {
            let loader = SiteLoader(sourceFolder: site.sourceURL)
            return try lang.map(loader.loadPlanner(language:)) ?? loader.loadPlanner()
        }
        do {
            let month = try todayMonth()
            let values = try planner.readValues(try Self.pairs(inputs))
            let result = try planner.evaluate(values, today: month)
            print(json ? PlanReport.json(result, planner: planner) : PlanReport.text(result, planner: planner))
        } catch let error as PlannerValueError {
            throw FileHandleOutput.failure("error: \(error.description); give each input that applies as --<input id> VALUE (see crossroads plan --help)")
        } catch let error as InputProblem {
            throw FileHandleOutput.failure("error: \(error.message)")
        }
    }

    struct InputProblem: Error { var message: String }

    private func todayMonth() throws -> PlanMonth {
        if let today {
            guard let month = PlanMonth.parse(date: today) else {
                throw InputProblem(message: "--today \(today) is not a date; write it as YYYY-MM-DD with a year from \(PlanMonth.years.lowerBound) to \(PlanMonth.years.upperBound), e.g. --today 2026-12-04")
            }
            return month
        }
        let parts = Calendar.current.dateComponents([.year, .month], from: Date())
        guard let month = PlanMonth(year: parts.year ?? 0, month: parts.month ?? 0) else {
            throw InputProblem(message: "the system's date is outside the years the planner reads; pass --today YYYY-MM-DD")
        }
        return month
    }

    /// `--id value` and `--id=value` pairs, in the order given.
    static func pairs(_ arguments: [String]) throws -> [(id: String, text: String)] {
        var pairs: [(id: String, text: String)] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw InputProblem(message: "expected an input such as --role manager, found \"\(argument)\"")
            }
            let name = argument.dropFirst(2)
            if let equals = name.firstIndex(of: "=") {
                pairs.append((String(name[..<equals]), String(name[name.index(after: equals)...])))
                index += 1
            } else {
                guard index + 1 < arguments.count else { throw InputProblem(message: "\(argument) needs a value, e.g. \(argument) 3") }
                pairs.append((String(name), arguments[index + 1]))
                index += 2
            }
        }
        return pairs
    }
}

enum PlanReport {
    static func text(_ result: PlanResult, planner: Planner) -> String {
        (result.lines(in: planner) + [planner.wording("link", ["link": planner.fragment(result.values)])]).joined(separator: "\n")
    }

    static func json(_ result: PlanResult, planner: Planner) -> String {
        let object: [String: Any] = [
            "today": PlannerHistories.monthText(result.today),
            "values": Dictionary(uniqueKeysWithValues: planner.textValues(result.values).map { ($0.id, $0.text) }),
            "findings": result.findings.map { ["rule": $0.rule, "status": $0.status.rawValue, "text": $0.text] },
            "checkpoints": result.checkpoints.map {
                ["rule": $0.rule, "edge": $0.edge.rawValue, "month": PlannerHistories.monthText($0.month), "value": $0.value, "text": $0.text] as [String: Any]
            },
            "lines": result.lines(in: planner),
            "fragment": planner.fragment(result.values),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
