import Foundation
import Synchronization

/// Where a build's files go. Every page and output job writes through this protocol and cannot
/// tell the two writers apart:
/// - `StagedOutputWriter` (`crossroads build`): a staging folder beside the output, swapped into
///   place in one step, so a failed or killed build leaves the previous site untouched.
/// - `InPlaceOutputWriter` (the preview): its private folder, only the files whose bytes changed.
protocol OutputWriter: AnyObject, Sendable {
    /// The folder the site ends up in.
    var output: URL { get }
    /// Limits this build's writes to the paths of `map` (call before the first write); a write
    /// anywhere else is refused (the map and the writers disagree: a bug, never user input).
    func expect(_ map: OutputMap)
    /// Writes one file. `contentKey`: a key that changes whenever these bytes do, used instead of
    /// hashing them.
    func write(_ path: OutputPath, _ data: Data, contentKey: UInt64?) throws
    /// Keeps the previous build's file at `path`. False when there is no such file, and the caller
    /// renders it instead.
    func reuse(_ path: OutputPath) -> Bool
    /// Every file this build produced (written or kept), relative to the output.
    var producedFiles: Set<String> { get }
    /// Makes this build's files the output; until then a reader sees the previous output.
    func commit() throws
    /// Drops what this build prepared; the output stays as it was.
    func abandon()
}

extension OutputWriter {
    func write(_ path: OutputPath, _ data: Data) throws { try write(path, data, contentKey: nil) }
    func write(_ path: OutputPath, _ text: String) throws { try write(path, Data(text.utf8), contentKey: nil) }
    /// Files this build produced so far.
    var fileCount: Int { producedFiles.count }
}

/// What both writers keep the same way, from several page threads at once: the paths the output
/// map allows, and the files produced so far.
final class OutputLedger: Sendable {
    private let claimed = Mutex<OutputMap?>(nil)
    private let produced = Mutex<Set<String>>([])

    func expect(_ map: OutputMap) { claimed.withLock { $0 = map } }

    /// Throws an internal error for a path outside the map (no map yet: every path is allowed).
    func check(_ path: OutputPath) throws {
        guard let map = claimed.withLock({ $0 }), !map.contains(path) else { return }
        throw SiteError(file: path.file, message: "internal error: this output is not in the build's output map",
                        fix: "please report this; the previous output was left untouched")
    }

    func produced(_ relative: String) { produced.withLock { _ = $0.insert(relative) } }

    var producedFiles: Set<String> { produced.withLock { $0 } }
}
