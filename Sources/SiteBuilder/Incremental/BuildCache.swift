import Foundation

/// The persisted build cache in `.crossroads-cache/` inside the site (delete it at any time; git
/// ignores it): the key of every output of the last successful build and the files that build
/// wrote, so a page whose key is unchanged is taken from the previous output instead of rendered
/// again; and the output before that one, kept as a spare (`SpareOutput`) that the next build
/// updates into its staging folder.
///
/// The manifest describes one site and one output, and is ignored for any other: it names the
/// site's folder (path and identity, so a copy of the site with its cache does not trust it) and
/// the output folder (path, and the identity and change time the output had when this build
/// swapped it in: another site or build that replaces the output since changes them).
///
/// The manifest is binary (`BinaryWriter`): it reads in milliseconds for a 10,000-page site,
/// where JSON took a tenth of a second.
struct BuildCache {
    static let folderName = ".crossroads-cache"
    static let format = 5
    static let magic = "crossroads-build-manifest-\(format)"

    let file: URL
    let spareFolder: URL
    /// The decoded pages (`PageCacheFile`); they depend on the sources alone, not on the output.
    let pagesFile: URL
    let source: URL
    let output: URL
    /// Options that change every page when they change.
    let fingerprint: String

    init(source: URL, output: URL, options: BuildOptions) {
        let folder = source.appendingPathComponent(Self.folderName)
        file = folder.appendingPathComponent("build-manifest.bin")
        spareFolder = folder.appendingPathComponent("spare-output")
        pagesFile = folder.appendingPathComponent("pages.bin")
        self.source = source
        self.output = output
        // The output folder is a field of its own in the manifest (`discard` reads it).
        fingerprint = "format=\(Self.format);engine=\(EngineIdentity.current);base=\(options.baseURL ?? "");drafts=\(options.includeDrafts)"
    }

    /// What the previous build left.
    struct State {
        var reuse: SiteRenderer.Reuse
        /// Files in the current output.
        var files: Set<String>
        var spare: SpareOutput?
    }

    /// What the previous build can lend, or nil when there is nothing trustworthy to reuse.
    func load() -> State? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        var reader = BinaryReader(data)
        guard reader.string() == Self.magic, reader.string() == fingerprint, reader.string() == output.path,
              let sourceIdentity = FolderIdentity(path: source.path, withChangeTime: false),
              FolderIdentity(reading: &reader) == sourceIdentity,
              let outputIdentity = FolderIdentity(path: output.path), FolderIdentity(reading: &reader) == outputIdentity,
              let readsCount = reader.int(), readsCount >= 0, readsCount <= data.count else { return nil }
        var readsTable: [RecordedReads] = []
        for _ in 0..<readsCount {
            guard let templates = reader.strings(), let dataKeys = reader.strings(), let flags = reader.int() else { return nil }
            readsTable.append(RecordedReads.interned(templates: templates, dataKeys: dataKeys, allData: flags & 1 != 0,
                                                     questionnaire: flags & 2 != 0, everything: flags & 4 != 0))
        }
        guard let keyCount = reader.int(), keyCount >= 0 else { return nil }
        var keys: [String: OutputRecord] = [:]
        keys.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            guard let path = reader.string(), let key = reader.int(), let readsIndex = reader.int(),
                  readsTable.indices.contains(readsIndex) else { return nil }
            keys[path] = OutputRecord(key: UInt64(truncatingIfNeeded: key), reads: readsTable[readsIndex])
        }
        guard let files = reader.strings(), let hasSpare = reader.int(), let spareFiles = reader.strings(), let stale = reader.strings(),
              reader.string() == Self.magic, reader.isAtEnd else { return nil }
        // The file lists say what a build may delete: a manifest naming anything but a checked
        // output path (`../`, an absolute path) was not written by Crossroads and is not trusted.
        for list in [files, spareFiles, stale] where !list.allSatisfy(OutputPath.isFile) { return nil }
        let spare = hasSpare != 0 ? SpareOutput(folder: spareFolder, files: Set(spareFiles), stale: Set(stale)) : nil
        return State(reuse: SiteRenderer.Reuse(keys: keys, searchLines: PreviousSearchLines(output: output)), files: Set(files), spare: spare)
    }

    /// Called before the output is replaced: a build killed between the swap and `save` must not
    /// leave a manifest that describes an older output.
    func invalidate() { try? FileManager.default.removeItem(at: file) }

    /// For a build that does not use the cache but replaces the output the cache describes:
    /// nothing in it holds any more. A cache that describes another output folder is kept.
    func discard() {
        // The head of the manifest is enough: magic, fingerprint, output folder.
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return }
        let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        try? handle.close()
        var reader = BinaryReader(head)
        _ = reader.string()
        _ = reader.string()
        guard reader.string() == output.path else { return }
        invalidate()
        try? FileManager.default.removeItem(at: spareFolder)
    }

    /// Called right after the swap, so the output's identity is the one this build gave it.
    func save(keys: [String: OutputRecord], files: Set<String>, spare: SpareOutput?) {
        guard let sourceIdentity = FolderIdentity(path: source.path, withChangeTime: false), let outputIdentity = FolderIdentity(path: output.path) else { return }
        var writer = BinaryWriter()
        writer.string(Self.magic)
        writer.string(fingerprint)
        writer.string(output.path)
        sourceIdentity.write(to: &writer)
        outputIdentity.write(to: &writer)
        var readsIndex: [RecordedReads: Int] = [:]
        var readsTable: [RecordedReads] = []
        for record in keys.values where readsIndex[record.reads] == nil {
            readsIndex[record.reads] = readsTable.count
            readsTable.append(record.reads)
        }
        writer.int(readsTable.count)
        for reads in readsTable {
            writer.strings(reads.templates)
            writer.strings(reads.dataKeys)
            writer.int((reads.allData ? 1 : 0) | (reads.questionnaire ? 2 : 0) | (reads.everything ? 4 : 0))
        }
        writer.int(keys.count)
        // Unsorted: the order means nothing, and sorting 30,000 paths cost more than writing them.
        for (path, record) in keys {
            writer.string(path)
            writer.int(Int(truncatingIfNeeded: record.key))
            writer.int(readsIndex[record.reads] ?? 0)
        }
        writer.strings(Array(files))
        writer.int(spare == nil ? 0 : 1)
        writer.strings(Array(spare?.files ?? []))
        writer.strings(Array(spare?.stale ?? []))
        writer.string(Self.magic)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? writer.data.write(to: file, options: .atomic)
    }
}

/// Which folder a path names, and when that folder was last changed: device, inode and status
/// change time (`ctime`, which no program can set back). A folder swapped into place by a build
/// gets a new change time, so another build's output in the same place never passes for this one.
/// The site's folder is named without its change time, which every build into `public/` moves.
struct FolderIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var changedSeconds: Int
    var changedNanoseconds: Int

    init?(path: String, withChangeTime: Bool = true) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        changedSeconds = withChangeTime ? Int(info.st_ctim.tv_sec) : 0
        changedNanoseconds = withChangeTime ? Int(info.st_ctim.tv_nsec) : 0
    }

    init?(reading reader: inout BinaryReader) {
        guard let device = reader.int(), let inode = reader.int(), let seconds = reader.int(), let nanoseconds = reader.int() else { return nil }
        self.device = UInt64(truncatingIfNeeded: device)
        self.inode = UInt64(truncatingIfNeeded: inode)
        changedSeconds = seconds
        changedNanoseconds = nanoseconds
    }

    func write(to writer: inout BinaryWriter) {
        writer.int(Int(truncatingIfNeeded: device))
        writer.int(Int(truncatingIfNeeded: inode))
        writer.int(changedSeconds)
        writer.int(changedNanoseconds)
    }
}
