import Foundation

/// The persisted build cache in `.crossroads-cache/` inside the site (delete it at any time; git
/// ignores it): the key of every output of the last successful build and the files that build
/// wrote, so a page whose key is unchanged is taken from the previous output instead of rendered
/// again; and the output before that one, kept as a spare (`SpareOutput`) that the next build
/// updates into its staging folder.
///
/// The manifest is one record per line (`key`, `file`, `spare`, `stale`, then a tab and the
/// value), which reads in a few milliseconds for a 10,000-page site where JSON took a tenth of a
/// second.
struct BuildCache {
    static let folderName = ".crossroads-cache"
    static let format = 4

    let file: URL
    let spareFolder: URL
    /// The decoded pages (`PageCacheFile`); they depend on the sources alone, not on the output.
    let pagesFile: URL
    let output: URL
    /// Options that change every page when they change.
    let fingerprint: String

    init(source: URL, output: URL, options: BuildOptions) {
        let folder = source.appendingPathComponent(Self.folderName)
        file = folder.appendingPathComponent("build-manifest.txt")
        spareFolder = folder.appendingPathComponent("spare-output")
        pagesFile = folder.appendingPathComponent("pages.bin")
        self.output = output
        fingerprint = "format=\(Self.format);output=\(output.path);base=\(options.baseURL ?? "");drafts=\(options.includeDrafts)"
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
        var keys: [String: UInt64] = [:]
        var files: Set<String> = []
        var spareFiles: Set<String> = []
        var stale: Set<String> = []
        var hasSpare = false
        var sawFingerprint = false
        var complete = false
        for line in data.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { return nil }
            let kind = String(decoding: line[line.startIndex..<tab], as: UTF8.self)
            let value = String(decoding: line[(tab + 1)...], as: UTF8.self)
            switch kind {
            case "fingerprint":
                guard value == fingerprint else { return nil }
                sawFingerprint = true
            case "key":
                guard let space = value.firstIndex(of: " "), let key = UInt64(value[..<space], radix: 16) else { return nil }
                keys[String(value[value.index(after: space)...])] = key
            case "file": files.insert(value)
            case "spare": hasSpare = true
            case "spare-file": spareFiles.insert(value)
            case "stale": stale.insert(value)
            case "output": break
            case "end": complete = true
            default: return nil
            }
        }
        guard sawFingerprint, complete else { return nil }
        let spare = hasSpare ? SpareOutput(folder: spareFolder, files: spareFiles, stale: stale) : nil
        return State(reuse: SiteRenderer.Reuse(keys: keys, searchLines: PreviousSearchLines(output: output)), files: files, spare: spare)
    }

    /// Called before the output is replaced: a build killed between the swap and `save` must not
    /// leave a manifest that describes an older output.
    func invalidate() { try? FileManager.default.removeItem(at: file) }

    /// For a build that does not use the cache but replaces the output the cache describes:
    /// nothing in it holds any more. A cache that describes another output folder is kept.
    func discard() {
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        let describes = data.split(separator: UInt8(ascii: "\n"), maxSplits: 2).contains { Data($0) == Data(("output\t" + output.path).utf8) }
        guard describes else { return }
        invalidate()
        try? FileManager.default.removeItem(at: spareFolder)
    }

    func save(keys: [String: UInt64], files: Set<String>, spare: SpareOutput?) {
        var lines = ["fingerprint\t" + fingerprint, "output\t" + output.path]
        let paths = Array(keys.keys) + Array(files) + Array(spare?.files ?? [])
        // A path with a line break cannot be written in this format: keep no cache rather than a wrong one.
        guard !fingerprint.contains("\n"), !paths.contains(where: { $0.contains("\n") }) else { return }
        lines.reserveCapacity(keys.count + files.count + (spare?.files.count ?? 0) + 4)
        // Unsorted: the order means nothing, and sorting 30,000 paths cost more than writing them.
        for (path, key) in keys { lines.append("key\t" + String(key, radix: 16) + " " + path) }
        for path in files { lines.append("file\t" + path) }
        if let spare {
            lines.append("spare\t")
            for path in spare.files { lines.append("spare-file\t" + path) }
            for path in spare.stale { lines.append("stale\t" + path) }
        }
        lines.append("end\t")
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
    }
}
