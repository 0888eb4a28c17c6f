/// How large a questionnaire may be. Every page of a site embeds its table and every item shows
/// one choice per point of the scale, so sizes far beyond any real questionnaire are refused
/// before anything is computed from them.
public struct QuestionnaireLimits: Sendable, Equatable {
    public var maxItems: Int
    public var maxBands: Int
    /// Answers on the scale, `max - min + 1`.
    public var maxScalePoints: Int

    public static let `default` = QuestionnaireLimits(maxItems: 500, maxBands: 200, maxScalePoints: 101)

    public init(maxItems: Int, maxBands: Int, maxScalePoints: Int) {
        self.maxItems = maxItems
        self.maxBands = maxBands
        self.maxScalePoints = maxScalePoints
    }
}
