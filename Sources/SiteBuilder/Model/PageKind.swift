/// The kinds of guide page. Each kind has its own template and (except `page`) its own index.
enum PageKind: String, CaseIterable, Sendable, Codable, Comparable {
    case comparison
    case pitfall
    case pendulum
    case masteryStage = "mastery-stage"
    case page

    static func < (lhs: PageKind, rhs: PageKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }

    /// Shown on a page's badge.
    var singularTitle: String {
        switch self {
        case .comparison: "Path comparison"
        case .pitfall: "Pitfall"
        case .pendulum: "Pendulum"
        case .masteryStage: "Mastery"
        case .page: "Guide"
        }
    }

    /// The index page's title unless `_index.md` gives one.
    var defaultSectionTitle: String {
        switch self {
        case .comparison: "Path comparisons"
        case .pitfall: "Pitfalls of becoming a manager"
        case .pendulum: "The engineer/manager pendulum"
        case .masteryStage: "Mastery stages"
        case .page: "Guides"
        }
    }

    /// Folder of the kind's index page, or nil for plain pages, which have none.
    var sectionPath: String? {
        switch self {
        case .comparison: "comparisons/"
        case .pitfall: "pitfalls/"
        case .pendulum: "pendulum/"
        case .masteryStage: "mastery/"
        case .page: nil
        }
    }

    static var namesForMessages: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
