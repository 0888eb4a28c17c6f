extension Questionnaire {
    /// Scores answers given in item order (one per item).
    /// - Throws: `ScoringError` when the definition is invalid, answers are missing or extra,
    ///   or an answer is off the scale.
    public func score(_ answers: [Int]) throws(ScoringError) -> ScoreResult {
        try requireValid()
        if answers.count < items.count {
            let missing = items.indices.dropFirst(answers.count).map(reference(to:))
            throw .missingAnswers(missing, allowed: scale.min...scale.max)
        }
        if answers.count > items.count {
            throw .extraAnswers(given: answers.count, itemCount: items.count)
        }
        return try scoreComplete(answers)
    }

    /// Scores answers keyed by item id.
    /// - Throws: `ScoringError` when the definition is invalid, an item has no answer, an id is
    ///   unknown, or an answer is off the scale.
    public func score(answers: [String: Int]) throws(ScoringError) -> ScoreResult {
        try requireValid()
        let known = Set(items.map(\.id))
        let unknown = answers.keys.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty {
            throw .unknownItemIds(unknown)
        }
        let missing = items.indices.filter { answers[items[$0].id] == nil }
        if !missing.isEmpty {
            throw .missingAnswers(missing.map(reference(to:)), allowed: scale.min...scale.max)
        }
        return try scoreComplete(items.map { answers[$0.id] ?? scale.min })
    }

    /// The band whose inclusive edges hold `total`, if any.
    public func band(forTotal total: Int) -> Band? {
        bands.first { $0.contains(total) }
    }

    private func requireValid() throws(ScoringError) {
        let problems = validate()
        if !problems.isEmpty { throw .invalidQuestionnaire(problems) }
    }

    private func reference(to index: Int) -> ScoringError.ItemReference {
        .init(index: index, id: items[index].id, itemCount: items.count)
    }

    /// Needs a valid definition and exactly one answer per item; validation keeps every sum
    /// within `largestExactTotal`, so plain arithmetic cannot overflow here.
    private func scoreComplete(_ answers: [Int]) throws(ScoringError) -> ScoreResult {
        let outOfRange = answers.indices
            .filter { !(scale.min...scale.max).contains(answers[$0]) }
            .map { ScoringError.OutOfRangeAnswer(item: reference(to: $0), answer: answers[$0]) }
        if !outOfRange.isEmpty {
            throw .answersOutOfRange(outOfRange, allowed: scale.min...scale.max)
        }

        let contributions = zip(items, answers).map { item, answer in
            let range = pointRange(of: item)
            return Contribution(
                itemId: item.id, answer: answer, points: points(for: answer, of: item),
                minPoints: range.min, maxPoints: range.max
            )
        }
        let total = contributions.reduce(0) { $0 + $1.points }

        let dimensionScores = dimensions.map { dimension in
            let members = zip(items, contributions).filter { $0.0.dimension == dimension }.map(\.1)
            return DimensionScore(
                id: dimension,
                total: members.reduce(0) { $0 + $1.points },
                min: members.reduce(0) { $0 + $1.minPoints },
                max: members.reduce(0) { $0 + $1.maxPoints }
            )
        }

        // Validation guarantees bands tile the reachable totals, so exactly one holds the total.
        let ordered = bands.sorted { $0.min < $1.min }
        guard let bandIndex = ordered.firstIndex(where: { $0.contains(total) }) else {
            throw .invalidQuestionnaire([.init(path: "bands", message: "no band holds the total \(total)")])
        }
        let band = ordered[bandIndex]
        var pulls: Pulls?
        var region: Region?
        if hasMap {
            let scored = self.pulls(for: answers)
            // Validation guarantees the regions tile the map, so exactly one holds the pulls.
            guard let holding = self.region(for: scored) else {
                throw .invalidQuestionnaire([.init(path: "regions", message: "no region holds the pulls \(scored.mastery.percent) %, \(scored.management.percent) %")])
            }
            pulls = scored
            region = holding
        }

        return ScoreResult(
            total: total,
            band: band,
            dimensions: dimensionScores,
            contributions: contributions,
            pointsBelowBand: bandIndex > ordered.startIndex ? total - band.min + 1 : nil,
            pointsAboveBand: bandIndex < ordered.index(before: ordered.endIndex) ? band.max - total + 1 : nil,
            strongestPulls: Self.strongestPulls(in: contributions),
            pulls: pulls, region: region
        )
    }

    /// The rule documented on `ScoreResult.strongestPulls`.
    static func strongestPulls(in contributions: [Contribution]) -> [Contribution] {
        let ranked = contributions.enumerated()
            .filter { $0.element.pull != 0 }
            .sorted { left, right in
                let leftSize = abs(left.element.pull)
                let rightSize = abs(right.element.pull)
                return leftSize != rightSize ? leftSize > rightSize : left.offset < right.offset
            }
        return ranked.prefix(ScoreResult.strongestPullsLimit).map(\.element)
    }
}
