import Foundation
import Scoring

/// The shape of content/questionnaire.yml built in Swift, since the tests have no YAML parser.
/// `ContentFileTests` checks that ids, order and reverse flags still match the file.
enum Fixtures {
    /// Item order and reverse flags as in content/questionnaire.yml.
    static let itemSpecs: [(id: String, reverse: Bool, dimension: String)] = [
        ("solve-alone", false, "craft"),
        ("long-focus", false, "craft"),
        ("welcome-interruptions", true, "craft"),
        ("skills-going-stale", false, "craft"),
        ("narrow-practice", false, "craft"),
        ("coached-ship", true, "people"),
        ("growth-conversations", true, "people"),
        ("hard-feedback", true, "people"),
        ("credit-for-building", false, "people"),
        ("team-quarter", true, "people"),
        ("consulted-expert", false, "scope"),
        ("final-call", true, "scope"),
        ("shape-the-group", true, "scope"),
        ("depth-over-reach", false, "scope"),
        ("lead-by-example", false, "scope"),
    ]

    static let defaultLike = Questionnaire(
        id: "path-fit",
        version: 1,
        title: "Mastery, management, or both?",
        intro: "Rate each statement.",
        scale: Scale(min: 0, max: 10, labels: [0: "Not at all like me", 5: "True about half the time", 10: "Exactly like me"]),
        items: itemSpecs.map { Item(id: $0.id, text: "Statement \($0.id).", reverse: $0.reverse, dimension: $0.dimension) },
        bands: [
            Band(id: "management", label: "Drawn to leading people", min: 0, max: 49, summary: "People first.", advice: "Train.", next: ["pitfalls/"]),
            Band(id: "both", label: "Pulled both ways", min: 50, max: 100, summary: "Both.", advice: "Keep the team small.", next: ["doing-both/"]),
            Band(id: "mastery", label: "Drawn to mastery", min: 101, max: 150, summary: "Craft first.", advice: "Check the ladder.", next: ["mastery/"]),
        ]
    )

    /// A small valid questionnaire for single-problem tests: 2 items on 1...5, totals 2...10.
    static let small = Questionnaire(
        id: "tiny",
        version: 3,
        scale: Scale(min: 1, max: 5, labels: [1: "No", 5: "Yes"]),
        items: [
            Item(id: "a", text: "First.", dimension: "x"),
            Item(id: "b", text: "Second.", reverse: true, dimension: "y"),
        ],
        bands: [
            Band(id: "low", label: "Low", min: 2, max: 5, summary: "s", advice: "a"),
            Band(id: "high", label: "High", min: 6, max: 10, summary: "s", advice: "a"),
        ]
    )

    /// Answers in item order that give each item of `defaultLike` the requested points.
    static func answers(givingPoints points: [Int]) -> [Int] {
        zip(itemSpecs, points).map { spec, points in spec.reverse ? 10 - points : points }
    }
}
