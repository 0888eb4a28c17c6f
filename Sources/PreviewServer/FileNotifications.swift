#if os(Linux)
import Foundation
import Glibc

/// The kernel's word on which source files changed (Linux `inotify`), so the preview reacts to a
/// save at once instead of at its next scan, and never lists 10,000 files to find one edit.
///
/// Watches `content/`, `templates/` and `i18n/` with every folder below them, and the site folder itself
/// for `site.yml`. A folder created later is watched as soon as it appears, and the files already
/// in it count as changed. When the kernel drops events (its queue overflowed) or a watched root
/// is replaced, `drain` says so and the caller compares a full scan instead.
/// Not thread-safe: one thread reads it.
final class FileNotifications {
    /// What `drain` found.
    struct Batch {
        /// Site-relative paths (`content/pitfalls/x.md`) that were written, created, removed or moved.
        var paths: Set<String> = []
        /// Events were lost, or a root itself changed: only a full scan can tell what changed.
        var needsScan = false
    }

    private let site: String
    private let descriptor: Int32
    /// Written to by `stop()` to wake `wait`.
    private let wakePipe: (read: Int32, write: Int32)
    /// Watch descriptor -> site-relative folder ("" for the site folder itself).
    private var folders: [Int32: String] = [:]

    private static let folderMask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                           | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    private static let roots = ["content", "templates", "i18n"]

    /// Nil where the system has no file notifications or refuses them (too many watches, say);
    /// the caller then scans on a timer.
    init?(site: URL) {
        self.site = site.path
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            Glibc.close(descriptor)
            return nil
        }
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        wakePipe = (pipeEnds[0], pipeEnds[1])
        // From here on `deinit` closes the descriptors.
        guard watch(relative: "", recursively: false) else { return nil }
        for root in Self.roots where FileManager.default.fileExists(atPath: self.site + "/" + root) {
            guard watch(relative: root, recursively: true) else { return nil }
        }
    }

    deinit {
        Glibc.close(descriptor)
        Glibc.close(wakePipe.read)
        Glibc.close(wakePipe.write)
    }

    /// Wakes a thread blocked in `wait` for good.
    func stop() {
        var byte: UInt8 = 1
        _ = write(wakePipe.write, &byte, 1)
    }

    /// Blocks until events arrive (true), `milliseconds` pass (false) or `stop()` is called (nil).
    func wait(milliseconds: Int32) -> Bool? {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, milliseconds)
        if fds[1].revents != 0 { return nil }
        return ready > 0 && fds[0].revents != 0
    }

    /// Everything the kernel has reported since the last call, without blocking.
    func drain() -> Batch {
        var batch = Batch()
        let size = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer, size)
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size).assumingMemoryBound(to: CChar.self)
                let name = event.len > 0 ? String(cString: nameStart) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                handle(event, name: name, into: &batch)
            }
        }
        return batch
    }

    private func handle(_ event: inotify_event, name: String, into batch: inout Batch) {
        let mask = event.mask
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            batch.needsScan = true
            return
        }
        if mask & UInt32(IN_IGNORED) != 0 {
            folders[event.wd] = nil
            return
        }
        guard let folder = folders[event.wd] else { return }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            // A root folder itself went away or moved: what is there now is for a scan to find.
            if Self.roots.contains(folder) || folder.isEmpty { batch.needsScan = true }
            return
        }
        if folder.isEmpty {
            // The site folder: site.yml, or a root folder appearing, leaving or being replaced.
            if name == "site.yml" {
                batch.paths.insert(name)
            } else if Self.roots.contains(name) {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = watch(relative: name, recursively: true) }
                batch.needsScan = true
            }
            return
        }
        guard !name.isEmpty, !SourceSnapshot.isEditorScratch(name) else { return }
        let path = folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                // Files may have been written into it before its watch existed: they count as changed.
                _ = watch(relative: path, recursively: true)
                batch.paths.formUnion(SourceSnapshot.take(of: URL(fileURLWithPath: site), under: path).stamps.keys)
            } else {
                // A folder removed or moved away: the scan knows which files went with it.
                batch.needsScan = true
            }
            return
        }
        batch.paths.insert(path)
    }

    /// Adds a watch on a site-relative folder (and, recursively, every folder below it). A folder
    /// already watched (a symbolic link back up the tree) is not entered again, and the depth is
    /// bounded as in `SourceSnapshot`.
    @discardableResult
    private func watch(relative: String, recursively: Bool, depth: Int = 0) -> Bool {
        guard depth < 32 else { return true }
        let absolute = relative.isEmpty ? site : site + "/" + relative
        let wd = inotify_add_watch(descriptor, absolute, Self.folderMask)
        guard wd >= 0 else { return false }
        // The kernel gives the same descriptor for the same folder however it is reached.
        if let known = folders[wd], known != relative { return true }
        folders[wd] = relative
        guard recursively else { return true }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? [] {
            var info = stat()
            guard stat(absolute + "/" + entry, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            guard watch(relative: relative + "/" + entry, recursively: true, depth: depth + 1) else { return false }
        }
        return true
    }
}
#endif
