/// Everything a generic client needs to score the questionnaire exactly as `Scoring` does, and no
/// word: the page embeds `canonicalJSON()` and its script only interprets it. The words (statements,
/// labels, summaries, advice, the script's own sentences) travel beside it in the page's language
/// (`Questionnaire.wordsJSON`), so every language's page embeds these same bytes.
public struct ScoringTable: Sendable, Equatable {
    /// Bumped when the shape of the JSON changes, so an interpreter can refuse what it does not know.
    public static let format = 3

    public var id: String
    public var version: Int
    public var scale: Scale
    public var items: [Item]
    public var dimensions: [String]
    /// Sorted by `min`, lowest totals first.
    public var bands: [Band]
    public var totals: ClosedRange<Int>
    public var strongestPullsLimit: Int
    /// The two-pull map, in file order; empty without one.
    public var regions: [Region]

    /// Canonical JSON: keys sorted at every level, no whitespace, `"format": 3`. Same numbers,
    /// same bytes, whatever the language.
    ///
    /// Shape: `{bands: [{id, max, min, next}], dimensions: [id], format, id,
    /// items: [{dimension, id, reverse, weight}], regions: [{id, management: {max, min},
    /// mastery: {max, min}, next}], scale: {max, min}, strongestPullsLimit, totals: {max, min},
    /// version}` (format 2 added `regions`; format 3 moved every word to the words JSON). See
    /// `ScoreResult` and `Pull` for the scoring rules the interpreter applies.
    public func canonicalJSON() -> String {
        JSONValue.object([
            "format": .integer(Self.format),
            "id": .string(id),
            "version": .integer(version),
            "scale": .object(["min": .integer(scale.min), "max": .integer(scale.max)]),
            "items": .array(items.map { item in
                .object(["id": .string(item.id), "reverse": .bool(item.reverse), "weight": .integer(item.weight), "dimension": .string(item.dimension)])
            }),
            "dimensions": .array(dimensions.map(JSONValue.string)),
            "bands": .array(bands.map { band in
                .object(["id": .string(band.id), "min": .integer(band.min), "max": .integer(band.max), "next": .array(band.next.map(JSONValue.string))])
            }),
            "totals": .object(["min": .integer(totals.lowerBound), "max": .integer(totals.upperBound)]),
            "strongestPullsLimit": .integer(strongestPullsLimit),
            "regions": .array(regions.map { region in
                .object([
                    "id": .string(region.id),
                    "mastery": .object(["min": .integer(region.mastery.min), "max": .integer(region.mastery.max)]),
                    "management": .object(["min": .integer(region.management.min), "max": .integer(region.management.max)]),
                    "next": .array(region.next.map(JSONValue.string)),
                ])
            }),
        ]).canonicalText
    }
}

extension Questionnaire {
    /// The words of this questionnaire (in its language, placeholders filled) and `wording`, as
    /// canonical JSON the page embeds beside the table: `{bands: {id: {advice, label, summary}},
    /// intro?, items: {id: text}, regions: {id: {advice, discuss, label, summary}},
    /// scale: {labels: {"0": text}}, title?, words: {key: template}}`. The script joins them to
    /// the table by id.
    public func wordsJSON(_ wording: AnswerWording) -> String {
        var members: [String: JSONValue] = [
            "scale": .object(["labels": .object(Dictionary(uniqueKeysWithValues: scale.labels.map { (String($0.key), JSONValue.string($0.value)) }))]),
            "items": .object(Dictionary(items.map { ($0.id, JSONValue.string($0.text)) }) { first, _ in first }),
            "bands": .object(Dictionary(bands.map { band in
                (band.id, JSONValue.object(["label": .string(band.label), "summary": .string(band.summary), "advice": .string(band.advice)]))
            }) { first, _ in first }),
            "regions": .object(Dictionary(regions.map { region in
                (region.id, JSONValue.object(["label": .string(region.label), "summary": .string(region.summary), "advice": .string(region.advice),
                                              "discuss": .array(region.discuss.map(JSONValue.string))]))
            }) { first, _ in first }),
            "words": .object(wording.templates.mapValues(JSONValue.string)),
        ]
        if let title { members["title"] = .string(title) }
        if let intro { members["intro"] = .string(intro) }
        return JSONValue.object(members).canonicalText
    }
}

extension Questionnaire {
    /// The table the page embeds. Compile only a definition whose `validate()` is empty; an
    /// invalid one compiles as it stands and the interpreter would score it just as wrongly.
    public func compile() -> ScoringTable {
        ScoringTable(
            id: id, version: version, scale: scale, items: items,
            dimensions: dimensions,
            bands: bands.enumerated().sorted { ($0.element.min, $0.offset) < ($1.element.min, $1.offset) }.map(\.element),
            totals: totalRange,
            strongestPullsLimit: ScoreResult.strongestPullsLimit,
            regions: regions
        )
    }
}
