/// One piece of guidance from a source. A rule with a `measure` compares one number input with the
/// source's span `from...to` (both included): below it the reader is `before`, inside `within`,
/// above `past`; when the measured input grows with time, the dates of reaching `from` and of
/// passing `to` are checkpoints. A rule without a measure is a `note` that applies as it stands.
/// Texts may hold `{from}`, `{to}` and `{value}`, so no threshold is typed twice.
public struct PlannerRule: Decodable, Sendable, Equatable {
    public var id: String
    /// A `PlannerSource` id.
    public var source: String
    /// A short name for the guidance, shown in the rules table and beside each finding.
    public var title: String
    /// Applies only when these hold.
    public var when: [PlannerCondition] = []
    public var measure: String?
    public var from: Int?
    public var to: Int?
    public var before: String?
    public var within: String?
    public var past: String?
    /// Checkpoint texts, for a measure that grows: the year `from` is reached, the year `to` is passed.
    public var reaching: String?
    public var passing: String?
    /// The text of a rule without a measure.
    public var note: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, source, title, when, measure, from, to, before, within, past, reaching, passing, note
    }

    /// The span's upper edge: `to`, or `from` when only `from` is given.
    public var upper: Int? { to ?? from }

    /// Every text with its field name, in file order, for validation.
    var texts: [(field: String, text: String?)] {
        [("before", before), ("within", within), ("past", past), ("reaching", reaching), ("passing", passing), ("note", note)]
    }
}

extension PlannerRule {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), source: fields(.source), title: fields(.title),
                      when: PlannerCondition.decodeList(from: fields.container, forKey: .when),
                      measure: fields.optional(.measure), from: fields.optional(.from), to: fields.optional(.to),
                      before: fields.optional(.before), within: fields.optional(.within), past: fields.optional(.past),
                      reaching: fields.optional(.reaching), passing: fields.optional(.passing), note: fields.optional(.note))
    }
}
