/// One reader's situation and what `Planner` makes of it; the page's script must agree on every one.
public struct PlannerHistory: Sendable, Equatable {
    /// Input id -> value as text (option id or whole number), in input order.
    public var values: [(id: String, text: String)]
    public var today: PlanMonth
    public var result: PlanResult

    public static func == (lhs: PlannerHistory, rhs: PlannerHistory) -> Bool {
        lhs.values.map(\.id) == rhs.values.map(\.id) && lhs.values.map(\.text) == rhs.values.map(\.text)
            && lhs.today == rhs.today && lhs.result == rhs.result
    }
}

public enum PlannerHistories {
    /// `count` seeded histories: each asked input drawn in order (so later inputs follow the
    /// choices made), a number half the time from the edges where an interpreter could be off by
    /// one (each rule's `from − 1`, `from`, `to`, `to + 1`, condition edges and the input's range),
    /// half the time anywhere in its range; today any month of 1950...2150. Empty for a planner
    /// whose `validate()` is not.
    public static func generate(for planner: Planner, count: Int, seed: UInt64) -> [PlannerHistory] {
        guard planner.validate().isEmpty else { return [] }
        var generator = SplitMix64(seed: seed)
        let edges = edgeValues(of: planner)
        var histories: [PlannerHistory] = []
        for _ in 0..<max(0, count) {
            var values: [String: Int] = [:]
            for input in planner.inputs where planner.askedInputs(values).contains(where: { $0.id == input.id }) {
                let candidates = edges[input.id] ?? []
                if input.kind == .number, !candidates.isEmpty, generator.next(in: 0...1) == 0 {
                    values[input.id] = candidates[generator.next(in: 0...(candidates.count - 1))]
                } else {
                    values[input.id] = generator.next(in: input.allowed)
                }
            }
            let year = generator.next(in: 1950...2150), month = generator.next(in: 1...12)
            guard let today = PlanMonth(year: year, month: month),
                  let result = try? planner.evaluate(values, today: today) else { continue }
            histories.append(PlannerHistory(values: planner.textValues(result.values), today: today, result: result))
        }
        return histories
    }

    /// Per number input, the values next to every edge that reads it, inside its range.
    static func edgeValues(of planner: Planner) -> [String: [Int]] {
        var edges: [String: Set<Int>] = [:]
        for input in planner.inputs where input.kind == .number { edges[input.id] = [input.min, input.max] }
        func note(_ id: String, _ values: [Int?]) {
            for case let value? in values { edges[id]?.formUnion([value - 1, value, value + 1]) }
        }
        for rule in planner.rules {
            if let measure = rule.measure { note(measure, [rule.from, rule.upper]) }
            for condition in rule.when { note(condition.input, [condition.min, condition.max]) }
        }
        for input in planner.inputs { for condition in input.when { note(condition.input, [condition.min, condition.max]) } }
        var result: [String: [Int]] = [:]
        for input in planner.inputs where input.kind == .number {
            result[input.id] = (edges[input.id] ?? []).filter(input.allowed.contains).sorted()
        }
        return result
    }

    /// Canonical JSON of `histories`: `[{values: {id: text}, today: "YYYY-MM", findings: [{rule,
    /// status, text}], checkpoints: [{rule, edge, month: "YYYY-MM", value, text}], lines: [text]}]`
    /// (`lines` as `PlanResult.lines(in: planner)` prints them).
    public static func json(_ histories: [PlannerHistory], planner: Planner) -> String {
        JSONValue.array(histories.map { history in
            .object([
                "values": .object(Dictionary(uniqueKeysWithValues: history.values.map { ($0.id, JSONValue.string($0.text)) })),
                "today": .string(monthText(history.today)),
                "findings": .array(history.result.findings.map { .object(["rule": .string($0.rule), "status": .string($0.status.rawValue), "text": .string($0.text)]) }),
                "checkpoints": .array(history.result.checkpoints.map {
                    .object(["rule": .string($0.rule), "edge": .string($0.edge.rawValue), "month": .string(monthText($0.month)),
                             "value": .integer($0.value), "text": .string($0.text)])
                }),
                "lines": .array(history.result.lines(in: planner).map(JSONValue.string)),
            ])
        }).canonicalText
    }

    /// "2028-03".
    public static func monthText(_ month: PlanMonth) -> String {
        let number = month.month < 10 ? "0\(month.month)" : "\(month.month)"
        return "\(month.year)-\(number)"
    }
}
