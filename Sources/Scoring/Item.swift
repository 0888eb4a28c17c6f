/// One statement of the questionnaire.
public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    /// When true, agreeing pulls the total down: points are taken from the mirrored answer.
    public var reverse: Bool = false
    /// Multiplies the item's points; a whole number of at least 1.
    public var weight: Int = 1
    /// Which subtotal the item counts toward, e.g. `craft`.
    public var dimension: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, text, reverse, weight, dimension
    }
}

extension Item {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), text: fields(.text), reverse: fields(.reverse, or: false),
                      weight: fields(.weight, or: 1), dimension: fields(.dimension))
    }
}
