/// One thing the planner asks: a choice among named options (`role`), or a whole number in a
/// range (`years`, `team-size`).
public struct PlannerInput: Decodable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case choice, number }

    /// Also the command-line option: `--years-from-hands-on 2`.
    public var id: String
    public var label: String
    public var help: String?
    public var kind: Kind
    /// For `choice`: in the order shown. The value of a choice is its option's index.
    public var options: [PlannerOption] = []
    /// For `number`: the allowed whole numbers, both included.
    public var min: Int = 0
    public var max: Int = 0
    /// For `number`: a word after the field, e.g. "years".
    public var unit: String?
    /// For `number`: whether the value grows by one every year while nothing changes (years in a
    /// role, years from hands-on work), which is what gives a threshold a date.
    public var grows: Bool = false
    /// Asked only when these conditions on earlier inputs hold (e.g. `role: [manager, hybrid]`).
    public var when: [PlannerCondition] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case id, label, help, kind, options, min, max, unit, grows, when }

    /// The index of the option called `id`, for a choice.
    public func optionIndex(_ id: String) -> Int? { options.firstIndex { $0.id == id } }

    /// The allowed values: option indexes for a choice, the range for a number.
    public var allowed: ClosedRange<Int> {
        switch kind {
        case .choice: 0...Swift.max(0, options.count - 1)
        case .number: min <= max ? min...max : min...min
        }
    }
}

extension PlannerInput {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), label: fields(.label), help: fields.optional(.help), kind: fields(.kind),
                      options: fields(.options, or: []), min: fields(.min, or: 0), max: fields(.max, or: 0),
                      unit: fields.optional(.unit), grows: fields(.grows, or: false),
                      when: PlannerCondition.decodeList(from: fields.container, forKey: .when))
    }
}

/// One option of a choice input.
public struct PlannerOption: Decodable, Sendable, Equatable {
    public var id: String
    public var label: String

    enum CodingKeys: String, CodingKey, CaseIterable { case id, label }
}

extension PlannerOption {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), label: fields(.label))
    }
}
