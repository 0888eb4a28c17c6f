/// How large a questionnaire may be. Every page of a site embeds its table and every item shows
/// one choice per point of the scale, so sizes far beyond any real questionnaire are refused
/// before anything is computed from them.
public struct QuestionnaireLimits: Sendable, Equatable {
    public var maxItems: Int
    public var maxBands: Int
    /// Answers on the scale, `max - min + 1`.
    public var maxScalePoints: Int
    /// Regions of the two-pull map; each is checked against every earlier one.
    public var maxRegions: Int

    public static let `default` = QuestionnaireLimits(maxItems: 500, maxBands: 200, maxScalePoints: 101, maxRegions: 100)

    public init(maxItems: Int, maxBands: Int, maxScalePoints: Int, maxRegions: Int = 100) {
        self.maxItems = maxItems
        self.maxBands = maxBands
        self.maxScalePoints = maxScalePoints
        self.maxRegions = maxRegions
    }
}

extension QuestionnaireLimits {
    /// The problems of a questionnaire this large, from its sizes alone, so that a reader can
    /// refuse an oversized definition before decoding it. Each problem carries its limit's name.
    public func problems(scaleMin: Int, scaleMax: Int, labelCount: Int, itemCount: Int, bandCount: Int, regionCount: Int = 0) -> [QuestionnaireProblem] {
        var problems: [QuestionnaireProblem] = []
        // Subtracted as a width that cannot overflow: min and max can be any Int.
        let (width, overflow) = scaleMax.subtractingReportingOverflow(scaleMin)
        if scaleMin < scaleMax, overflow || width >= maxScalePoints {
            let points = overflow ? "more than \(Int.max)" : "\(width + 1)"
            problems.append(.init(path: "scale", message: "the scale \(scaleMin)...\(scaleMax) has \(points) answers, over the limit of \(maxScalePoints); use a shorter scale such as 0...10", limit: "scale_points"))
        }
        if labelCount > maxScalePoints {
            problems.append(.init(path: "scale.labels", message: "there are \(labelCount) scale labels, over the limit of \(maxScalePoints); label only some points of the scale", limit: "scale_points"))
        }
        if itemCount > maxItems {
            problems.append(.init(path: "items", message: "there are \(itemCount) items, over the limit of \(maxItems)", limit: "questionnaire_items"))
        }
        if bandCount > maxBands {
            problems.append(.init(path: "bands", message: "there are \(bandCount) bands, over the limit of \(maxBands)", limit: "questionnaire_bands"))
        }
        if regionCount > maxRegions {
            problems.append(.init(path: "regions", message: "there are \(regionCount) regions, over the limit of \(maxRegions)", limit: "questionnaire_regions"))
        }
        return problems
    }
}
