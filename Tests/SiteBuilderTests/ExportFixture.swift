import Foundation
import Markdown
import SiteBuilder
import XCTest

/// The repository's own site (content/, templates/, site.yml), built or exported into temporary folders.
enum ExportFixture {
    static var siteRoot: URL { DefaultSite.oneLanguageRoot }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// Lowercased words (letters and digits), with how often each occurs.
    static func words(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { counts[String(word), default: 0] += 1 }
        return counts
    }

    /// Every `attribute="value"` in the HTML, for `href` and `src` checks.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        var values: [String] = []
        var rest = html[...]
        while let start = rest.range(of: " \(attribute)=\"") {
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
            values.append(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
        return values
    }

    /// Every `<a ...>` opening tag.
    static func anchorTags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<a ") {
            guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
            tags.append(String(rest[start.lowerBound..<end]))
            rest = rest[end...]
        }
        return tags
    }

    /// A relative href resolved against the folder of `file`, without fragment or query.
    static func resolve(_ href: String, from file: URL) -> URL {
        let path = String(href.prefix { $0 != "#" && $0 != "?" })
        return URL(fileURLWithPath: path, relativeTo: file.deletingLastPathComponent()).standardizedFileURL
    }
}
