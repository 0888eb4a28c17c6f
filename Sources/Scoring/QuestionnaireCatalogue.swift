import Foundation

/// The words of the questionnaire in another language (`content/questionnaire.<code>.yml`), keyed
/// by the ids of the one definition: numbers, keying, weights and edges are never repeated here, so
/// every language scores the same answers the same way.
///
/// ```yaml
/// title: "…"                      # when the definition has one
/// intro: "…"                      # likewise
/// scale: {labels: {0: "…", 10: "…"}}        # the points the definition labels
/// items: {solve-alone: "…", …}              # every item id
/// bands: {mastery: {label: "…", summary: "…", advice: "…"}, …}
/// regions: {both: {label: "…", summary: "…", advice: "…", discuss: ["…"]}, …}
/// words: {progressAll: "{answered} von {count} beantwortet", …}   # every key of AnswerWording
/// ```
public struct QuestionnaireCatalogue: Decodable, Sendable, Equatable {
    public var title: String?
    public var intro: String?
    public var scale: ScaleWords?
    public var items: [String: String]
    public var bands: [String: BandWords]
    public var regions: [String: RegionWords]
    public var words: [String: String]

    enum CodingKeys: String, CodingKey, CaseIterable { case title, intro, scale, items, bands, regions, words }

    public struct ScaleWords: Decodable, Sendable, Equatable {
        public var labels: [Int: String]

        enum CodingKeys: String, CodingKey, CaseIterable { case labels }

        fileprivate struct LabelList: Decodable {
            var labels: [Int: String] = [:]
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: FieldKey.self)
                for key in container.allKeys {
                    guard let point = key.intValue ?? Int(key.stringValue.trimmingCharacters(in: .whitespaces)) else {
                        throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "scale label key \"\(key.stringValue)\" is not a whole number; key each label by the answer it names, as questionnaire.yml does")
                    }
                    labels[point] = try container.decode(String.self, forKey: key)
                }
            }
        }
    }

    public struct BandWords: Decodable, Sendable, Equatable {
        public var label: String
        public var summary: String
        public var advice: String

        enum CodingKeys: String, CodingKey, CaseIterable { case label, summary, advice }

    }

    public struct RegionWords: Decodable, Sendable, Equatable {
        public var label: String
        public var summary: String
        public var advice: String
        public var discuss: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable { case label, summary, advice, discuss }

    }

}

// In extensions, so that Swift's memberwise initialisers stay for the tests.
extension QuestionnaireCatalogue {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(title: fields.optional(.title), intro: fields.optional(.intro), scale: fields.optional(.scale),
                      items: fields(.items), bands: fields(.bands), regions: fields(.regions, or: [:]), words: fields(.words))
    }
}

extension QuestionnaireCatalogue.ScaleWords {
    public init(from decoder: any Decoder) throws {
        // `0:` and `"0":` alike, as the definition's own reader takes them.
        let container = try StrictFields(decoder, CodingKeys.self).container
        self.init(labels: try container.decodeIfPresent(LabelList.self, forKey: .labels)?.labels ?? [:])
    }
}

extension QuestionnaireCatalogue.BandWords {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(label: fields(.label), summary: fields(.summary), advice: fields(.advice))
    }
}

extension QuestionnaireCatalogue.RegionWords {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(label: fields(.label), summary: fields(.summary), advice: fields(.advice), discuss: fields.optional(.discuss))
    }
}

/// A questionnaire in one language: the definition with the catalogue's words in place (numbers
/// untouched) and that language's sentences.
public struct TranslatedQuestionnaire: Sendable, Equatable {
    public var questionnaire: Questionnaire
    public var wording: AnswerWording

    public init(questionnaire: Questionnaire, wording: AnswerWording) {
        self.questionnaire = questionnaire
        self.wording = wording
    }
}

extension QuestionnaireCatalogue {
    /// `definition` (valid) in this catalogue's words, or every problem at once, each with its
    /// path in the catalogue (`items.solve-alone`, `bands.mastery.label`, `words.undo`).
    public func translate(_ definition: Questionnaire) -> Result<TranslatedQuestionnaire, CatalogueProblems> {
        var problems = CatalogueProblemList()
        func add(_ path: String, _ message: String) { problems.add(path, message) }
        func text(_ value: String?, at path: String, what: String) -> String { problems.text(value, at: path, what: what) }
        var translated = definition
        if definition.title != nil { translated.title = text(title, at: "title", what: "the title") }
        else if title != nil { add("title", "the questionnaire has no title in questionnaire.yml, so this one would never be shown; remove it") }
        if definition.intro != nil { translated.intro = text(intro, at: "intro", what: "the intro") }
        else if intro != nil { add("intro", "the questionnaire has no intro in questionnaire.yml, so this one would never be shown; remove it") }

        let labels = scale?.labels ?? [:]
        for point in definition.scale.labels.keys.sorted() {
            translated.scale.labels[point] = text(labels[point], at: "scale.labels.\(point)", what: "the label of answer \(point)")
        }
        for point in labels.keys.sorted() where definition.scale.labels[point] == nil {
            add("scale.labels.\(point)", "questionnaire.yml labels no answer \(point); label only \(definition.scale.labels.keys.sorted().map(String.init).joined(separator: ", "))")
        }

        problems.all += unknownIDs(items.keys, known: definition.items.map(\.id), list: "items", kind: "item")
        for index in definition.items.indices {
            let id = definition.items[index].id
            translated.items[index].text = text(items[id], at: "items.\(id)", what: "the statement of item \"\(id)\"")
        }
        problems.all += unknownIDs(bands.keys, known: definition.bands.map(\.id), list: "bands", kind: "band")
        for index in definition.bands.indices {
            let id = definition.bands[index].id
            guard let words = bands[id] else { add("bands", "band \"\(id)\" is missing; give its label, summary and advice"); continue }
            translated.bands[index].label = text(words.label, at: "bands.\(id).label", what: "the label of band \"\(id)\"")
            translated.bands[index].summary = text(words.summary, at: "bands.\(id).summary", what: "the summary of band \"\(id)\"")
            translated.bands[index].advice = text(words.advice, at: "bands.\(id).advice", what: "the advice of band \"\(id)\"")
        }
        problems.all += unknownIDs(regions.keys, known: definition.regions.map(\.id), list: "regions", kind: "region")
        for index in definition.regions.indices {
            let region = definition.regions[index]
            guard let words = regions[region.id] else { add("regions", "region \"\(region.id)\" is missing; give its label, summary and advice\(region.discuss.isEmpty ? "" : " and discuss")"); continue }
            translated.regions[index].label = text(words.label, at: "regions.\(region.id).label", what: "the label of region \"\(region.id)\"")
            translated.regions[index].summary = text(words.summary, at: "regions.\(region.id).summary", what: "the summary of region \"\(region.id)\"")
            translated.regions[index].advice = text(words.advice, at: "regions.\(region.id).advice", what: "the advice of region \"\(region.id)\"")
            if region.discuss.isEmpty {
                if words.discuss != nil { add("regions.\(region.id).discuss", "region \"\(region.id)\" has no questions to discuss in questionnaire.yml; remove these") }
            } else if let discuss = words.discuss, !discuss.isEmpty {
                translated.regions[index].discuss = discuss.enumerated().map { text($1, at: "regions.\(region.id).discuss[\($0)]", what: "a question to discuss") }
            } else {
                add("regions.\(region.id)", "the questions to discuss of region \"\(region.id)\" are missing; give them as `discuss:`")
            }
        }
        for problem in templateProblems(of: words, path: "words", reference: AnswerWording.english.templates) {
            add(problem.path, problem.message)
        }
        guard problems.all.isEmpty else { return .failure(CatalogueProblems(problems: problems.all)) }
        return .success(TranslatedQuestionnaire(questionnaire: translated, wording: AnswerWording(templates: words)))
    }
}

/// Ids a catalogue names that its definition does not have, each with its path.
func unknownIDs(_ ids: Dictionary<String, some Any>.Keys, known: [String], list: String, kind: String) -> [QuestionnaireProblem] {
    let knownSet = Set(known)
    return ids.filter { !knownSet.contains($0) }.sorted().map { id in
        QuestionnaireProblem(path: "\(list).\(id)", message: "there is no \(kind) \"\(id)\" in the definition; the \(kind) ids are \(known.joined(separator: ", "))")
    }
}

/// Everything wrong with one catalogue.
/// The problems one catalogue's translation finds, collected so that all are reported at once.
struct CatalogueProblemList {
    var all: [QuestionnaireProblem] = []

    mutating func add(_ path: String, _ message: String) { all.append(QuestionnaireProblem(path: path, message: message)) }

    /// `value` when it holds words; otherwise "" and a problem at `path`.
    mutating func text(_ value: String?, at path: String, what: String) -> String {
        guard let value, !isBlank(value) else {
            add(path, value == nil ? "\(what) is missing; every language needs it" : "\(what) is empty; write the words")
            return ""
        }
        return value
    }
}

public struct CatalogueProblems: Error, Sendable, Equatable {
    public var problems: [QuestionnaireProblem]
}
