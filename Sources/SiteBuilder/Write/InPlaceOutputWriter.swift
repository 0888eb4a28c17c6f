import Foundation
import Synchronization

/// Writes into the output folder itself, for the preview, whose folder nobody publishes: only the
/// files whose bytes changed; `commit()` also deletes the files the previous build wrote and this
/// one did not. The changed files are held in memory until `commit()`, so a build that fails
/// part way (one page that cannot render) writes nothing and the preview keeps serving the last
/// good site.
final class InPlaceOutputWriter: OutputWriter, Sendable {
    let output: URL
    private let ledger = OutputLedger()
    /// What page threads change at once.
    private struct State: Sendable {
        /// Changed files waiting for `commit()`, by path relative to the output.
        var pendingFiles: [String: Data] = [:]
        /// A hash of every file in the output as the previous build left it, so an unchanged file is
        /// recognised without reading it back (a large site's search index alone is tens of megabytes).
        var knownOutputHashes: [String: UInt64]
        /// Files whose bytes changed (written or removed), relative to the output.
        var changedFiles: [String] = []
    }

    private let state: Mutex<State>
    /// Files the previous build produced: those this build does not produce go at `commit()`.
    private let previouslyProduced: Set<String>

    var producedFiles: Set<String> { ledger.producedFiles }
    /// The hashes after this build, for the next one.
    var outputHashes: [String: UInt64] { state.withLock { $0.knownOutputHashes } }
    /// Files whose bytes changed (written or removed), relative to the output.
    var changedFiles: [String] { state.withLock { $0.changedFiles } }

    /// - Parameters:
    ///   - knownHashes: the previous build's `outputHashes` (empty for a first build): the output's files.
    ///   - previouslyProduced: the previous build's `producedFiles`, for a build that produces
    ///     every file of the site; empty for one that only rewrites some (edited pages).
    init(output: URL, knownHashes: [String: UInt64], previouslyProduced: Set<String>) throws {
        state = Mutex(State(knownOutputHashes: knownHashes))
        self.previouslyProduced = previouslyProduced
        self.output = output.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: self.output, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([SiteError(file: self.output.path, message: "cannot create the output folder (\(FileWriting.reason(error)))",
                                          fix: "choose a writable output folder")])
        }
    }

    func expect(_ map: OutputMap) { ledger.expect(map) }

    func write(_ outputPath: OutputPath, _ data: Data, contentKey: UInt64?) throws {
        try ledger.check(outputPath)
        let relative = outputPath.file
        ledger.produced(relative)
        let hash = contentKey ?? data.withUnsafeBytes { StableHash.keyOf(bytes: $0) }
        state.withLock { state in
            guard state.knownOutputHashes[relative] != hash else { return }
            state.knownOutputHashes[relative] = hash
            state.pendingFiles[relative] = data
        }
    }

    /// The file is already in the output folder: nothing to do but count it.
    func reuse(_ outputPath: OutputPath) -> Bool {
        guard (try? ledger.check(outputPath)) != nil, state.withLock({ $0.knownOutputHashes[outputPath.file] != nil }) else { return false }
        ledger.produced(outputPath.file)
        return true
    }

    /// Deletes what the previous build wrote that this one no longer produces.
    private func removeStale() {
        for relative in previouslyProduced.subtracting(producedFiles).sorted() {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(relative))
            state.withLock { state in
                state.changedFiles.append(relative)
                state.knownOutputHashes[relative] = nil
            }
        }
    }

    /// Writes each changed file atomically, so a reader sees a whole old or a whole new file, then
    /// removes the files no longer produced.
    func commit() throws {
        try write(OutputPath(sitePath: OutputOwnership.markerName), OutputOwnership.markerText)
        let pending = state.withLock { state in
            defer { state.pendingFiles = [:] }
            return state.pendingFiles
        }
        for (relative, data) in pending.sorted(by: { $0.key < $1.key }) {
            let url = output.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw SiteError(file: url.path, message: "cannot write output file (\(FileWriting.reason(error)))",
                                fix: "check free disk space and permissions of the output folder")
            }
            state.withLock { $0.changedFiles.append(relative) }
        }
        removeStale()
    }

    /// Nothing reached the folder before `commit()`: dropping the held files is enough.
    func abandon() { state.withLock { $0.pendingFiles = [:] } }
}
