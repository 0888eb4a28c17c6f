/// An inclusive range of pull percents on one axis of the map, 0 to 100.
public struct PercentRange: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int

    public init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(min: fields(.min), max: fields(.max))
    }

    public func contains(_ percent: Int) -> Bool { min <= percent && percent <= max }
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
    public var next: [String]
    /// Questions to bring to a one-to-one, printed on the 1:1 sheet.
    public var discuss: [String]

    public init(id: String, label: String, mastery: PercentRange, management: PercentRange,
                summary: String, advice: String, next: [String] = [], discuss: [String] = []) {
        self.id = id
        self.label = label
        self.mastery = mastery
        self.management = management
        self.summary = summary
        self.advice = advice
        self.next = next
        self.discuss = discuss
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, label, mastery, management, summary, advice, next, discuss
    }

    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), label: fields(.label), mastery: fields(.mastery), management: fields(.management),
                      summary: fields(.summary), advice: fields(.advice), next: fields(.next, or: []), discuss: fields(.discuss, or: []))
    }

    /// Whether the pulls fall inside this region's inclusive edges.
    public func contains(mastery masteryPercent: Int, management managementPercent: Int) -> Bool {
        mastery.contains(masteryPercent) && management.contains(managementPercent)
    }
}
