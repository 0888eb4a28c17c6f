import Foundation

/// The persisted build cache in `.crossroads-cache/` inside the site (delete it at any time; git
/// ignores it): the key of every output of the last successful build and the files that build
/// wrote, so a page whose key is unchanged is taken from the previous output instead of rendered
/// again; and the output before that one, kept as a spare (`SpareOutput`) that the next build
/// updates into its staging folder.
///
/// The manifest is binary (`BinaryWriter`): it reads in milliseconds for a 10,000-page site,
/// where JSON took a tenth of a second.
struct BuildCache {
    static let folderName = ".crossroads-cache"
    static let format = 4
    static let magic = "crossroads-build-manifest-\(format)"

    let file: URL
    let spareFolder: URL
    /// The decoded pages (`PageCacheFile`); they depend on the sources alone, not on the output.
    let pagesFile: URL
    let output: URL
    /// Options that change every page when they change.
    let fingerprint: String

    init(source: URL, output: URL, options: BuildOptions) {
        let folder = source.appendingPathComponent(Self.folderName)
        file = folder.appendingPathComponent("build-manifest.bin")
        spareFolder = folder.appendingPathComponent("spare-output")
        pagesFile = folder.appendingPathComponent("pages.bin")
        self.output = output
        // The output folder is a field of its own in the manifest (`discard` reads it).
        fingerprint = "format=\(Self.format);base=\(options.baseURL ?? "");drafts=\(options.includeDrafts)"
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
              let keyCount = reader.int(), keyCount >= 0 else { return nil }
        var keys: [String: UInt64] = [:]
        keys.reserveCapacity(keyCount)
        for _ in 0..<keyCount {
            guard let path = reader.string(), let key = reader.int() else { return nil }
            keys[path] = UInt64(truncatingIfNeeded: key)
        }
        guard let files = reader.strings(), let hasSpare = reader.int(), let spareFiles = reader.strings(), let stale = reader.strings(),
              reader.string() == Self.magic, reader.isAtEnd else { return nil }
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

    func save(keys: [String: UInt64], files: Set<String>, spare: SpareOutput?) {
        var writer = BinaryWriter()
        writer.string(Self.magic)
        writer.string(fingerprint)
        writer.string(output.path)
        writer.int(keys.count)
        // Unsorted: the order means nothing, and sorting 30,000 paths cost more than writing them.
        for (path, key) in keys {
            writer.string(path)
            writer.int(Int(truncatingIfNeeded: key))
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
