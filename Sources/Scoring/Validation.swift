import Foundation

extension Questionnaire {
    /// Every problem with the definition at once, in the order they appear in the file.
    /// An empty list means the questionnaire can be scored, compiled and published.
    /// A questionnaire over `limits` gets only the problems saying so: nothing else is checked.
    public func validate(limits: QuestionnaireLimits = .default) -> [QuestionnaireProblem] {
        let sizeProblems = self.sizeProblems(limits)
        if !sizeProblems.isEmpty { return sizeProblems }
        var problems: [QuestionnaireProblem] = []
        if isBlank(id) {
            problems.append(.init(path: "id", message: "the questionnaire id is empty; give it a stable id such as \"path-fit\" (saved answers are stored under it)"))
        }
        if version < 1 {
            problems.append(.init(path: "version", message: "version is \(version); use a whole number of at least 1 and bump it whenever items or bands change"))
        }
        problems += scaleProblems()
        problems += itemProblems()
        problems += bandProblems()
        problems += coverageProblems()
        problems += regionProblems()
        return problems
    }

    private func sizeProblems(_ limits: QuestionnaireLimits) -> [QuestionnaireProblem] {
        limits.problems(scaleMin: scale.min, scaleMax: scale.max, labelCount: scale.labels.count,
                        itemCount: items.count, bandCount: bands.count, regionCount: regions.count)
    }

    private func scaleProblems() -> [QuestionnaireProblem] {
        var problems: [QuestionnaireProblem] = []
        if scale.min >= scale.max {
            problems.append(.init(path: "scale", message: "scale min (\(scale.min)) must be less than max (\(scale.max)); answers run from min up to max"))
        }
        for point in scale.labels.keys.sorted() {
            let path = "scale.labels.\(point)"
            if scale.min < scale.max, !(scale.min...scale.max).contains(point) {
                problems.append(.init(path: path, message: "a label is keyed to answer \(point), outside the scale \(scale.min)...\(scale.max); key it to an answer on the scale or remove it"))
            }
            if isBlank(scale.labels[point] ?? "") {
                problems.append(.init(path: path, message: "the label for answer \(point) is empty; write the words shown at that point or remove the label"))
            }
        }
        return problems
    }

    private func itemProblems() -> [QuestionnaireProblem] {
        guard !items.isEmpty else {
            return [.init(path: "items", message: "there are no items; add at least one statement to answer")]
        }
        var problems: [QuestionnaireProblem] = []
        var ids = UniqueIDs(kind: "item", list: "items")
        for (index, item) in items.enumerated() {
            let path = "items[\(index)]"
            let name = isBlank(item.id) ? "item \(path)" : "item \"\(item.id)\""
            if isBlank(item.id) {
                problems.append(.init(path: "\(path).id", message: "the item id is empty; give every item a unique id such as \"solve-alone\""))
            } else if let repeated = ids.repeated(item.id, at: index) {
                problems.append(.init(path: "\(path).id", message: repeated))
            }
            if isBlank(item.text) {
                problems.append(.init(path: "\(path).text", message: "the statement of \(name) is empty; write the text people answer"))
            }
            if item.weight < 1 {
                problems.append(.init(path: "\(path).weight", message: "the weight of \(name) is \(item.weight); use a whole number of at least 1 (leave it out for 1)"))
            }
            if isBlank(item.dimension) {
                problems.append(.init(path: "\(path).dimension", message: "the dimension of \(name) is empty; name the subtotal it counts toward, such as \"craft\""))
            }
        }
        return problems
    }

    private func bandProblems() -> [QuestionnaireProblem] {
        guard !bands.isEmpty else {
            return [.init(path: "bands", message: "there are no bands; add bands that together cover every reachable total")]
        }
        var problems: [QuestionnaireProblem] = []
        var ids = UniqueIDs(kind: "band", list: "bands")
        for (index, band) in bands.enumerated() {
            let path = "bands[\(index)]"
            let name = isBlank(band.id) ? "band \(path)" : "band \"\(band.id)\""
            if isBlank(band.id) {
                problems.append(.init(path: "\(path).id", message: "the band id is empty; give every band a unique id such as \"mastery\""))
            } else if let repeated = ids.repeated(band.id, at: index) {
                problems.append(.init(path: "\(path).id", message: repeated))
            }
            if isBlank(band.label) {
                problems.append(.init(path: "\(path).label", message: "the label of \(name) is empty; write the name shown with a result in this band"))
            }
            if band.min > band.max {
                problems.append(.init(path: path, message: "\(name) has min \(band.min) above max \(band.max); a band runs from min up to max, both included"))
            }
        }
        return problems
    }

    /// Bands must tile the reachable totals: nothing outside, no overlap, no gap. Only meaningful
    /// once the scale, the items and their weights are sound, so it waits for those.
    private func coverageProblems() -> [QuestionnaireProblem] {
        guard scale.min < scale.max, !items.isEmpty, items.allSatisfy({ $0.weight >= 1 }) else { return [] }
        guard totalsAreExact else {
            return [.init(path: "items", message: "totals can reach beyond ±\(Self.largestExactTotal), more than the page's JavaScript counts exactly; use smaller weights or a shorter scale")]
        }
        guard !bands.isEmpty else { return [] }
        let reachable = totalRange
        let reachableText = "\(reachable.lowerBound)...\(reachable.upperBound)"
        var problems: [QuestionnaireProblem] = []
        let ordered = bands.indices.filter { bands[$0].min <= bands[$0].max }

        for index in ordered {
            let band = bands[index]
            let path = "bands[\(index)]"
            if band.max < reachable.lowerBound || band.min > reachable.upperBound {
                problems.append(.init(path: path, message: "band \"\(band.id)\" (\(describeTotals(band.min, band.max))) lies entirely outside the reachable totals \(reachableText); move it inside that range or remove it"))
                continue
            }
            if band.min < reachable.lowerBound {
                problems.append(.init(path: path, message: "band \"\(band.id)\" starts at \(band.min), but \(describeTotals(band.min, reachable.lowerBound - 1)) cannot be reached (reachable totals are \(reachableText)); set its min to \(reachable.lowerBound)"))
            }
            if band.max > reachable.upperBound {
                problems.append(.init(path: path, message: "band \"\(band.id)\" ends at \(band.max), but \(describeTotals(reachable.upperBound + 1, band.max)) cannot be reached (reachable totals are \(reachableText)); set its max to \(reachable.upperBound)"))
            }
        }

        for (earlier, later) in overlappingPairs(ordered) {
            let lowest = Swift.max(bands[earlier].min, bands[later].min)
            let highest = Swift.min(bands[earlier].max, bands[later].max)
            problems.append(.init(path: "bands[\(later)]", message: "band \"\(bands[later].id)\" and band \"\(bands[earlier].id)\" (bands[\(earlier)]) both claim \(describeTotals(lowest, highest)); each total must belong to exactly one band"))
        }

        // Walk the reachable totals upward; anything no band reaches is a gap.
        let covered = ordered
            .map { (Swift.max(bands[$0].min, reachable.lowerBound), Swift.min(bands[$0].max, reachable.upperBound)) }
            .filter { $0.0 <= $0.1 }
            .sorted { $0.0 < $1.0 }
        var firstUncovered = reachable.lowerBound
        var gaps: [(Int, Int)] = []
        for (lowest, highest) in covered {
            if lowest > firstUncovered { gaps.append((firstUncovered, lowest - 1)) }
            firstUncovered = Swift.max(firstUncovered, highest + 1)
        }
        if firstUncovered <= reachable.upperBound { gaps.append((firstUncovered, reachable.upperBound)) }
        for (lowest, highest) in gaps {
            let verb = lowest == highest ? "belongs" : "belong"
            problems.append(.init(path: "bands", message: "\(describeTotals(lowest, highest)) \(verb) to no band; widen a neighbouring band or add one, so every total from \(reachable.lowerBound) to \(reachable.upperBound) has exactly one band"))
        }
        return problems
    }
}

extension Questionnaire {
    /// Overlapping bands as (earlier, later) indexes in file order, found in one sweep by lower
    /// edge instead of comparing every pair: each band is reported with the band before it
    /// (by lower edge) that reaches furthest, so n bands cost n log n, and a band overlapping
    /// several others is named once, which is enough to fix it.
    func overlappingPairs(_ indexes: [Int]) -> [(Int, Int)] {
        let byLowerEdge = indexes.sorted { (bands[$0].min, $0) < (bands[$1].min, $1) }
        var furthest: Int?
        var pairs: [(Int, Int)] = []
        for index in byLowerEdge {
            if let reaching = furthest, bands[reaching].max >= bands[index].min {
                pairs.append((Swift.min(reaching, index), Swift.max(reaching, index)))
            }
            if furthest.map({ bands[index].max > bands[$0].max }) ?? true { furthest = index }
        }
        return pairs.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}

func isBlank(_ text: String) -> Bool {
    text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
}
