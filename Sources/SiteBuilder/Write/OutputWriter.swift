import CFileSwap
import Foundation

/// Writes a build into a staging folder beside the output, then swaps it into place in one step,
/// so a failed or killed build leaves the previous site untouched and no reader ever sees a mix.
///
/// Cached builds keep the output the swap replaced as a spare (`SpareOutput`): the next build
/// moves it back as its staging folder and changes only the files that differ, instead of
/// hard-linking every file of a large site into a new folder and deleting the old one.
///
/// In place mode (the preview server's) writes into the output itself instead, only the files
/// whose bytes changed, and removes the files the previous build wrote and this one did not. The
/// changed files are held in memory until `commit()`, so a build that fails part way (one page
/// that cannot render) writes nothing and the preview keeps serving the last good site.
final class OutputWriter: @unchecked Sendable {
    let output: URL
    let staging: URL
    /// Output of the previous build, whose unchanged files are hard-linked instead of rewritten.
    let previous: URL?
    let inPlace: Bool
    /// Staging mode: the spare output this build updates, when it took one.
    private let spare: SpareOutput?
    /// Staging mode: where to keep the output this build replaces, and the files it holds.
    private let keepReplaced: (folder: URL, files: Set<String>)?
    /// Files written by this build (the others were kept from the previous output, same bytes).
    private var writtenFiles: Set<String> = []
    /// The spare kept by `commit()` for the next build.
    private(set) var keptSpare: SpareOutput?
    /// Files the spare holds that the manifest does not know of (see `StrayFiles`).
    private let spareStrays: StrayFiles?
    private let lock = NSLock()
    private var createdFolders: Set<String> = []
    /// Files this build produced so far.
    var fileCount: Int { lock.withLock { producedFiles.count } }
    /// Every file this build produced (written or reused), relative to the output.
    private(set) var producedFiles: Set<String> = []
    /// Files whose bytes changed (in place mode only).
    private(set) var changedFiles: [String] = []
    /// In place mode: changed files waiting for `commit()`, by path relative to the output.
    private var pendingFiles: [String: Data] = [:]
    /// In place mode: a hash of every file in the output as the previous build left it, so an
    /// unchanged file is recognised without reading it back (a large site's search index alone
    /// is tens of megabytes). Nil: compare with the file on disk.
    private var knownOutputHashes: [String: UInt64]
    private let tracksHashes: Bool
    /// The hashes after this build (in place mode with `knownHashes`), for the next build.
    var outputHashes: [String: UInt64]? { tracksHashes ? lock.withLock { knownOutputHashes } : nil }

    /// Writes into `output` directly; for previews, where nobody publishes the folder.
    /// `knownHashes` (from the previous build's `outputHashes`) describe the output's files.
    init(inPlace output: URL, knownHashes: [String: UInt64]? = nil) throws {
        knownOutputHashes = knownHashes ?? [:]
        tracksHashes = knownHashes != nil
        self.output = output.standardizedFileURL
        staging = self.output
        previous = nil
        inPlace = true
        spare = nil
        spareStrays = nil
        keepReplaced = nil
        do {
            try FileManager.default.createDirectory(at: self.output, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([SiteError(file: self.output.path, message: "cannot create the output folder (\(Self.reason(error)))",
                                          fix: "choose a writable output folder")])
        }
    }

    /// - Parameters:
    ///   - previous: the current output, whose unchanged files are linked instead of written.
    ///   - spare: an older output to update as the staging folder, when it can be moved there.
    ///   - strays: the search for files in the spare that `spare.files` does not name.
    ///   - keepReplaced: where to keep the output this build replaces as the next build's spare,
    ///     and the files that output holds; without it the replaced output is deleted.
    init(output: URL, previous: URL? = nil, spare: SpareOutput? = nil, strays: StrayFiles? = nil,
         keepReplaced: (folder: URL, files: Set<String>)? = nil) throws {
        spareStrays = strays
        knownOutputHashes = [:]
        tracksHashes = false
        self.previous = previous
        inPlace = false
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
            throw BuildFailure([SiteError(file: self.output.path, message: "cannot create the output folder next to \(self.output.path) (\(Self.reason(error)))",
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

    /// Every path this build may write, set from the output map before anything is written; a
    /// write anywhere else is refused (the map and the writers disagree: a bug, never user input).
    private var claimed: OutputMap?

    /// Limits this build's writes to the paths of `map` (call before the first write).
    func expect(_ map: OutputMap) {
        lock.withLock { claimed = map }
    }

    private func checkClaimed(_ path: OutputPath) throws {
        guard let claimed, !claimed.contains(path) else { return }
        throw SiteError(file: path.file, message: "internal error: this output is not in the build's output map",
                        fix: "please report this; the previous output was left untouched")
    }

    /// `contentKey`: a key that changes whenever these bytes do, used instead of hashing them.
    func write(_ outputPath: OutputPath, _ data: Data, contentKey: UInt64? = nil) throws {
        try checkClaimed(outputPath)
        let relative = outputPath.file
        // Paths as strings: a URL per file was 2% of a full build.
        let path = staging.path + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        let needsFolder = lock.withLock {
            producedFiles.insert(relative)
            if !inPlace { writtenFiles.insert(relative) }
            return createdFolders.insert(folder).inserted
        }
        if inPlace {
            if tracksHashes {
                let hash = contentKey ?? data.withUnsafeBytes { StableHash.keyOf(bytes: $0) }
                let unchanged = lock.withLock { () -> Bool in
                    if knownOutputHashes[relative] == hash { return true }
                    knownOutputHashes[relative] = hash
                    return false
                }
                if unchanged { return }
            } else {
                guard FileManager.default.contents(atPath: path) != data else { return }
            }
            lock.withLock { pendingFiles[relative] = data }
            return
        }
        do {
            if needsFolder { try Self.makeFolder(folder) }
            // A spare's file may be a link to the live output's: replace it, never write through it.
            if spare != nil { unlink(path) }
            if !Self.writeFile(path, data) {
                // A spare may have a file or folder in the way; or another page's thread may still be
                // creating this folder: clear the way, make sure the folder exists, then retry once.
                if spare != nil { clearWay(for: relative) }
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path))
            }
        } catch {
            throw SiteError(file: output.appendingPathComponent(relative).path, message: "cannot write output file (\(Self.reason(error)))",
                            fix: "check free disk space and permissions of the output folder")
        }
    }

    func write(_ outputPath: OutputPath, _ text: String) throws { try write(outputPath, Data(text.utf8)) }

    /// Creates `folder` once. The lock is held until the folder exists: marking it first and
    /// creating it after let a parallel writer to the same folder write before it existed.
    private func ensureFolder(_ folder: String) throws {
        try lock.withLock {
            guard !createdFolders.contains(folder) else { return }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
    }

    /// Keeps the previous build's file for `sitePath` (hard link in staging mode, nothing to do in
    /// place). Returns false when there is no such file, and the caller renders it instead.
    func reuse(_ outputPath: OutputPath) -> Bool {
        guard (try? checkClaimed(outputPath)) != nil else { return false }
        let relative = outputPath.file
        if inPlace {
            if tracksHashes {
                guard lock.withLock({ knownOutputHashes[relative] != nil }) else { return false }
            } else {
                guard FileManager.default.fileExists(atPath: output.appendingPathComponent(relative).path) else { return false }
            }
        } else {
            guard let previous else { return false }
            if let spare, spare.files.contains(relative), !spare.stale.contains(relative) {
                // The spare already holds these bytes.
                lock.withLock { _ = producedFiles.insert(relative) }
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
        }
        lock.withLock { _ = producedFiles.insert(relative) }
        return true
    }

    /// In place mode: deletes what an earlier build wrote that this one no longer produces.
    func removeStale(previouslyProduced: Set<String>) {
        guard inPlace else { return }
        for relative in previouslyProduced.subtracting(producedFiles).sorted() {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(relative))
            changedFiles.append(relative)
            knownOutputHashes[relative] = nil
        }
    }

    /// Replaces the output with the staging folder (in place mode: writes the changed files).
    func commit() throws {
        try write(OutputPath(sitePath: OutputOwnership.markerName), OutputOwnership.markerText)
        if inPlace {
            try writePendingFiles()
            return
        }
        let fileManager = FileManager.default
        if let spare {
            let strays = spareStrays?.found() ?? []
            removeFromStaging(spare.files.subtracting(producedFiles).union(strays.subtracting(producedFiles)))
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
                throw BuildFailure([SiteError(file: output.path, message: "cannot replace the output folder (\(Self.reason(error)))",
                                              fix: "check that nothing holds \(output.path) open and that its parent folder is writable")])
            }
        } else {
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                throw BuildFailure([SiteError(file: output.path, message: "cannot move the new site into place (\(Self.reason(error)))",
                                              fix: "check the permissions of \(output.deletingLastPathComponent().path)")])
            }
        }
    }

    /// Creates (or truncates) and writes a file with one `open` and as few `write`s as it takes;
    /// false on any failure, for the caller to retry through Foundation, which explains errors.
    private static func writeFile(_ path: String, _ data: Data) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        return close(descriptor) == 0 && written
    }

    /// `mkdir`, and Foundation's intermediate-creating call only when the parent is missing too
    /// (Foundation's call for every page folder was 2% of a full build).
    private static func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

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
            Self.removeTree(staging)
            return
        }
        try? FileManager.default.removeItem(at: keepReplaced.folder)
        try? FileManager.default.createDirectory(at: keepReplaced.folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Another file system (the cache folder elsewhere): no spare, the replaced output goes.
        guard rename(staging.path, keepReplaced.folder.path) == 0 else {
            Self.removeTree(staging)
            return
        }
        let stale = lock.withLock { writtenFiles }
        keptSpare = SpareOutput(folder: keepReplaced.folder, files: keepReplaced.files, stale: stale)
    }

    /// Deletes a folder tree, its second-level entries on parallel threads (a 10,000-page site's
    /// old output took half a second to delete on one).
    static func removeTree(_ folder: URL) {
        let fileManager = FileManager.default
        var parts: [String] = []
        for entry in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let path = folder.path + "/" + entry
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                let inner = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
                parts += inner.map { path + "/" + $0 }
            } else {
                parts.append(path)
            }
        }
        let paths = parts
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            try? FileManager.default.removeItem(atPath: paths[index])
        }
        try? fileManager.removeItem(at: folder)
    }

    /// Writes each held file atomically, so a reader sees a whole old or a whole new file.
    private func writePendingFiles() throws {
        let pending = lock.withLock { () -> [String: Data] in
            defer { pendingFiles = [:] }
            return pendingFiles
        }
        for (relative, data) in pending.sorted(by: { $0.key < $1.key }) {
            let url = output.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw SiteError(file: url.path, message: "cannot write output file (\(Self.reason(error)))",
                                fix: "check free disk space and permissions of the output folder")
            }
            lock.withLock { changedFiles.append(relative) }
        }
    }

    func abandon() {
        if !inPlace { try? FileManager.default.removeItem(at: staging) }
    }
}

/// Files under a spare output that its manifest does not name: the manifest knows what the build
/// before wrote, not what else was put in that output by hand since, and a stray file must not
/// outlive the next swap. Searched on another thread from the start of a build, through folder
/// descriptors, so the search goes on when the spare is renamed to become the staging folder.
final class StrayFiles: @unchecked Sendable {
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var strays: Set<String> = []
    private var links = false

    /// Starts searching `folder` (nothing is found when it cannot be opened; a folder that is a
    /// symbolic link counts as holding one).
    init(searching folder: String, known: Set<String>) {
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else {
            links = errno == ELOOP || errno == ENOTDIR
            return
        }
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            var found: Set<String> = []
            var links = false
            Self.list(root, prefix: "", known: known, into: &found, links: &links)
            self.lock.withLock {
                self.strays = found
                self.links = links
            }
        }
    }

    /// Waits for the search: whether the folder holds a symbolic link anywhere.
    func holdsLinks() -> Bool {
        group.wait()
        return lock.withLock { links }
    }

    /// Waits for the search, relative paths.
    func found() -> Set<String> {
        group.wait()
        return lock.withLock { strays }
    }

    /// Lists the folder open at `descriptor` (and closes it).
    private static func list(_ descriptor: Int32, prefix: String, known: Set<String>, into found: inout Set<String>, links: inout Bool) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = ContentWalker.name(of: entry)
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_LNK) { links = true }
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
                if fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFLNK { links = true }
            }
            if isFolder {
                let child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { list(child, prefix: prefix + name + "/", known: known, into: &found, links: &links) }
            } else if !known.contains(prefix + name) {
                found.insert(prefix + name)
            }
        }
    }
}

/// An output from before the current one, kept beside the build cache so the next cached build
/// can update it into the new output instead of building a staging folder from nothing.
struct SpareOutput: Sendable, Equatable {
    var folder: URL
    /// Every file it holds, relative to it.
    var files: Set<String>
    /// Those of `files` whose bytes differ from the current output's file of the same name.
    var stale: Set<String>
}

extension OutputWriter {

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return nsError.localizedDescription
    }
}
