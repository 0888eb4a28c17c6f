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
