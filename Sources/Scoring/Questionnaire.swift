/// A self-assessment: statements answered on one integer scale, whose weighted total falls into
/// exactly one band. The definition is data (`content/questionnaire.yml`); the coding keys are the
/// YAML field names, so the site can decode it with any `Decoder`.
public struct Questionnaire: Codable, Sendable, Equatable {
    /// Stable id; saved answers are stored under it.
    public var id: String
    /// Bumped whenever items or bands change, so old saved answers can be discarded.
    public var version: Int
    public var title: String?
    public var intro: String?
    public var scale: Scale
    /// In the order asked; answers given as an array follow this order.
    public var items: [Item]
    /// Inclusive integer ranges that must tile `totalRange` exactly.
    public var bands: [Band]
    /// Rectangles of the two-pull map that must tile 0...100 × 0...100 exactly; empty for a
    /// questionnaire without the map (then no pulls are scored).
    public var regions: [Region] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, version, title, intro, scale, items, bands, regions
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(intro, forKey: .intro)
        try container.encode(scale, forKey: .scale)
        try container.encode(items, forKey: .items)
        try container.encode(bands, forKey: .bands)
        if !regions.isEmpty { try container.encode(regions, forKey: .regions) }
    }

    /// Dimension names in the order they first appear among the items.
    public var dimensions: [String] {
        var seen = Set<String>()
        return items.map(\.dimension).filter { seen.insert($0).inserted }
    }
}

extension Questionnaire {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), version: fields(.version), title: fields.optional(.title), intro: fields.optional(.intro),
                      scale: fields(.scale), items: fields(.items), bands: fields(.bands), regions: fields(.regions, or: []))
    }
}
