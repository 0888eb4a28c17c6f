/// One statement of the questionnaire.
public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// When true, agreeing pulls the total down: points are taken from the mirrored answer.
    public var reverse: Bool
    /// Multiplies the item's points; a whole number of at least 1.
    public var weight: Int
    /// Which subtotal the item counts toward, e.g. `craft`.
    public var dimension: String

    public init(id: String, text: String, reverse: Bool = false, weight: Int = 1, dimension: String) {
        self.id = id
        self.text = text
        self.reverse = reverse
        self.weight = weight
        self.dimension = dimension
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, text, reverse, weight, dimension
    }

    public init(from decoder: any Decoder) throws {
        try rejectUnknownFields(in: decoder, allowed: CodingKeys.allCases.map(\.rawValue))
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        text = try container.decode(String.self, forKey: .text)
        reverse = try container.decodeIfPresent(Bool.self, forKey: .reverse) ?? false
        weight = try container.decodeIfPresent(Int.self, forKey: .weight) ?? 1
        dimension = try container.decode(String.self, forKey: .dimension)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(text, forKey: .text)
        try container.encode(reverse, forKey: .reverse)
        try container.encode(weight, forKey: .weight)
        try container.encode(dimension, forKey: .dimension)
    }
}
