import Foundation
import Synchronization

/// Files under a spare output that its manifest does not name: the manifest knows what the build
/// before wrote, not what else was put in that output by hand since, and a stray file must not
/// outlive the next swap. Searched on another thread from the start of a build, through folder
/// descriptors, so the search goes on when the spare is renamed to become the staging folder.
final class StrayFiles: Sendable {
    private let group = DispatchGroup()
    private let search = Mutex<(strays: Set<String>, links: Bool)>(([], false))

    /// Starts searching `folder` (nothing is found when it cannot be opened; a folder that is a
    /// symbolic link counts as holding one).
    init(searching folder: String, known: Set<String>) {
        let root = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else {
            let links = errno == ELOOP || errno == ENOTDIR
            search.withLock { $0.links = links }
            return
        }
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            var found: Set<String> = []
            var links = false
            Self.list(root, prefix: "", known: known, into: &found, links: &links)
            self.search.withLock { $0 = (found, links) }
        }
    }

    /// Waits for the search: whether the folder holds a symbolic link anywhere.
    func holdsLinks() -> Bool {
        group.wait()
        return search.withLock { $0.links }
    }

    /// Waits for the search, relative paths.
    func found() -> Set<String> {
        group.wait()
        return search.withLock { $0.strays }
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
