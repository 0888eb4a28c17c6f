import Foundation

/// Pages already read and decoded, by file, for a process that builds the same site again and
/// again (the preview server): a file whose size, modification time and inode are unchanged is
/// not read, split or decoded again. Thread-safe: the loader fills it from parallel tasks.
public final class MarkdownLoadCache: @unchecked Sendable {
    struct Stamp: Equatable {
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
        var inode: UInt64

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

    public init() {}

    func loaded(_ path: String, stamp: Stamp) -> SiteLoader.LoadedMarkdown? {
        lock.withLock { entries[path].flatMap { $0.stamp == stamp ? $0.loaded : nil } }
    }

    func store(_ loaded: SiteLoader.LoadedMarkdown, for path: String, stamp: Stamp) {
        lock.withLock {
            filesRead += 1
            entries[path] = Entry(stamp: stamp, loaded: loaded)
        }
    }

    /// Forgets files that no longer exist, and starts counting reads anew.
    func beginLoad(keeping paths: Set<String>) {
        lock.withLock {
            filesRead = 0
            entries = entries.filter { paths.contains($0.key) }
        }
    }
}
