/// Everything the page's script needs to evaluate the planner exactly as `Planner.evaluate` does,
/// and no word: the page embeds `canonicalJSON()` and the script only interprets it, with the
/// words of the page's language beside it (`Planner.wordsJSON`), so every language embeds these
/// same bytes.
public struct PlannerTable: Sendable, Equatable {
    /// Bumped when the shape of the JSON changes, so an interpreter can refuse what it does not know.
    public static let format = 2

    public var planner: Planner

    /// Canonical JSON (keys sorted, no whitespace): same numbers, same bytes, whatever the language.
    ///
    /// Shape: `{format, id, version, inputs: [{id, kind, options: [{id}], min, max, grows, when}],
    /// rules: [{id, source, when, measure?, from?, to?}]}` where `when` is
    /// `[{input, options} | {input, min?, max?}]`. `to` is always present when `from` is.
    /// Format 2 moved every word (titles, labels, texts, sources, months, sentences) to the words JSON.
    public func canonicalJSON() -> String {
        JSONValue.object([
            "format": .integer(Self.format),
            "id": .string(planner.id),
            "version": .integer(planner.version),
            "inputs": .array(planner.inputs.map { input in
                .object([
                    "id": .string(input.id), "kind": .string(input.kind.rawValue),
                    "options": .array(input.options.map { .object(["id": .string($0.id)]) }),
                    "min": .integer(input.allowed.lowerBound), "max": .integer(input.allowed.upperBound),
                    "grows": .bool(input.grows), "when": Self.json(input.when),
                ])
            }),
            "rules": .array(planner.rules.map { rule in
                var object: [String: JSONValue] = ["id": .string(rule.id), "source": .string(rule.source), "when": Self.json(rule.when)]
                if let measure = rule.measure { object["measure"] = .string(measure) }
                if let from = rule.from { object["from"] = .integer(from) }
                if let upper = rule.upper { object["to"] = .integer(upper) }
                return .object(object)
            }),
        ]).canonicalText
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
    /// The words of this planner in its language and its wording, as canonical JSON the page
    /// embeds beside the table: `{title?, intro?, months: [12 names], words: {key: template},
    /// sources: {id: {title, author?, year?, citation, short}}, inputs: {id: {label, help?, unit?,
    /// options: {option id: label}}}, rules: {id: {title, before?, within?, past?, reaching?,
    /// passing?, note?}}}`. The script joins them to the table by id.
    public func wordsJSON() -> String {
        var members: [String: JSONValue] = [
            "months": .array(wording.months.map(JSONValue.string)),
            "words": .object(wording.templates.mapValues(JSONValue.string)),
            "sources": .object(Dictionary(sources.map { source in
                var object: [String: JSONValue] = ["title": .string(source.title), "citation": .string(source.citation), "short": .string(source.short)]
                if let author = source.author { object["author"] = .string(author) }
                if let year = source.year { object["year"] = .integer(year) }
                return (source.id, JSONValue.object(object))
            }) { first, _ in first }),
            "inputs": .object(Dictionary(inputs.map { input in
                var object: [String: JSONValue] = [
                    "label": .string(input.label),
                    "options": .object(Dictionary(input.options.map { ($0.id, JSONValue.string($0.label)) }) { first, _ in first }),
                ]
                if let help = input.help { object["help"] = .string(help) }
                if let unit = input.unit { object["unit"] = .string(unit) }
                return (input.id, JSONValue.object(object))
            }) { first, _ in first }),
            "rules": .object(Dictionary(rules.map { rule in
                var object: [String: JSONValue] = ["title": .string(rule.title)]
                for (field, text) in rule.texts { if let text { object[field] = .string(text) } }
                return (rule.id, JSONValue.object(object))
            }) { first, _ in first }),
        ]
        if let title { members["title"] = .string(title) }
        if let intro { members["intro"] = .string(intro) }
        return JSONValue.object(members).canonicalText
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
