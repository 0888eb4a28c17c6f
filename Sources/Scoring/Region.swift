/// An inclusive range of pull percents on one axis of the map, 0 to 100.
public struct PercentRange: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int

    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    public func contains(_ percent: Int) -> Bool { min <= percent && percent <= max }
}

extension PercentRange {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(min: fields(.min), max: fields(.max))
    }
}

/// A rectangle of the two-pull map (pull toward mastery across, pull toward management up) and
/// what to tell someone whose pulls land in it. The regions must tile the map exactly, as the
/// bands tile the totals.
public struct Region: Codable, Sendable, Equatable {
    public var id: String
    public var label: String
    public var mastery: PercentRange
    public var management: PercentRange
    public var summary: String
    public var advice: String
    /// Content paths to read next, such as `pendulum/`.
    public var next: [String] = []
    /// Questions to bring to a one-to-one, printed on the 1:1 sheet.
    public var discuss: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, mastery, management, summary, advice, next, discuss
    }

    /// Whether the pulls fall inside this region's inclusive edges.
    public func contains(mastery masteryPercent: Int, management managementPercent: Int) -> Bool {
        mastery.contains(masteryPercent) && management.contains(managementPercent)
    }
}

extension Region {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), label: fields(.label), mastery: fields(.mastery), management: fields(.management),
                      summary: fields(.summary), advice: fields(.advice), next: fields(.next, or: []), discuss: fields(.discuss, or: []))
    }
}
