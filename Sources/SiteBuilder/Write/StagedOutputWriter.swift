import CFileSwap
import Foundation
import Synchronization

/// Writes a build into a staging folder beside the output, then swaps it into place in one step,
/// so a failed or killed build leaves the previous site untouched and no reader ever sees a mix.
///
/// Cached builds keep the output the swap replaced as a spare (`SpareOutput`): the next build
/// moves it back as its staging folder and changes only the files that differ, instead of
/// hard-linking every file of a large site into a new folder and deleting the old one.
final class StagedOutputWriter: OutputWriter, Sendable {
    let output: URL
    let staging: URL
    /// Output of the previous build, whose unchanged files are hard-linked instead of rewritten.
    let previous: URL?
    /// The spare output this build updates, when it took one.
    private let spare: SpareOutput?
    /// Where to keep the output this build replaces, and the files it holds.
    private let keepReplaced: (folder: URL, files: Set<String>)?
    /// Files the spare holds that the manifest does not know of (see `StrayFiles`).
    private let spareStrays: StrayFiles?
    private let ledger = OutputLedger()
    /// What page threads write at once, and what `commit()` leaves for the next build.
    private struct State: Sendable {
        /// Files written by this build (the others were kept from the previous output, same bytes).
        var writtenFiles: Set<String> = []
        var createdFolders: Set<String> = []
        /// The spare kept by `commit()` for the next build.
        var keptSpare: SpareOutput?
    }

    private let state = Mutex(State())
    /// The spare kept by `commit()` for the next build.
    var keptSpare: SpareOutput? { state.withLock { $0.keptSpare } }

    var producedFiles: Set<String> { ledger.producedFiles }

    /// - Parameters:
    ///   - previous: the current output, whose unchanged files are linked instead of written.
    ///   - spare: an older output to update as the staging folder, when it can be moved there.
    ///   - strays: the search for files in the spare that `spare.files` does not name.
    ///   - keepReplaced: where to keep the output this build replaces as the next build's spare,
    ///     and the files that output holds; without it the replaced output is deleted.
    init(output: URL, previous: URL? = nil, spare: SpareOutput? = nil, strays: StrayFiles? = nil,
         keepReplaced: (folder: URL, files: Set<String>)? = nil) throws {
        spareStrays = strays
        self.previous = previous
        self.keepReplaced = keepReplaced
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            Self.removeLeftovers(in: parent, for: self.output.lastPathComponent)
            try? FileManager.default.removeItem(at: staging)
            // A spare holding a symbolic link (a `.crossroads-cache` someone committed) could lead
            // writes out of the staging folder: such a spare is not used.
            if let spare, previous != nil, strays?.holdsLinks() != true, rename(spare.folder.path, staging.path) == 0 {
                self.spare = spare
            } else {
                self.spare = nil
                if let spare { try? FileManager.default.removeItem(at: spare.folder) }
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            }
        } catch {
            throw BuildFailure([SiteError(file: self.output.path, message: "cannot create the output folder next to \(self.output.path) (\(FileWriting.reason(error)))",
                                          fix: "choose a writable --output folder, or fix the permissions of \(parent.path)")])
        }
    }

    /// Staging folders of builds that were killed before they could clean up.
    private static func removeLeftovers(in parent: URL, for name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).previous-") {
            let pidText = entry.split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier, kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    func expect(_ map: OutputMap) { ledger.expect(map) }

    func write(_ outputPath: OutputPath, _ data: Data, contentKey: UInt64?) throws {
        try ledger.check(outputPath)
        let relative = outputPath.file
        // Paths as strings, with no Foundation URL built for every written file.
        let path = staging.path + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        ledger.produced(relative)
        let needsFolder = state.withLock { state in
            state.writtenFiles.insert(relative)
            return state.createdFolders.insert(folder).inserted
        }
        do {
            if needsFolder { try FileWriting.makeFolder(folder) }
            // A spare's file may be a link to the live output's: replace it, never write through it.
            if spare != nil { unlink(path) }
            if !FileWriting.writeFile(path, data) {
                // A spare may have a file or folder in the way; or another page's thread may still be
                // creating this folder: clear the way, make sure the folder exists, then retry once.
                if spare != nil { clearWay(for: relative) }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path))
            }
        } catch {
            throw SiteError(file: output.appendingPathComponent(relative).path, message: "cannot write output file (\(FileWriting.reason(error)))",
                            fix: "check free disk space and permissions of the output folder")
        }
    }

    /// Creates `folder` once. The lock is held until the folder exists: marking it first and
    /// creating it after let a parallel writer to the same folder write before it existed.
    private func ensureFolder(_ folder: String) throws {
        try state.withLock { state in
            guard !state.createdFolders.contains(folder) else { return }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            state.createdFolders.insert(folder)
        }
    }

    /// Hard-links the previous output's file into the staging folder (or finds it already in the spare).
    func reuse(_ outputPath: OutputPath) -> Bool {
        guard (try? ledger.check(outputPath)) != nil, let previous else { return false }
        let relative = outputPath.file
        if let spare, spare.files.contains(relative), !spare.stale.contains(relative) {
            // The spare already holds these bytes.
            ledger.produced(relative)
            return true
        }
        let target = staging.appendingPathComponent(relative)
        let folder = target.deletingLastPathComponent().path
        try? ensureFolder(folder)
        if spare != nil { unlink(target.path) }
        let source = previous.appendingPathComponent(relative).path
        if link(source, target.path) != 0 {
            // In a spare, a file or folder may be in the way of this one.
            guard spare != nil else { return false }
            clearWay(for: relative)
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            guard link(source, target.path) == 0 else { return false }
        }
        ledger.produced(relative)
        return true
    }

    /// Replaces the output with the staging folder.
    func commit() throws {
        try write(OutputPath(sitePath: OutputOwnership.markerName), OutputOwnership.markerText)
        let fileManager = FileManager.default
        if let spare {
            let produced = producedFiles
            let strays = spareStrays?.found() ?? []
            removeFromStaging(spare.files.subtracting(produced).union(strays.subtracting(produced)))
        }
        if fileManager.fileExists(atPath: output.path) {
            if cfileswap_exchange(staging.path, output.path) == 0 {
                keepOrRemoveReplacedOutput()
                return
            }
            // No atomic exchange on this file system: two renames, the old site kept until the new one is in place.
            let previous = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                try fileManager.moveItem(at: output, to: previous)
                try fileManager.moveItem(at: staging, to: output)
                try? fileManager.removeItem(at: previous)
            } catch {
                throw BuildFailure([SiteError(file: output.path, message: "cannot replace the output folder (\(FileWriting.reason(error)))",
                                              fix: "check that nothing holds \(output.path) open and that its parent folder is writable")])
            }
        } else {
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                throw BuildFailure([SiteError(file: output.path, message: "cannot move the new site into place (\(FileWriting.reason(error)))",
                                              fix: "check the permissions of \(output.deletingLastPathComponent().path)")])
            }
        }
    }

    func abandon() { try? FileManager.default.removeItem(at: staging) }

    /// In a spare, an older site may have a file where this one needs a folder, or a folder where
    /// it needs a file (a page turned into a section, say): such an entry is removed first.
    private func clearWay(for relative: String) {
        var info = stat()
        var prefix = ""
        let components = relative.split(separator: "/")
        for (position, component) in components.enumerated() {
            prefix += (prefix.isEmpty ? "" : "/") + component
            let path = staging.path + "/" + prefix
            guard lstat(path, &info) == 0 else { return }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            if position < components.count - 1 ? !isFolder : isFolder {
                try? FileManager.default.removeItem(atPath: path)
                return
            }
        }
    }

    /// A spare's files that this build does not produce, and the folders they leave empty.
    private func removeFromStaging(_ files: Set<String>) {
        var folders: Set<String> = []
        for relative in files {
            unlink(staging.appendingPathComponent(relative).path)
            var folder = (relative as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first; `rmdir` refuses folders that still hold something.
        for folder in folders.sorted(by: { $0.count > $1.count }) { rmdir(staging.appendingPathComponent(folder).path) }
    }

    /// After the exchange the staging path holds the replaced output: the next build's spare, or deleted.
    private func keepOrRemoveReplacedOutput() {
        guard let keepReplaced else {
            FileWriting.removeTree(staging)
            return
        }
        try? FileManager.default.removeItem(at: keepReplaced.folder)
        try? FileManager.default.createDirectory(at: keepReplaced.folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Another file system (the cache folder elsewhere): no spare, the replaced output goes.
        guard rename(staging.path, keepReplaced.folder.path) == 0 else {
            FileWriting.removeTree(staging)
            return
        }
        state.withLock { state in
            state.keptSpare = SpareOutput(folder: keepReplaced.folder, files: keepReplaced.files, stale: state.writtenFiles)
        }
    }
}
