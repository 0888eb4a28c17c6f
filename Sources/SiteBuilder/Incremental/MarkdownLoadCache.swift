import Foundation
import Synchronization

/// Pages already read and decoded, by file, for a process that builds the same site again and
/// again (the preview server), or restored from the build cache (`PageCacheFile`): a file whose
/// size, modification time, inode and status change time are unchanged is not read, split or
/// decoded again.
///
/// The modification time alone can lie (`cp -p`, `touch -r` and checkouts set it back), but the
/// status change time (`ctime`) is set by the kernel on every write, rename, `chmod` or `touch`
/// and no program can set it back. It can still fail to move between two changes within one
/// tick of the file system's clock; so an entry read within `racyWindow` of the file's last
/// change is not trusted: it is read again (its content hashed again) next time.
/// Thread-safe: the loader fills it from parallel tasks.
final class MarkdownLoadCache: Sendable {
    private struct Entry: Sendable {
        var stamp: FileStamp
        var loaded: SiteLoader.LoadedMarkdown
        /// False for a file changed within `racyWindow` of being read (see the type's comment):
        /// such an entry is never reused or saved.
        var trusted = true
    }

    /// Seconds: two on file systems that keep whole seconds (such a change time has no
    /// nanoseconds), a tenth where times have nanoseconds (the kernel's clock ticks every few
    /// milliseconds).
    static func racyWindow(for stamp: FileStamp) -> Double {
        stamp.changedNanoseconds == 0 && stamp.modifiedNanoseconds == 0 ? 2 : 0.1
    }

    /// Everything the parallel loader reads and changes, behind one lock.
    private struct State: Sendable {
        var entries: [String: Entry] = [:]
        /// Files read (not taken from the cache) by the last load.
        var filesRead = 0
        /// Files stored and files dropped since the cache was made, restored or saved.
        var stored: Set<String> = []
        var dropped: Set<String> = []
        /// The file this cache was restored from: its size then, and how many records it held.
        var restored: (file: URL, size: Int, records: Int)?
    }

    private let state: Mutex<State>
    /// The content folder the saved file describes.
    private let contentFolder: URL?

    /// Files read (not taken from the cache) by the last load, for tests and reports.
    var filesRead: Int { state.withLock { $0.filesRead } }

    init() {
        state = Mutex(State())
        contentFolder = nil
    }

    /// The cache `save(to:)` left in `file`; empty when there is none, it is unreadable, or it
    /// describes another content folder.
    init(restoringFrom file: URL, contentFolder: URL) {
        self.contentFolder = contentFolder
        var restoredState = State()
        if let data = FileManager.default.contents(atPath: file.path),
           let decoded = PageCacheFile.decode(data, contentFolder: contentFolder) {
            restoredState.entries = decoded.entries.mapValues { Entry(stamp: $0.0, loaded: $0.1) }
            restoredState.restored = (file, data.count, decoded.records)
        }
        state = Mutex(restoredState)
    }

    /// What may be saved for a file: nothing when its entry is not trusted (see `Entry.trusted`).
    private static func savable(_ path: String, in entries: [String: Entry]) -> SiteLoader.LoadedMarkdown? {
        guard let entry = entries[path] else { return nil }
        return entry.trusted ? entry.loaded : SiteLoader.LoadedMarkdown(content: .nothing, errors: [])
    }

    /// Writes the entries for the next process, when they changed: only the changed ones,
    /// appended to the file this cache came from, unless the file has grown to twice what it
    /// holds (then, or for a new file, all of them).
    func save(to file: URL) {
        let contentFolder = contentFolder
        state.withLock { state in
            guard !state.stored.isEmpty || !state.dropped.isEmpty else { return }
            defer {
                state.stored = []
                state.dropped = []
            }
            let entries = state.entries
            let savable = { (path: String) in Self.savable(path, in: entries) }
            let changes = state.stored.count + state.dropped.count
            if let restored = state.restored, restored.file == file, restored.records + changes < 2 * max(entries.count, 64),
               let handle = FileHandle(forUpdatingAtPath: file.path) {
                defer { try? handle.close() }
                // Appends only to the file as it was read: another build may have replaced it since.
                if let size = try? handle.seekToEnd(), Int(size) == restored.size {
                    var writer = BinaryWriter()
                    let stored = state.stored
                    PageCacheFile.appendRecords(for: entries.filter { stored.contains($0.key) }.mapValues(\.stamp), loaded: savable,
                                                forgetting: state.dropped, to: &writer)
                    if (try? handle.write(contentsOf: writer.data)) != nil {
                        state.restored = (file, restored.size + writer.bytes.count, restored.records + changes)
                        return
                    }
                }
            }
            guard let contentFolder else { return }
            let data = PageCacheFile.encode(entries.mapValues(\.stamp), contentFolder: contentFolder, loaded: savable)
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if (try? data.write(to: file, options: .atomic)) != nil {
                state.restored = (file, data.count, entries.count)
            }
        }
    }

    func loaded(_ path: String, stamp: FileStamp) -> SiteLoader.LoadedMarkdown? {
        state.withLock { $0.entries[path].flatMap { $0.trusted && $0.stamp == stamp ? $0.loaded : nil } }
    }

    func store(_ loaded: SiteLoader.LoadedMarkdown, for path: String, stamp: FileStamp) {
        state.withLock { state in
            state.filesRead += 1
            state.stored.insert(path)
            // Taken after the read: a change after it moves the stamp unless within the window.
            let now = Date().timeIntervalSince1970
            let changed = max(Double(stamp.changedSeconds) + Double(stamp.changedNanoseconds) / 1e9,
                              Double(stamp.modifiedSeconds) + Double(stamp.modifiedNanoseconds) / 1e9)
            state.entries[path] = Entry(stamp: stamp, loaded: loaded, trusted: changed < now - Self.racyWindow(for: stamp))
        }
    }

    /// Forgets files that no longer exist, and starts counting reads anew.
    func beginLoad(keeping paths: Set<String>) {
        state.withLock { state in
            state.filesRead = 0
            // Removed one by one: rebuilding a 10,000-entry dictionary for a few gone files cost more.
            for path in state.entries.keys.filter({ !paths.contains($0) }) {
                state.entries[path] = nil
                state.dropped.insert(path)
                state.stored.remove(path)
            }
        }
    }
}
