extension Planner {
    /// The inputs asked for these values, in order: an input is asked when every condition of its
    /// `when` holds for the values of earlier inputs that were asked.
    public func askedInputs(_ values: [String: Int]) -> [PlannerInput] {
        var asked: [PlannerInput] = []
        for input in inputs where holds(input.when, values: values, asked: asked) {
            asked.append(input)
        }
        return asked
    }

    private func holds(_ conditions: [PlannerCondition], values: [String: Int], asked: [PlannerInput]) -> Bool {
        conditions.allSatisfy { condition in
            guard let input = asked.first(where: { $0.id == condition.input }), let value = values[input.id] else { return false }
            return condition.holds(value, of: input)
        }
    }

    /// Evaluates the rules for `values` (input id -> value; a choice as its option index) in the
    /// month `today`. Values of inputs that are not asked are ignored.
    /// - Throws: `PlannerValueError` when an asked input has no value or one outside its range.
    public func evaluate(_ values: [String: Int], today: PlanMonth) throws(PlannerValueError) -> PlanResult {
        let asked = askedInputs(values)
        var used: [String: Int] = [:]
        for input in asked {
            guard let value = values[input.id] else {
                throw PlannerValueError(wording("missing", ["input": input.id, "label": input.label]))
            }
            guard input.allowed.contains(value) else {
                throw PlannerValueError(wording("outOfRange", ["input": input.id, "value": String(value),
                                                                "min": String(input.allowed.lowerBound), "max": String(input.allowed.upperBound)]))
            }
            used[input.id] = value
        }
        var findings: [PlanFinding] = []
        var checkpoints: [(order: Int, checkpoint: PlanCheckpoint)] = []
        for rule in rules where holds(rule.when, values: used, asked: asked) {
            guard let measure = rule.measure else {
                findings.append(PlanFinding(rule: rule.id, status: .note, text: rule.note ?? ""))
                continue
            }
            guard let input = asked.first(where: { $0.id == measure }), let value = used[measure],
                  let from = rule.from, let upper = rule.upper else { continue }
            let status: PlanStatus = value < from ? .before : value <= upper ? .within : .past
            let text = switch status {
            case .before: rule.before
            case .within: rule.within
            case .past: rule.past
            case .note: rule.note
            }
            findings.append(PlanFinding(rule: rule.id, status: status, text: fill(text ?? "", rule: rule, value: value)))
            guard input.grows else { continue }
            for (edge, target, template) in [(PlanCheckpoint.Edge.reaching, from, rule.reaching), (.passing, upper + 1, rule.passing)] where value < target {
                let month = today.adding(years: target - value)
                let filled = fill(template ?? "", rule: rule, value: target)
                checkpoints.append((checkpoints.count, PlanCheckpoint(
                    rule: rule.id, edge: edge, month: month, value: target,
                    text: wording.checkpoint(date: wording.name(of: month), text: filled))))
            }
        }
        let ordered = checkpoints.sorted { ($0.checkpoint.month.index, $0.order) < ($1.checkpoint.month.index, $1.order) }.map(\.checkpoint)
        return PlanResult(today: today, values: used, findings: findings, checkpoints: ordered)
    }

    private func fill(_ template: String, rule: PlannerRule, value: Int) -> String {
        var holes = ["value": String(value)]
        if let from = rule.from { holes["from"] = String(from) }
        if let upper = rule.upper { holes["to"] = String(upper) }
        return fillHoles(template, holes)
    }
}
