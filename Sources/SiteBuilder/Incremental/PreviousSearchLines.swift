import Foundation
import Synchronization

/// The search-index lines of an earlier build, by page URL, for pages that are not rendered
/// again: held in memory by the preview, or read from the previous output's parts on demand by a
/// cached build (only the parts that change are ever read). Thread-safe.
final class PreviousSearchLines: Sendable {
    private struct Known {
        var lines: [String: String]
        /// The part files read so far (`search-index/3.js`, `de/search-index/0.js`).
        var readParts: Set<String> = []
        /// The number of parts of each language's index (by the language's home), once read.
        var partCounts: [String: Int?] = [:]
    }

    private let known: Mutex<Known>
    private let output: URL?

    /// Lines already in memory.
    init(lines: [String: String]) {
        known = Mutex(Known(lines: lines))
        output = nil
    }

    /// Lines of the indexes in `output`, read part by part when first asked for.
    init(output: URL) {
        known = Mutex(Known(lines: [:]))
        self.output = output
    }

    /// The line of the page at `url`, or nil when the earlier build has none. `home`: the home of
    /// the page's language (`""`, `de/`), whose index holds it.
    func line(forURL url: String, home: String = "") -> String? {
        known.withLock { known in
            if let line = known.lines[url] { return line }
            guard let output else { return nil }
            let partCount = known.partCounts[home] ?? {
                let entry = FileManager.default.contents(atPath: output.appendingPathComponent(SearchIndex.entryPath(home: home)).path)
                return entry.flatMap { SearchIndex.partCount(ofEntry: String(decoding: $0, as: UTF8.self), home: home) }
            }()
            known.partCounts[home] = partCount
            guard let partCount else { return nil }
            let part = SearchIndex.part(ofURL: url, partCount: partCount)
            let path = SearchIndex.partPath(part, home: home)
            guard known.readParts.insert(path).inserted,
                  let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { return nil }
            known.lines.merge(SearchIndex.lines(ofPart: String(decoding: data, as: UTF8.self), part: part)) { kept, _ in kept }
            return known.lines[url]
        }
    }

    /// Adds or replaces lines (pages rendered by the latest build).
    func update(_ newer: [String: String]) {
        known.withLock { $0.lines.merge(newer) { _, new in new } }
    }
}
