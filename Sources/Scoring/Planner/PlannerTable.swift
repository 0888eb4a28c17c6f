/// Everything the page's script needs to evaluate the planner exactly as `Planner.evaluate` does:
/// the page embeds `canonicalJSON()` and the script only interprets it.
public struct PlannerTable: Sendable, Equatable {
    /// Bumped when the shape of the JSON changes, so an interpreter can refuse what it does not know.
    public static let format = 1

    public var planner: Planner

    /// Canonical JSON (keys sorted, no whitespace, `<`, `>`, `&` escaped): same planner, same bytes.
    ///
    /// Shape: `{format, id, version, title?, intro?, months: [12 names], words: {name: template},
    /// sources: [{id, title, author?, year?, citation, short}], inputs: [{id, label, help?, kind, options:
    /// [{id, label}], min, max, unit?, grows, when}], rules: [{id, source, title, when, measure?,
    /// from?, to?, before?, within?, past?, reaching?, passing?, note?}]}` where `when` is
    /// `[{input, options} | {input, min?, max?}]`. `to` is always present when `from` is.
    public func canonicalJSON() -> String {
        var members: [String: JSONValue] = [
            "format": .integer(Self.format),
            "id": .string(planner.id),
            "version": .integer(planner.version),
            "months": .array(PlanMonth.names.map(JSONValue.string)),
            "words": .object(PlannerWording.templates.mapValues(JSONValue.string)),
            "sources": .array(planner.sources.map { source in
                var object: [String: JSONValue] = ["id": .string(source.id), "title": .string(source.title), "citation": .string(source.citation), "short": .string(source.short)]
                if let author = source.author { object["author"] = .string(author) }
                if let year = source.year { object["year"] = .integer(year) }
                return .object(object)
            }),
            "inputs": .array(planner.inputs.map { input in
                var object: [String: JSONValue] = [
                    "id": .string(input.id), "label": .string(input.label), "kind": .string(input.kind.rawValue),
                    "options": .array(input.options.map { .object(["id": .string($0.id), "label": .string($0.label)]) }),
                    "min": .integer(input.allowed.lowerBound), "max": .integer(input.allowed.upperBound),
                    "grows": .bool(input.grows), "when": Self.json(input.when),
                ]
                if let help = input.help { object["help"] = .string(help) }
                if let unit = input.unit { object["unit"] = .string(unit) }
                return .object(object)
            }),
            "rules": .array(planner.rules.map { rule in
                var object: [String: JSONValue] = [
                    "id": .string(rule.id), "source": .string(rule.source), "title": .string(rule.title), "when": Self.json(rule.when),
                ]
                if let measure = rule.measure { object["measure"] = .string(measure) }
                if let from = rule.from { object["from"] = .integer(from) }
                if let upper = rule.upper { object["to"] = .integer(upper) }
                for (field, text) in rule.texts { if let text { object[field] = .string(text) } }
                return .object(object)
            }),
        ]
        if let title = planner.title { members["title"] = .string(title) }
        if let intro = planner.intro { members["intro"] = .string(intro) }
        return JSONValue.object(members).canonicalText
    }

    private static func json(_ conditions: [PlannerCondition]) -> JSONValue {
        .array(conditions.map { condition in
            var object: [String: JSONValue] = ["input": .string(condition.input)]
            if let options = condition.options { object["options"] = .array(options.map(JSONValue.string)) }
            if let min = condition.min { object["min"] = .integer(min) }
            if let max = condition.max { object["max"] = .integer(max) }
            return .object(object)
        })
    }
}

extension Planner {
    /// The table the page embeds. Compile only a planner whose `validate()` is empty.
    public func compile() -> PlannerTable { PlannerTable(planner: self) }

    /// The facts prose may quote as `{{planner.…}}`, so no threshold is typed by hand:
    /// `planner.version`, `planner.rules.count`, `planner.inputs.count`; for each rule `R`
    /// `planner.rule.R.from`, `planner.rule.R.to`, `planner.rule.R.title`, `planner.rule.R.source`;
    /// for each number input `I` `planner.input.I.min`, `planner.input.I.max`; for each source `S`
    /// `planner.source.S` (its citation).
    public func placeholderValues() -> [String: String] {
        var values = [
            "planner.version": String(version),
            "planner.rules.count": String(rules.count),
            "planner.inputs.count": String(inputs.count),
        ]
        for rule in rules {
            values["planner.rule.\(rule.id).title"] = rule.title
            values["planner.rule.\(rule.id).source"] = rule.source
            if let from = rule.from { values["planner.rule.\(rule.id).from"] = String(from) }
            if let upper = rule.upper { values["planner.rule.\(rule.id).to"] = String(upper) }
        }
        for input in inputs where input.kind == .number {
            values["planner.input.\(input.id).min"] = String(input.min)
            values["planner.input.\(input.id).max"] = String(input.max)
        }
        for source in sources { values["planner.source.\(source.id)"] = source.citation }
        return values
    }
}
