/// Where a reader stands against each rule that applies to them, and the dated checkpoints ahead.
public struct PlanResult: Sendable, Equatable {
    public var today: PlanMonth
    /// The values of the inputs that were asked, by input id (a choice as its option index).
    public var values: [String: Int]
    /// One per rule that applies, in rule order.
    public var findings: [PlanFinding]
    /// Ordered by month, then rule order, reaching before passing.
    public var checkpoints: [PlanCheckpoint]
}

/// Where the reader stands against one rule's span: below it, inside it, above it, or a note.
public enum PlanStatus: String, Sendable, Equatable, CaseIterable {
    case note, before, within, past
}

public struct PlanFinding: Sendable, Equatable {
    public var rule: String
    public var status: PlanStatus
    /// The rule's text for that status, its holes filled.
    public var text: String
}

/// The month a growing measure reaches a rule's `from` (`reaching`) or passes its `to` (`passing`).
public struct PlanCheckpoint: Sendable, Equatable {
    public enum Edge: String, Sendable, Equatable { case reaching, passing }

    public var rule: String
    public var edge: Edge
    public var month: PlanMonth
    /// The measure's value in that month.
    public var value: Int
    /// "By March 2028, you will be 3 years from hands-on work: …".
    public var text: String
}
