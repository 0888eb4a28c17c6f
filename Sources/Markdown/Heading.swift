/// A heading of the rendered page, with the id its HTML element carries.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var id: String
    /// Plain text of the heading, without markup.
    public var text: String
    /// 1-based line in the source given to `render`.
    public var line: Int
}
