import Foundation
import XCTest

/// Scoring has no YAML parser, so these tests read content/questionnaire.yml as text and check
/// that the Swift fixture the other tests score still has the file's ids, order and keying.
final class ContentFileTests: XCTestCase {
    private func contentLines() throws -> [String] {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("content/questionnaire.yml"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func testFixtureMatchesTheDefaultQuestionnaireFile() throws {
        var ids: [String] = []
        var reversed: Set<String> = []
        var dimensions: [String: String] = [:]
        var edges: [Int] = []
        var regionEdges: [Int] = []
        for line in try contentLines() {
            if line.hasPrefix("- id: ") {
                ids.append(String(line.dropFirst("- id: ".count)))
            } else if line == "reverse: true", let id = ids.last {
                reversed.insert(id)
            } else if line.hasPrefix("dimension: "), let id = ids.last {
                dimensions[id] = String(line.dropFirst("dimension: ".count))
            } else if line.hasPrefix("min: ") || line.hasPrefix("max: ") {
                edges.append(Int(line.dropFirst(5)) ?? -1)
            } else if line.hasPrefix("mastery: {") || line.hasPrefix("management: {") {
                // `mastery: {min: 60, max: 100}`
                regionEdges += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            }
        }
        let fixture = Fixtures.defaultLike
        XCTAssertEqual(ids, fixture.items.map(\.id) + fixture.bands.map(\.id) + fixture.regions.map(\.id))
        XCTAssertEqual(reversed, Set(fixture.items.filter(\.reverse).map(\.id)))
        XCTAssertEqual(dimensions, Dictionary(uniqueKeysWithValues: fixture.items.map { ($0.id, $0.dimension) }))
        // The scale's edges, then each band's.
        XCTAssertEqual(edges, [fixture.scale.min, fixture.scale.max] + fixture.bands.flatMap { [$0.min, $0.max] })
        XCTAssertEqual(regionEdges, fixture.regions.flatMap { [$0.mastery.min, $0.mastery.max, $0.management.min, $0.management.max] })
    }

    func testTheBothBandAdviceKeepsTheTeamSmall() throws {
        let text = try contentLines().joined(separator: " ")
        XCTAssertTrue(text.contains("Proceed with care"))
        XCTAssertTrue(text.contains("keep the team you manage small"))
    }
}
