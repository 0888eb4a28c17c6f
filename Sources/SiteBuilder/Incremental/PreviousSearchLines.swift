import Foundation

/// The search-index lines of an earlier build, by page URL, for pages that are not rendered
/// again: held in memory by the preview, or read from the previous output's parts on demand by a
/// cached build (only the parts that change are ever read). Thread-safe.
final class PreviousSearchLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String: String]
    private let output: URL?
    private let partCount: Int?
    private var readParts: Set<Int> = []

    /// Lines already in memory.
    init(lines: [String: String]) {
        self.lines = lines
        output = nil
        partCount = nil
    }

    /// Lines of the index in `output`, read part by part when first asked for.
    init(output: URL) {
        lines = [:]
        self.output = output
        let entry = FileManager.default.contents(atPath: output.appendingPathComponent(SearchIndex.entryPath).path)
        partCount = entry.flatMap { SearchIndex.partCount(ofEntry: String(decoding: $0, as: UTF8.self)) }
    }

    /// The line of the page at `url`, or nil when the earlier build has none.
    func line(forURL url: String) -> String? {
        lock.withLock {
            if let line = lines[url] { return line }
            guard let output, let partCount else { return nil }
            let part = SearchIndex.part(ofURL: url, partCount: partCount)
            guard readParts.insert(part).inserted,
                  let data = FileManager.default.contents(atPath: output.appendingPathComponent(SearchIndex.partPath(part)).path) else { return nil }
            lines.merge(SearchIndex.lines(ofPart: String(decoding: data, as: UTF8.self), part: part)) { kept, _ in kept }
            return lines[url]
        }
    }

    /// Adds or replaces lines (pages rendered by the latest build).
    func update(_ newer: [String: String]) {
        lock.withLock { lines.merge(newer) { _, new in new } }
    }
}
