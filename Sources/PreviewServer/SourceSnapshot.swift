import Foundation
import SiteBuilder
#if canImport(Glibc)
import Glibc
#endif

/// Modification time, size, inode and status change time of every source file the site is built
/// from: cheap to take (one `stat` per file, no reads), and any save changes at least one of them
/// (the change time even when a tool sets the modification time back, as `cp -p` and `touch -r` do).
struct SourceSnapshot: Equatable, Sendable {
    /// Site-relative path ("content/x.md") -> stamp.
    private(set) var stamps: [String: FileStamp] = [:]

    /// The folders and files a build reads (templates/assets lives inside templates/).
    static let watchedRoots = ["content", "templates", "i18n", "site.yml"]

    static func take(of site: URL) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        for root in watchedRoots {
            snapshot.add(relative: root, under: site.path, depth: 0)
        }
        return snapshot
    }

    /// The files under one site-relative folder (a folder that just appeared).
    static func take(of site: URL, under relative: String) -> SourceSnapshot {
        var snapshot = SourceSnapshot()
        snapshot.add(relative: relative, under: site.path, depth: relative.split(separator: "/").count - 1)
        return snapshot
    }

    /// Takes these site-relative paths as they are now (reported by file notifications), so a
    /// later comparison with a full scan does not report them again.
    mutating func refresh(_ paths: Set<String>, site: URL) {
        for path in paths {
            stamps[path] = nil
            add(relative: path, under: site.path, depth: 0)
        }
    }

    /// Paths added, removed or changed between two snapshots.
    func changes(since earlier: SourceSnapshot) -> Set<String> {
        var changed: Set<String> = []
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.insert(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        return changed
    }

    private mutating func add(relative: String, under sitePath: String, depth: Int) {
        // Deep enough for any real site, shallow enough that a symbolic-link loop cannot run away.
        guard depth < 32 else { return }
        let absolute = sitePath + "/" + relative
        var info = stat()
        guard stat(absolute, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return }
            for entry in entries where !Self.isEditorScratch(entry) {
                add(relative: relative + "/" + entry, under: sitePath, depth: depth + 1)
            }
        } else if !Self.isEditorScratch((relative as NSString).lastPathComponent) {
            stamps[relative] = FileStamp(info)
        }
    }

    /// Files editors write beside the real one while saving; a build never reads them.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" || name == ".DS_Store"
    }
}
