/// The words of the planner in another language (`content/planner.<code>.yml`), keyed by the ids of
/// the one definition: thresholds, conditions and kinds are never repeated here, so every language
/// evaluates the same values the same way.
///
/// ```yaml
/// title: "…"                       # when the definition has one; intro likewise
/// months: [Januar, Februar, …]     # twelve names, January first
/// inputs: {role: {label: "…", help: "…", options: {engineer: "…", …}}, years: {label: "…", unit: "…"}}
/// rules: {pendulum-span: {title: "…", before: "…", within: "…", past: "…", reaching: "…", passing: "…"}}
/// sources: {S1: {author: "…"}}     # optional: a cited work's title or author in this language
/// words: {checkpoint: "Bis {date}: {text}", …}   # every key of PlannerWording
/// ```
public struct PlannerCatalogue: Decodable, Sendable, Equatable {
    public var title: String?
    public var intro: String?
    public var months: [String]
    public var inputs: [String: InputWords]
    public var rules: [String: RuleWords]
    public var sources: [String: SourceWords]
    public var words: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable { case title, intro, months, inputs, rules, sources, words }

    public struct InputWords: Decodable, Sendable, Equatable {
        public var label: String
        public var help: String?
        public var unit: String?
        public var options: [String: String] = [:]

        enum CodingKeys: String, CodingKey, CaseIterable { case label, help, unit, options }

    }

    public struct RuleWords: Decodable, Sendable, Equatable {
        public var title: String
        /// Field (`before`, `note` …) -> text.
        public var texts: [String: String]

        enum CodingKeys: String, CodingKey, CaseIterable { case title, before, within, past, reaching, passing, note }

        init(title: String, texts: [String: String]) {
            self.title = title
            self.texts = texts
        }

        public init(from decoder: any Decoder) throws {
            let fields = try StrictFields(decoder, CodingKeys.self)
            title = try fields(.title)
            texts = [:]
            for key in CodingKeys.allCases where key != .title {
                if let text: String = try fields.optional(key) { texts[key.rawValue] = text }
            }
        }
    }

    /// Sources keep their original titles as a rule; a description standing in for an author
    /// ("blog post by a management consultant") is what usually needs translating.
    public struct SourceWords: Decodable, Sendable, Equatable {
        public var title: String?
        public var author: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case title, author }

        init(title: String? = nil, author: String? = nil) {
            self.title = title
            self.author = author
        }

        public init(from decoder: any Decoder) throws {
            let fields = try StrictFields(decoder, CodingKeys.self)
            try self.init(title: fields.optional(.title), author: fields.optional(.author))
        }
    }

}

// In extensions, so that Swift's memberwise initialisers stay for the tests.
extension PlannerCatalogue {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        self.init(title: try fields.optional(.title), intro: try fields.optional(.intro), months: try fields(.months),
                  inputs: try fields(.inputs), rules: try fields(.rules), sources: try fields(.sources, or: [:]), words: try fields(.words))
    }
}

extension PlannerCatalogue.InputWords {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        self.init(label: try fields(.label), help: try fields.optional(.help), unit: try fields.optional(.unit), options: try fields(.options, or: [:]))
    }
}

extension PlannerCatalogue {
    /// `definition` (valid) in this catalogue's words with its wording, or every problem at once,
    /// each with its path in the catalogue (`inputs.role.options.manager`, `rules.span.before`).
    public func translate(_ definition: Planner) -> Result<Planner, CatalogueProblems> {
        var problems = CatalogueProblemList()
        func add(_ path: String, _ message: String) { problems.add(path, message) }
        func text(_ value: String?, at path: String, what: String) -> String { problems.text(value, at: path, what: what) }
        func optional(_ value: String?, original: String?, at path: String, what: String) -> String? {
            if original == nil {
                if value != nil { add(path, "planner.yml has no \(what) here, so this one would never be shown; remove it") }
                return nil
            }
            return text(value, at: path, what: what)
        }
        var translated = definition
        translated.title = optional(title, original: definition.title, at: "title", what: "title")
        translated.intro = optional(intro, original: definition.intro, at: "intro", what: "intro")
        if months.count != 12 || months.contains(where: isBlank) {
            add("months", "give the twelve month names, January first (found \(months.count))")
        }

        problems.all += unknownIDs(inputs.keys, known: definition.inputs.map(\.id), list: "inputs", kind: "input")
        for index in definition.inputs.indices {
            let input = definition.inputs[index], path = "inputs.\(input.id)"
            guard let words = inputs[input.id] else { add("inputs", "input \"\(input.id)\" is missing; give its label\(input.options.isEmpty ? "" : " and options")"); continue }
            translated.inputs[index].label = text(words.label, at: "\(path).label", what: "the label of input \"\(input.id)\"")
            translated.inputs[index].help = optional(words.help, original: input.help, at: "\(path).help", what: "help")
            translated.inputs[index].unit = optional(words.unit, original: input.unit, at: "\(path).unit", what: "unit")
            problems.all += unknownIDs(words.options.keys, known: input.options.map(\.id), list: "\(path).options", kind: "option")
            for option in input.options.indices {
                let id = input.options[option].id
                translated.inputs[index].options[option].label = text(words.options[id], at: "\(path).options.\(id)", what: "the label of option \"\(id)\"")
            }
        }

        problems.all += unknownIDs(rules.keys, known: definition.rules.map(\.id), list: "rules", kind: "rule")
        for index in definition.rules.indices {
            let rule = definition.rules[index], path = "rules.\(rule.id)"
            guard let words = rules[rule.id] else { add("rules", "rule \"\(rule.id)\" is missing; give its title and texts"); continue }
            translated.rules[index].title = text(words.title, at: "\(path).title", what: "the title of rule \"\(rule.id)\"")
            for (field, original) in rule.texts {
                let value = optional(words.texts[field], original: original, at: "\(path).\(field)", what: "`\(field):` text")
                if let value, let original, Set(holeNames(in: value)) != Set(holeNames(in: original)) {
                    let holes = Set(holeNames(in: original)).sorted().map { "{\($0)}" }.joined(separator: ", ")
                    add("\(path).\(field)", "the `\(field):` text must use the holes \(holes.isEmpty ? "none" : holes), as planner.yml's does, so the same numbers are shown")
                }
                switch field {
                case "before": translated.rules[index].before = value
                case "within": translated.rules[index].within = value
                case "past": translated.rules[index].past = value
                case "reaching": translated.rules[index].reaching = value
                case "passing": translated.rules[index].passing = value
                default: translated.rules[index].note = value
                }
            }
        }

        problems.all += unknownIDs(sources.keys, known: definition.sources.map(\.id), list: "sources", kind: "source")
        for index in definition.sources.indices {
            let source = definition.sources[index], path = "sources.\(source.id)"
            guard let words = sources[source.id] else { continue }
            if let title = words.title { translated.sources[index].title = text(title, at: "\(path).title", what: "the title") }
            if let author = words.author {
                translated.sources[index].author = optional(author, original: source.author, at: "\(path).author", what: "author")
            }
        }
        for problem in templateProblems(of: words, path: "words", reference: PlannerWording.english.templates) {
            add(problem.path, problem.message)
        }
        guard problems.all.isEmpty else { return .failure(CatalogueProblems(problems: problems.all)) }
        translated.wording = PlannerWording(templates: words, months: months)
        return .success(translated)
    }
}
