extension Questionnaire {
    /// The percents a pull can take, on both axes of the map.
    public static let percentRange = 0...100

    /// Problems of the map: regions named and labelled, inside 0...100 % on both axes, and
    /// tiling the map with no gap and no overlap, as the bands tile the totals. Nothing to check
    /// for a questionnaire without regions.
    func regionProblems() -> [QuestionnaireProblem] {
        guard !regions.isEmpty else { return [] }
        var problems: [QuestionnaireProblem] = []
        for axis in PullAxis.allCases where pullItems(axis).isEmpty {
            let kind = axis == .mastery ? "forward-keyed statement (without reverse: true)" : "reverse-keyed statement (reverse: true)"
            problems.append(.init(path: "regions", message: "the map needs a pull toward \(axis.rawValue), but there is no \(kind); add one, or remove regions: to go without the map"))
        }
        if PullAxis.allCases.contains(where: { pullMaximum($0) > Self.largestExactTotal }) {
            problems.append(.init(path: "regions", message: "the pulls can reach beyond \(Self.largestExactTotal), more than the page's JavaScript counts exactly; use smaller weights or a shorter scale"))
        }
        var ids = UniqueIDs(kind: "region", list: "regions")
        var sound: [Int] = []
        for (index, region) in regions.enumerated() {
            let path = "regions[\(index)]"
            let name = isBlank(region.id) ? "region \(path)" : "region \"\(region.id)\""
            if isBlank(region.id) {
                problems.append(.init(path: "\(path).id", message: "the region id is empty; give every region a unique id such as \"neither\""))
            } else if let repeated = ids.repeated(region.id, at: index) {
                problems.append(.init(path: "\(path).id", message: repeated))
            }
            if isBlank(region.label) {
                problems.append(.init(path: "\(path).label", message: "the label of \(name) is empty; write the name shown with a result in this region"))
            }
            var inside = true
            for axis in PullAxis.allCases {
                let range = region.range(axis)
                let where_ = "\(path).\(axis.rawValue)"
                if range.min > range.max {
                    problems.append(.init(path: where_, message: "\(name) has a \(axis.rawValue) pull from \(range.min) to \(range.max) %, min above max; a range runs from min up to max, both included"))
                    inside = false
                } else if range.min < Self.percentRange.lowerBound || range.max > Self.percentRange.upperBound {
                    problems.append(.init(path: where_, message: "\(name) has a \(axis.rawValue) pull from \(range.min) to \(range.max) %, outside 0...100; a pull is a percent of its maximum, so keep both edges between 0 and 100"))
                    inside = false
                }
            }
            if inside { sound.append(index) }
        }
        problems += regionCoverageProblems(sound)
        return problems
    }

    /// Overlaps (each region with the first earlier region it shares pulls with) and the gaps
    /// no region covers, as rectangles, at most `reportedGaps` of them.
    private func regionCoverageProblems(_ sound: [Int]) -> [QuestionnaireProblem] {
        var problems: [QuestionnaireProblem] = []
        for (position, later) in sound.enumerated() {
            guard let earlier = sound[..<position].first(where: { regions[$0].overlaps(regions[later]) }) else { continue }
            let shared = regions[earlier].intersection(regions[later])
            problems.append(.init(path: "regions[\(later)]", message: "region \"\(regions[later].id)\" and region \"\(regions[earlier].id)\" (regions[\(earlier)]) both claim \(shared); each pair of pulls must belong to exactly one region"))
        }
        // The map cut into cells along every region edge, so the check costs regions², not 101².
        func cuts(_ axis: PullAxis) -> [Int] {
            Set([Self.percentRange.lowerBound, Self.percentRange.upperBound + 1] + sound.flatMap { [regions[$0].range(axis).min, regions[$0].range(axis).max + 1] }).sorted()
        }
        let across = cuts(.mastery), up = cuts(.management)
        let columns = across.count - 1, rows = up.count - 1
        var covered = [Bool](repeating: false, count: columns * rows)
        for index in sound {
            let region = regions[index]
            guard let firstColumn = across.firstIndex(of: region.mastery.min), let lastColumn = across.firstIndex(of: region.mastery.max + 1),
                  let firstRow = up.firstIndex(of: region.management.min), let lastRow = up.firstIndex(of: region.management.max + 1) else { continue }
            for column in firstColumn..<lastColumn { for row in firstRow..<lastRow { covered[column * rows + row] = true } }
        }
        let reportedGaps = 5
        var gaps = 0
        for column in 0..<columns {
            for row in 0..<rows where !covered[column * rows + row] {
                // Grow the gap upward, then across while the whole column stays uncovered.
                var top = row
                while top + 1 < rows, !covered[column * rows + top + 1] { top += 1 }
                var right = column
                while right + 1 < columns, (row...top).allSatisfy({ !covered[(right + 1) * rows + $0] }) { right += 1 }
                for filled in column...right { for cell in row...top { covered[filled * rows + cell] = true } }
                gaps += 1
                guard gaps <= reportedGaps else { continue }
                let gap = Region(id: "", label: "", mastery: PercentRange(min: across[column], max: across[right + 1] - 1),
                                 management: PercentRange(min: up[row], max: up[top + 1] - 1), summary: "", advice: "")
                problems.append(.init(path: "regions", message: "\(gap.describedRanges) belongs to no region; widen a neighbouring region or add one, so every pair of pulls from 0 to 100 % has exactly one region"))
            }
        }
        if gaps > reportedGaps {
            problems.append(.init(path: "regions", message: "\(gaps - reportedGaps) more parts of the map belong to no region"))
        }
        return problems
    }
}

extension Region {
    func range(_ axis: PullAxis) -> PercentRange {
        axis == .mastery ? mastery : management
    }

    func overlaps(_ other: Region) -> Bool {
        mastery.min <= other.mastery.max && other.mastery.min <= mastery.max
            && management.min <= other.management.max && other.management.min <= management.max
    }

    /// "mastery 40...59 %, management 60...100 %": the part of the map two regions share.
    func intersection(_ other: Region) -> String {
        Region(id: "", label: "", mastery: PercentRange(min: Swift.max(mastery.min, other.mastery.min), max: Swift.min(mastery.max, other.mastery.max)),
               management: PercentRange(min: Swift.max(management.min, other.management.min), max: Swift.min(management.max, other.management.max)),
               summary: "", advice: "").describedRanges
    }

    /// Both ranges as errors and the scoring guide print them.
    public var describedRanges: String {
        "mastery \(mastery.min)...\(mastery.max) %, management \(management.min)...\(management.max) %"
    }
}
