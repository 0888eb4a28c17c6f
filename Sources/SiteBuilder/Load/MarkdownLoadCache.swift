import Foundation

/// Pages already read and decoded, by file, for a process that builds the same site again and
/// again (the preview server), or restored from the build cache (`PageCacheFile`): a file whose
/// size, modification time and inode are unchanged is not read, split or decoded again.
/// Thread-safe: the loader fills it from parallel tasks.
public final class MarkdownLoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        var inode: UInt64

        init(size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int, inode: UInt64) {
            self.size = size
            self.modifiedSeconds = modifiedSeconds
            self.modifiedNanoseconds = modifiedNanoseconds
            self.inode = inode
        }

        init(_ info: stat) {
            size = Int64(info.st_size)
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
            inode = UInt64(info.st_ino)
        }
    }

    private struct Entry {
        var stamp: Stamp
        var loaded: SiteLoader.LoadedMarkdown
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// Files read (not taken from the cache) by the last load, for tests and reports.
    public private(set) var filesRead = 0

    /// Whether entries were added or dropped since the cache was made or restored.
    private var changed = false

    public init() {}

    /// The cache `save(to:)` left in `file`; empty when there is none or it is unreadable.
    init(restoringFrom file: URL, contentFolder: URL) {
        guard let data = FileManager.default.contents(atPath: file.path),
              let restored = PageCacheFile.decode(data, contentFolder: contentFolder) else { return }
        entries = restored.mapValues { Entry(stamp: $0.0, loaded: $0.1) }
    }

    /// Writes the entries for the next process, when they changed.
    func save(to file: URL) {
        let data = lock.withLock { () -> Data? in
            guard self.changed else { return nil }
            self.changed = false
            return PageCacheFile.encode(entries.mapValues(\.stamp)) { entries[$0]?.loaded }
        }
        guard let data else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)
    }

    func loaded(_ path: String, stamp: Stamp) -> SiteLoader.LoadedMarkdown? {
        lock.withLock { entries[path].flatMap { $0.stamp == stamp ? $0.loaded : nil } }
    }

    func store(_ loaded: SiteLoader.LoadedMarkdown, for path: String, stamp: Stamp) {
        lock.withLock {
            filesRead += 1
            changed = true
            entries[path] = Entry(stamp: stamp, loaded: loaded)
        }
    }

    /// Forgets files that no longer exist, and starts counting reads anew.
    func beginLoad(keeping paths: Set<String>) {
        lock.withLock {
            filesRead = 0
            let before = entries.count
            entries = entries.filter { paths.contains($0.key) }
            if entries.count != before { changed = true }
        }
    }
}
