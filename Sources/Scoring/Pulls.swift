/// One pull beside the total: how strongly the answers agree with one kind of statement.
///
/// Rule (integers only, mirrored by the page's script): the pull toward mastery counts the
/// forward-keyed statements, the pull toward management the reverse-keyed ones *before* they are
/// turned around. Each statement gives `weight × (answer − scale.min)` points, so full
/// disagreement gives 0; `max` is every such statement at `scale.max`. `percent` is
/// `100 × points ÷ max` rounded half up, computed as `(200 × points + max) ÷ (2 × max)` in
/// whole numbers, rounded down.
public struct Pull: Codable, Sendable, Equatable {
    public var points: Int
    public var max: Int
    public var percent: Int

    public init(points: Int, max: Int) {
        self.points = points
        self.max = max
        percent = Pull.percent(points: points, max: max)
    }

    /// The rounding rule above; 0 for a pull with no statements.
    public static func percent(points: Int, max: Int) -> Int {
        max > 0 ? (200 * points + max) / (2 * max) : 0
    }

    /// The fewest points whose percent is `percent`, or nil when no points give exactly it.
    public static func fewestPoints(giving percent: Int, max: Int) -> Int? {
        guard max > 0 else { return nil }
        let numerator = (2 * percent - 1) * max
        let points = Swift.max(0, numerator <= 0 ? 0 : (numerator + 199) / 200)
        return points <= max && Self.percent(points: points, max: max) == percent ? points : nil
    }
}

/// Both pulls of one set of answers.
public struct Pulls: Codable, Sendable, Equatable {
    public var mastery: Pull
    public var management: Pull
}

/// The two axes of the map, in the order they are written everywhere: across, then up.
public enum PullAxis: String, CaseIterable, Sendable {
    /// The forward-keyed statements.
    case mastery
    /// The reverse-keyed statements, before reversal.
    case management

    func counts(_ item: Item) -> Bool {
        self == .mastery ? !item.reverse : item.reverse
    }
}

extension Questionnaire {
    /// Whether the questionnaire has a map: regions defined, so pulls are scored and shown.
    public var hasMap: Bool { !regions.isEmpty }

    /// The most points a pull can have: every statement on its axis at the top of the scale.
    /// Saturating, so it is safe on a definition that has not been validated.
    public func pullMaximum(_ axis: PullAxis) -> Int {
        items.filter(axis.counts).reduce(0) { sum, item in
            saturatingSum(sum, saturatingProduct(item.weight, scale.max &- scale.min))
        }
    }

    /// The statements counted by a pull, in item order (0-based indexes).
    public func pullItems(_ axis: PullAxis) -> [Int] {
        items.indices.filter { axis.counts(items[$0]) }
    }

    /// Both pulls for answers in item order; call with a validated definition and answers on the scale.
    func pulls(for answers: [Int]) -> Pulls {
        func pull(_ axis: PullAxis) -> Pull {
            let points = zip(items, answers).filter { axis.counts($0.0) }.reduce(0) { $0 + $1.0.weight * ($1.1 - scale.min) }
            return Pull(points: points, max: pullMaximum(axis))
        }
        return Pulls(mastery: pull(.mastery), management: pull(.management))
    }

    /// The region holding both pulls, if any.
    public func region(for pulls: Pulls) -> Region? {
        regions.first { $0.contains(mastery: pulls.mastery.percent, management: pulls.management.percent) }
    }
}
