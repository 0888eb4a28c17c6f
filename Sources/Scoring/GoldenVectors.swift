/// One set of answers and what `Scoring` makes of it; the page's script must agree on every one.
public struct GoldenVector: Codable, Sendable, Equatable {
    /// In item order.
    public var answers: [Int]
    public var total: Int
    /// The id of the band holding `total`.
    public var band: String
    /// Dimension id -> subtotal.
    public var dimensions: [String: Int]
    /// Item ids, by the rule on `ScoreResult.strongestPulls`.
    public var strongestPulls: [String]
    /// Axis (`mastery`, `management`) -> points and percent, by the rule on `Pull`; nil without a map.
    public var pulls: [String: GoldenPull]?
    /// The id of the region holding both pulls; nil without a map.
    public var region: String?
}

extension GoldenVector {
    init(answers: [Int], result: ScoreResult) {
        self.init(
            answers: answers,
            total: result.total,
            band: result.band.id,
            dimensions: Dictionary(uniqueKeysWithValues: result.dimensions.map { ($0.id, $0.total) }),
            strongestPulls: result.strongestPulls.map(\.itemId),
            pulls: result.pulls.map { ["mastery": GoldenPull($0.mastery), "management": GoldenPull($0.management)] },
            region: result.region?.id
        )
    }
}

/// A pull as golden vectors record it.
public struct GoldenPull: Codable, Sendable, Equatable {
    public var points: Int
    public var percent: Int
}

extension GoldenPull {
    init(_ pull: Pull) {
        self.init(points: pull.points, percent: pull.percent)
    }
}

public enum GoldenVectors {
    /// Answer vectors with their expected results, in this order: one reaching each edge total
    /// (the reachable minimum and maximum, and every band's min and max with the total either
    /// side of each, lowest first), then with a map one landing on each region edge and either side
    /// of it on both axes at once (see `regionEdgeAnswers`), every answer at the scale's minimum,
    /// every answer at its maximum, then `randomCount` random vectors drawn from `seed`. Repeated answer vectors are kept
    /// once. An edge total no answers can reach (possible with weights above 1) is skipped.
    /// Returns nothing for a definition whose `validate()` is not empty.
    public static func generate(for questionnaire: Questionnaire, randomCount: Int, seed: UInt64) -> [GoldenVector] {
        guard questionnaire.validate().isEmpty else { return [] }
        let scale = questionnaire.scale
        var candidates = edgeTotals(of: questionnaire).compactMap { answers(reaching: $0, in: questionnaire) }
        candidates += regionEdgeAnswers(in: questionnaire)
        candidates.append(Array(repeating: scale.min, count: questionnaire.items.count))
        candidates.append(Array(repeating: scale.max, count: questionnaire.items.count))
        var generator = SplitMix64(seed: seed)
        for _ in 0..<max(0, randomCount) {
            candidates.append(questionnaire.items.map { _ in generator.next(in: scale.min...scale.max) })
        }

        var seen = Set<[Int]>()
        var vectors: [GoldenVector] = []
        for answers in candidates where seen.insert(answers).inserted {
            // A valid definition and answers on the scale: scoring cannot fail here.
            guard let result = try? questionnaire.score(answers) else { continue }
            vectors.append(GoldenVector(answers: answers, result: result))
        }
        return vectors
    }

    /// Canonical JSON of `vectors` (sorted keys, no whitespace): byte-stable for the same input.
    public static func json(_ vectors: [GoldenVector]) -> String {
        JSONValue.array(vectors.map { vector in
            .object([
                "answers": .array(vector.answers.map(JSONValue.integer)),
                "total": .integer(vector.total),
                "band": .string(vector.band),
                "dimensions": .object(vector.dimensions.mapValues(JSONValue.integer)),
                "strongestPulls": .array(vector.strongestPulls.map(JSONValue.string)),
            ].merging(pullMembers(vector)) { first, _ in first })
        }).canonicalText
    }

    private static func pullMembers(_ vector: GoldenVector) -> [String: JSONValue] {
        guard let pulls = vector.pulls, let region = vector.region else { return [:] }
        return [
            "pulls": .object(pulls.mapValues { .object(["points": .integer($0.points), "percent": .integer($0.percent)]) }),
            "region": .string(region),
        ]
    }

    /// Percents where an off-by-one or a rounding slip would show on one axis: every region edge
    /// and its neighbours, and the ends of the axis.
    static func edgePercents(of questionnaire: Questionnaire, _ axis: PullAxis) -> [Int] {
        var percents: Set<Int> = [Questionnaire.percentRange.lowerBound, Questionnaire.percentRange.upperBound]
        for region in questionnaire.regions {
            let range = region.range(axis)
            for edge in [range.min, range.max] { percents.formUnion([edge - 1, edge, edge + 1]) }
        }
        return percents.filter(Questionnaire.percentRange.contains).sorted()
    }

    /// Answers landing on every pair of edge percents (mastery, management) that answers can
    /// reach exactly: the statements of each axis are filled in order, as `answers(reaching:)`
    /// fills the total. Percents no whole number of points gives are skipped.
    static func regionEdgeAnswers(in questionnaire: Questionnaire) -> [[Int]] {
        guard questionnaire.hasMap else { return [] }
        let scale = questionnaire.scale
        func fill(_ axis: PullAxis, percent: Int, into answers: inout [Int]) -> Bool {
            guard var remaining = Pull.fewestPoints(giving: percent, max: questionnaire.pullMaximum(axis)) else { return false }
            for index in questionnaire.pullItems(axis) {
                let weight = questionnaire.items[index].weight
                let steps = min(scale.max - scale.min, remaining / weight)
                remaining -= steps * weight
                answers[index] = scale.min + steps
            }
            return remaining == 0
        }
        var vectors: [[Int]] = []
        for mastery in edgePercents(of: questionnaire, .mastery) {
            for management in edgePercents(of: questionnaire, .management) {
                var answers = Array(repeating: scale.min, count: questionnaire.items.count)
                if fill(.mastery, percent: mastery, into: &answers), fill(.management, percent: management, into: &answers) {
                    vectors.append(answers)
                }
            }
        }
        return vectors
    }

    /// Totals where an off-by-one in an interpreter would show: band edges and their neighbours.
    static func edgeTotals(of questionnaire: Questionnaire) -> [Int] {
        let reachable = questionnaire.totalRange
        var totals: Set<Int> = [reachable.lowerBound, reachable.upperBound]
        for band in questionnaire.bands {
            for edge in [band.min, band.max] {
                totals.formUnion([edge - 1, edge, edge + 1])
            }
        }
        return totals.filter(reachable.contains).sorted()
    }

    /// Answers adding up to exactly `total`: every item starts at its fewest points and items
    /// are raised in order, each as far as the remainder allows. Nil when that greedy fill
    /// cannot land exactly (only possible with weights above 1).
    static func answers(reaching total: Int, in questionnaire: Questionnaire) -> [Int]? {
        let scale = questionnaire.scale
        var remaining = total - questionnaire.totalRange.lowerBound
        var answers: [Int] = []
        for item in questionnaire.items {
            let steps = min(scale.max - scale.min, remaining / item.weight)
            remaining -= steps * item.weight
            answers.append(item.reverse ? scale.max - steps : scale.min + steps)
        }
        return remaining == 0 ? answers : nil
    }
}
