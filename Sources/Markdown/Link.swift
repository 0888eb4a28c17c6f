/// A link or image destination found on the page, for link checking.
public struct Link: Sendable, Equatable {
    /// The destination after the `LinkRewriter` ran (the original one when there is none).
    public var destination: String
    /// 1-based line in the source given to `render`.
    public var line: Int
}
