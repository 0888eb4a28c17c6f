/// One thing wrong with a planner definition: where (`rules[2].from`, 0-based) and what to do.
public struct PlannerProblem: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}

extension Planner {
    /// Sizes beyond any real planner; every page of the site may embed the table.
    public static let maxInputs = 50
    public static let maxOptions = 50
    public static let maxRules = 200
    public static let maxSources = 100
    /// Number inputs and rule edges stay within ± this, so every date computed from them is exact.
    public static let largestValue = 1_000_000

    /// Every problem at once, in file order; empty means the planner can be evaluated and published.
    public func validate() -> [PlannerProblem] {
        // Over a size limit, nothing else is checked: the sizes alone are the problem.
        let oversized = [(sources.count, Self.maxSources, "sources"), (inputs.count, Self.maxInputs, "inputs"), (rules.count, Self.maxRules, "rules")]
            .filter { $0.0 > $0.1 }
            .map { PlannerProblem(path: $0.2, message: "there are \($0.0) \($0.2), over the limit of \($0.1); a planner this large is not one a reader can use") }
        if !oversized.isEmpty { return oversized }
        var problems: [PlannerProblem] = []
        func add(_ path: String, _ message: String) { problems.append(PlannerProblem(path: path, message: message)) }
        if isBlank(id) { add("id", "the planner id is empty; give it a stable id such as \"pendulum\"") }
        if version < 1 { add("version", "version is \(version); use a whole number of at least 1 and bump it whenever inputs or rules change") }
        problems += sourceProblems()
        problems += inputProblems()
        problems += ruleProblems()
        return problems
    }

    private func sourceProblems() -> [PlannerProblem] {
        var problems: [PlannerProblem] = []
        var ids = UniqueIDs(kind: "source", list: "sources")
        for (index, source) in sources.enumerated() {
            let path = "sources[\(index)]"
            if isBlank(source.id) {
                problems.append(.init(path: "\(path).id", message: "the source id is empty; give it a short id such as \"S5\" that rules name"))
            } else if let repeated = ids.repeated(source.id, at: index) {
                problems.append(.init(path: "\(path).id", message: repeated))
            }
            if isBlank(source.title) {
                problems.append(.init(path: "\(path).title", message: "the title of source \"\(source.id)\" is empty; write the work's title"))
            }
        }
        return problems
    }

    private func inputProblems() -> [PlannerProblem] {
        guard !inputs.isEmpty else { return [.init(path: "inputs", message: "there are no inputs; add at least one thing to ask, such as the reader's role")] }
        var problems: [PlannerProblem] = []
        var ids = UniqueIDs(kind: "input", list: "inputs")
        for (index, input) in inputs.enumerated() {
            let path = "inputs[\(index)]"
            if !isIdentifier(input.id) {
                problems.append(.init(path: "\(path).id", message: "the input id \"\(input.id)\" is not usable as a command-line option; use lowercase letters, digits and hyphens, starting with a letter, such as \"team-size\""))
            } else if ["source", "today", "json", "help", "lang"].contains(input.id) {
                // Checked before the repeat: a reserved id is never taken, so its repeats say this too.
                problems.append(.init(path: "\(path).id", message: "the input id \"\(input.id)\" is taken by an option of `crossroads plan`; choose another id"))
            } else if let repeated = ids.repeated(input.id, at: index) {
                problems.append(.init(path: "\(path).id", message: repeated))
            }
            if isBlank(input.label) {
                problems.append(.init(path: "\(path).label", message: "the label of input \"\(input.id)\" is empty; write the question the reader answers"))
            }
            switch input.kind {
            case .choice:
                if input.options.count < 2 {
                    problems.append(.init(path: "\(path).options", message: "the choice \"\(input.id)\" has \(input.options.count) option(s); give at least two, each with an id and a label"))
                } else if input.options.count > Self.maxOptions {
                    problems.append(.init(path: "\(path).options", message: "the choice \"\(input.id)\" has \(input.options.count) options, over the limit of \(Self.maxOptions)"))
                }
                var optionIds = UniqueIDs(kind: "option", list: "options")
                for (optionIndex, option) in input.options.enumerated() {
                    let optionPath = "\(path).options[\(optionIndex)]"
                    if !isIdentifier(option.id) {
                        problems.append(.init(path: "\(optionPath).id", message: "the option id \"\(option.id)\" must be lowercase letters, digits and hyphens, starting with a letter, such as \"manager\""))
                    } else if let repeated = optionIds.repeated(option.id, at: optionIndex) {
                        problems.append(.init(path: "\(optionPath).id", message: repeated))
                    }
                    if isBlank(option.label) {
                        problems.append(.init(path: "\(optionPath).label", message: "the label of option \"\(option.id)\" is empty; write what the reader picks"))
                    }
                }
                if input.grows {
                    problems.append(.init(path: "\(path).grows", message: "only a number input can grow with time; remove `grows` from the choice \"\(input.id)\""))
                }
            case .number:
                if !input.options.isEmpty {
                    problems.append(.init(path: "\(path).options", message: "the number input \"\(input.id)\" has options; options belong to `kind: choice`"))
                }
                if input.min >= input.max {
                    problems.append(.init(path: path, message: "the number input \"\(input.id)\" has min \(input.min) and max \(input.max); min must be below max"))
                }
                for (edge, value) in [("min", input.min), ("max", input.max)] where abs(value) > Self.largestValue {
                    problems.append(.init(path: "\(path).\(edge)", message: "\(edge) is \(value), beyond ±\(Self.largestValue); use a realistic range"))
                }
            }
            problems += conditionProblems(input.when, path: "\(path).when", before: index)
        }
        return problems
    }

    private func ruleProblems() -> [PlannerProblem] {
        guard !rules.isEmpty else { return [.init(path: "rules", message: "there are no rules; add at least one piece of guidance with its source")] }
        var problems: [PlannerProblem] = []
        var ids = UniqueIDs(kind: "rule", list: "rules")
        for (index, rule) in rules.enumerated() {
            let path = "rules[\(index)]"
            func add(_ field: String, _ message: String) { problems.append(.init(path: field.isEmpty ? path : "\(path).\(field)", message: message)) }
            if !isIdentifier(rule.id) {
                add("id", "the rule id \"\(rule.id)\" must be lowercase letters, digits and hyphens, starting with a letter (placeholders name it: {{planner.rule.ID.from}})")
            } else if let repeated = ids.repeated(rule.id, at: index) {
                add("id", repeated)
            }
            if source(rule.source) == nil {
                add("source", "rule \"\(rule.id)\" cites \"\(rule.source)\", which is not among the sources (\(sources.map(\.id).joined(separator: ", "))); add it under `sources:` or correct the id")
            }
            if isBlank(rule.title) { add("title", "the title of rule \"\(rule.id)\" is empty; name the guidance in a few words") }
            problems += conditionProblems(rule.when, path: "\(path).when", before: inputs.count)
            let present = Dictionary(uniqueKeysWithValues: rule.texts.map { ($0.field, $0.text != nil) })
            if let measure = rule.measure {
                guard let input = input(measure), input.kind == .number else {
                    add("measure", "rule \"\(rule.id)\" measures \"\(measure)\", which is not a number input; name one of: \(inputs.filter { $0.kind == .number }.map(\.id).joined(separator: ", "))")
                    continue
                }
                guard let from = rule.from else {
                    add("", "rule \"\(rule.id)\" has a measure but no `from:`; give the threshold the source names (and `to:` for a span such as 2–3 years)")
                    continue
                }
                let upper = rule.upper ?? from
                if upper < from { add("to", "rule \"\(rule.id)\" runs from \(from) to \(upper); `to` must not be below `from`") }
                if from <= input.min || upper >= input.max {
                    add("from", "rule \"\(rule.id)\" spans \(from)...\(upper), but \"\(measure)\" runs \(input.min)...\(input.max); keep the span inside, with room below and above it, so every status can be reached")
                }
                var needed = ["before", "within", "past"]
                if input.grows { needed += ["reaching", "passing"] }
                for field in needed where present[field] != true {
                    add(field, "rule \"\(rule.id)\" needs `\(field):`, the text shown \(Self.whenShown[field] ?? "")")
                }
                if rule.note != nil { add("note", "rule \"\(rule.id)\" has a measure, so `note:` is never shown; put the text in before/within/past") }
            } else {
                if rule.note == nil || isBlank(rule.note ?? "") { add("note", "rule \"\(rule.id)\" has no measure, so it needs `note:`, the text shown whenever it applies") }
                for field in ["before", "within", "past", "reaching", "passing"] where present[field] == true {
                    add(field, "rule \"\(rule.id)\" has no `measure:`, so `\(field):` is never shown; add a measure or remove it")
                }
                if rule.from != nil || rule.to != nil { add("from", "rule \"\(rule.id)\" has thresholds but no `measure:`; name the number input they apply to") }
            }
            for (field, text) in rule.texts {
                guard let text else { continue }
                if isBlank(text) { add(field, "the `\(field):` text of rule \"\(rule.id)\" is empty") }
                for hole in holeNames(in: text) where !["from", "to", "value"].contains(hole) {
                    add(field, "the `\(field):` text of rule \"\(rule.id)\" uses {\(hole)}; the holes are {from}, {to} and {value}")
                }
            }
            if let from = rule.from, abs(from) > Self.largestValue { add("from", "from is \(from), beyond ±\(Self.largestValue)") }
            if let to = rule.to, abs(to) > Self.largestValue { add("to", "to is \(to), beyond ±\(Self.largestValue)") }
        }
        return problems
    }

    private static let whenShown = [
        "before": "while the value is below `from`", "within": "while it is from `from` to `to`", "past": "once it is above `to`",
        "reaching": "as the checkpoint of the year it reaches `from`", "passing": "as the checkpoint of the year it passes `to`",
    ]

    /// Conditions may name only inputs before `before` (so whether an input is asked never
    /// depends on itself or on a later one), and only their options or sensible edges.
    private func conditionProblems(_ conditions: [PlannerCondition], path: String, before: Int) -> [PlannerProblem] {
        var problems: [PlannerProblem] = []
        for condition in conditions {
            let conditionPath = "\(path).\(condition.input)"
            guard let index = inputs.firstIndex(where: { $0.id == condition.input }), index < before else {
                problems.append(.init(path: conditionPath, message: "the condition names \"\(condition.input)\", which is not an earlier input; name one of: \(inputs.prefix(before).map(\.id).joined(separator: ", "))"))
                continue
            }
            let input = inputs[index]
            if let options = condition.options {
                if input.kind != .choice {
                    problems.append(.init(path: conditionPath, message: "\"\(input.id)\" is a number; write the condition as {min: N, max: N}"))
                }
                for option in options where input.optionIndex(option) == nil {
                    problems.append(.init(path: conditionPath, message: "\"\(option)\" is not an option of \"\(input.id)\" (\(input.options.map(\.id).joined(separator: ", ")))"))
                }
                if options.isEmpty { problems.append(.init(path: conditionPath, message: "the condition lists no options, so it never holds; list at least one")) }
            } else {
                if input.kind != .number {
                    problems.append(.init(path: conditionPath, message: "\"\(input.id)\" is a choice; write the condition as a list of its options"))
                }
                if condition.min == nil && condition.max == nil {
                    problems.append(.init(path: conditionPath, message: "the condition has neither min nor max; give at least one"))
                } else if let min = condition.min, let max = condition.max, min > max {
                    problems.append(.init(path: conditionPath, message: "the condition's min \(min) is above its max \(max), so it never holds"))
                }
            }
        }
        return problems
    }

    private func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
