import Foundation
@testable import Scoring

/// The shape of content/questionnaire.yml built in Swift, since the tests have no YAML parser.
/// `ContentFileTests` checks that ids, order and reverse flags still match the file.
enum Fixtures {
    /// Item order and reverse flags as in content/questionnaire.yml.
    static let itemSpecs: [(id: String, reverse: Bool, dimension: String)] = [
        ("own-hands", false, "craft"),
        ("long-blocks", false, "craft"),
        ("many-conversations", true, "craft"),
        ("hands-on-later", false, "craft"),
        ("coordinate-others", true, "craft"),
        ("coaching-week", true, "people"),
        ("performance-talks", true, "people"),
        ("known-for-work", false, "people"),
        ("team-results", true, "people"),
        ("outcome-mine", false, "people"),
        ("go-to-expert", false, "scope"),
        ("final-decision", true, "scope"),
        ("organise-people", true, "scope"),
        ("one-area-deep", false, "scope"),
        ("direction-by-design", false, "scope"),
    ]

    /// The map of content/questionnaire.yml: a pull counts as strong from 60 %.
    static let regions = [
        Region(id: "neither", label: "Neither pulls hard yet", mastery: PercentRange(min: 0, max: 59), management: PercentRange(min: 0, max: 59),
               summary: "Explore.", advice: "Shadow, trial, coffee.", next: ["comparisons/"], discuss: ["Which job have I seen?"]),
        Region(id: "mastery", label: "Mastery pulls harder", mastery: PercentRange(min: 60, max: 100), management: PercentRange(min: 0, max: 59),
               summary: "Depth.", advice: "Check the ladder."),
        Region(id: "management", label: "Management pulls harder", mastery: PercentRange(min: 0, max: 59), management: PercentRange(min: 60, max: 100),
               summary: "People.", advice: "Train."),
        Region(id: "both", label: "Both pull hard", mastery: PercentRange(min: 60, max: 100), management: PercentRange(min: 60, max: 100),
               summary: "Both.", advice: "Swing."),
    ]

    static let defaultLike = Questionnaire(
        id: "path-fit",
        version: 2,
        title: "Mastery, management, or both?",
        intro: "Rate each statement.",
        scale: Scale(min: 0, max: 10, labels: [0: "Strongly disagree", 5: "Neither agree nor disagree", 10: "Strongly agree"]),
        items: itemSpecs.map { Item(id: $0.id, text: "Statement \($0.id).", reverse: $0.reverse, dimension: $0.dimension) },
        bands: [
            Band(id: "management", label: "Drawn to leading people", min: 0, max: 49, summary: "People first.", advice: "Train.", next: ["pitfalls/"]),
            Band(id: "both", label: "Pulled both ways", min: 50, max: 100, summary: "Both.", advice: "Keep the team small.", next: ["doing-both/"]),
            Band(id: "mastery", label: "Drawn to mastery", min: 101, max: 150, summary: "Craft first.", advice: "Check the ladder.", next: ["mastery/"]),
        ],
        regions: regions
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
