/// A named, inclusive range of totals and what to tell someone whose total lands in it.
public struct Band: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var min: Int
    public var max: Int
    public var summary: String
    public var advice: String
    /// Content paths to read next, such as `pitfalls/`.
    public var next: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, min, max, summary, advice, next
    }

    /// Whether `total` falls inside this band's inclusive edges.
    public func contains(_ total: Int) -> Bool {
        min <= total && total <= max
    }
}

extension Band {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), label: fields(.label), min: fields(.min), max: fields(.max),
                      summary: fields(.summary), advice: fields(.advice), next: fields(.next, or: []))
    }
}
