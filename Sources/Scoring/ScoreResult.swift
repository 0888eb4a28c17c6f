/// What a set of answers adds up to, and why.
public struct ScoreResult: Codable, Sendable, Equatable {
    /// How many items `strongestPulls` names at most. The compiled table carries this number so
    /// the page's interpreter applies the same rule.
    public static let strongestPullsLimit = 3

    public var total: Int
    /// The one band whose inclusive edges hold `total`.
    public var band: Band
    /// Subtotals, in `Questionnaire.dimensions` order.
    public var dimensions: [DimensionScore]
    /// One per item, in item order.
    public var contributions: [Contribution]
    /// How many points fewer would put the total in the band below (`total − band.min + 1`);
    /// nil in the lowest band.
    public var pointsBelowBand: Int?
    /// How many points more would put the total in the band above (`band.max − total + 1`);
    /// nil in the highest band.
    public var pointsAboveBand: Int?
    /// The items that pushed the total furthest from the middle of the scale. Rule (integers
    /// only, mirrored by the page's script): an item's pull is `2 × points − (minPoints +
    /// maxPoints)`, twice its distance from the midpoint of its own range, positive toward
    /// higher totals. Items with a pull of 0 are left out; the rest are sorted by the size of
    /// their pull, largest first, ties in item order, and the first `strongestPullsLimit` kept.
    public var strongestPulls: [Contribution]
    /// The pull toward mastery and toward management (rule on `Pull`); nil without a map.
    public var pulls: Pulls?
    /// The region of the map holding both pulls; nil without a map.
    public var region: Region?
}

/// A subtotal over the items of one dimension, with the fewest and most points it can reach.
public struct DimensionScore: Codable, Sendable, Equatable {
    public var id: String
    public var total: Int
    public var min: Int
    public var max: Int
}

/// What one item's answer added to the total.
public struct Contribution: Codable, Sendable, Equatable {
    public var itemId: String
    public var answer: Int
    /// `weight × answer`, or `weight × (scale.min + scale.max − answer)` when reverse-keyed.
    public var points: Int
    public var minPoints: Int
    public var maxPoints: Int

    /// Twice the distance of `points` from the middle of the item's range, kept whole:
    /// positive pushed the total up, negative pulled it down, 0 sat on the middle.
    public var pull: Int {
        2 * points - (minPoints + maxPoints)
    }
}
