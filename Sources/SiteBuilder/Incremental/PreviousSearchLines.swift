import Foundation
import Synchronization

/// The search-index lines of an earlier build, by page URL, for pages that are not rendered
/// again: held in memory by the preview, or read from the previous output's parts on demand by a
/// cached build (only the parts that change are ever read). Thread-safe.
final class PreviousSearchLines: Sendable {
    private struct Known {
        var lines: [String: String]
        var readParts: Set<Int> = []
    }

    private let known: Mutex<Known>
    private let output: URL?
    private let partCount: Int?

    /// Lines already in memory.
    init(lines: [String: String]) {
        known = Mutex(Known(lines: lines))
        output = nil
        partCount = nil
    }

    /// Lines of the index in `output`, read part by part when first asked for.
    init(output: URL) {
        known = Mutex(Known(lines: [:]))
        self.output = output
        let entry = FileManager.default.contents(atPath: output.appendingPathComponent(SearchIndex.entryPath).path)
        partCount = entry.flatMap { SearchIndex.partCount(ofEntry: String(decoding: $0, as: UTF8.self)) }
    }

    /// The line of the page at `url`, or nil when the earlier build has none.
    func line(forURL url: String) -> String? {
        known.withLock { known in
            if let line = known.lines[url] { return line }
            guard let output, let partCount else { return nil }
            let part = SearchIndex.part(ofURL: url, partCount: partCount)
            guard known.readParts.insert(part).inserted,
                  let data = FileManager.default.contents(atPath: output.appendingPathComponent(SearchIndex.partPath(part)).path) else { return nil }
            known.lines.merge(SearchIndex.lines(ofPart: String(decoding: data, as: UTF8.self), part: part)) { kept, _ in kept }
            return known.lines[url]
        }
    }

    /// Adds or replaces lines (pages rendered by the latest build).
    func update(_ newer: [String: String]) {
        known.withLock { $0.lines.merge(newer) { _, new in new } }
    }
}
