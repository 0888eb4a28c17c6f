/// Everything a generic client needs to score the questionnaire exactly as `Scoring` does:
/// the page embeds `canonicalJSON()` and its script only interprets it.
public struct ScoringTable: Sendable, Equatable {
    /// Bumped when the shape of the JSON changes, so an interpreter can refuse what it does not know.
    public static let format = 2

    public var id: String
    public var version: Int
    public var title: String?
    public var intro: String?
    public var scale: Scale
    public var items: [Item]
    public var dimensions: [String]
    /// Sorted by `min`, lowest totals first.
    public var bands: [Band]
    public var totals: ClosedRange<Int>
    public var strongestPullsLimit: Int
    /// The two-pull map, in file order; empty without one.
    public var regions: [Region]

    /// Canonical JSON: keys sorted at every level, no whitespace, `"format": 2`, label keys as
    /// strings, `<`, `>`, `&`, U+2028 and U+2029 escaped. Same table, same bytes.
    ///
    /// Shape: `{bands: [{advice, id, label, max, min, next, summary}], dimensions: [id],
    /// format, id, intro?, items: [{dimension, id, reverse, text, weight}],
    /// regions: [{advice, discuss, id, label, management: {max, min}, mastery: {max, min}, next,
    /// summary}], scale: {labels: {"0": text}, max, min}, strongestPullsLimit, title?,
    /// totals: {max, min}, version}` (format 2 added `regions`). See `ScoreResult` and `Pull`
    /// for the scoring rules the interpreter applies.
    public func canonicalJSON() -> String {
        var members: [String: JSONValue] = [
            "format": .integer(Self.format),
            "id": .string(id),
            "version": .integer(version),
            "scale": .object([
                "min": .integer(scale.min),
                "max": .integer(scale.max),
                "labels": .object(Dictionary(uniqueKeysWithValues: scale.labels.map { (String($0.key), JSONValue.string($0.value)) })),
            ]),
            "items": .array(items.map { item in
                .object([
                    "id": .string(item.id),
                    "text": .string(item.text),
                    "reverse": .bool(item.reverse),
                    "weight": .integer(item.weight),
                    "dimension": .string(item.dimension),
                ])
            }),
            "dimensions": .array(dimensions.map(JSONValue.string)),
            "bands": .array(bands.map { band in
                .object([
                    "id": .string(band.id),
                    "label": .string(band.label),
                    "min": .integer(band.min),
                    "max": .integer(band.max),
                    "summary": .string(band.summary),
                    "advice": .string(band.advice),
                    "next": .array(band.next.map(JSONValue.string)),
                ])
            }),
            "totals": .object(["min": .integer(totals.lowerBound), "max": .integer(totals.upperBound)]),
            "strongestPullsLimit": .integer(strongestPullsLimit),
            "regions": .array(regions.map { region in
                .object([
                    "id": .string(region.id),
                    "label": .string(region.label),
                    "mastery": .object(["min": .integer(region.mastery.min), "max": .integer(region.mastery.max)]),
                    "management": .object(["min": .integer(region.management.min), "max": .integer(region.management.max)]),
                    "summary": .string(region.summary),
                    "advice": .string(region.advice),
                    "next": .array(region.next.map(JSONValue.string)),
                    "discuss": .array(region.discuss.map(JSONValue.string)),
                ])
            }),
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
            id: id, version: version, title: title, intro: intro, scale: scale, items: items,
            dimensions: dimensions,
            bands: bands.enumerated().sorted { ($0.element.min, $0.offset) < ($1.element.min, $1.offset) }.map(\.element),
            totals: totalRange,
            strongestPullsLimit: ScoreResult.strongestPullsLimit,
            regions: regions
        )
    }
}
