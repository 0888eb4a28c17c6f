import Foundation

/// Lists the files under `content/` in a stable order, skipping hidden files and refusing to
/// follow symbolic links out of the site folder (see `SymbolicLinks`) or around in a loop. Reads each folder with
/// `readdir` and each entry with one `stat` (following links), whose size, time and inode the
/// preview's loader compares to skip unchanged files (Foundation's per-entry calls were a
/// tenth of a preview rebuild at 10,000 pages).
enum ContentWalker {
    struct File: Sendable {
        /// Absolute path (a string: a URL per file was a measurable part of listing 10,000 files).
        var path: String
        var url: URL { URL(fileURLWithPath: path, isDirectory: false) }
        /// Relative to the content folder, with `/`.
        var relativePath: String
        /// The file as `stat` saw it while listing.
        var stamp: FileStamp
        /// Whether this process may read it: a file it may not read fails the build even when
        /// its stamp is in the cache (another user's build, or one with more privileges, may
        /// have put it there).
        var readable: Bool
    }

    /// `siteRoot`: the real path of the site folder, which no symbolic link may lead out of.
    static func files(in folder: URL, siteRoot: String, errors: inout ErrorCollector) -> [File] {
        var result: [File] = []
        var visited: Set<String> = []
        walk(folder.path, prefix: "", siteRoot: siteRoot, visited: &visited, result: &result, errors: &errors)
        return result.sorted { $0.relativePath < $1.relativePath }
    }

    private static func walk(_ folder: String, prefix: String, siteRoot: String, visited: inout Set<String>, result: inout [File],
                             errors: inout ErrorCollector) {
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            errors.add(SiteError(file: "content/" + prefix, message: "symbolic link loop: this folder leads back to a folder already read",
                                 fix: "remove the symbolic link that points back up the tree"))
            return
        }
        guard let directory = opendir(folder) else {
            errors.add(SiteError(file: "content/" + prefix, message: "cannot list this folder",
                                 fix: "check that it exists and that you have permission to read it"))
            return
        }
        defer { closedir(directory) }
        // `fstatat` from the open folder: `stat` with the whole path looked every folder up again.
        let folderDescriptor = dirfd(directory)
        for (name, type) in entries(of: directory).sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let relative = prefix + name
            if type == UInt8(DT_LNK) || (type == UInt8(DT_UNKNOWN) && SymbolicLinks.isLink(path)),
               let error = SymbolicLinks.escape(link: path, display: "content/" + relative, siteRoot: siteRoot) {
                errors.add(error)
                continue
            }
            var info = stat()
            guard fstatat(folderDescriptor, name, &info, 0) == 0 else {
                errors.add(SiteError(file: "content/" + relative, message: "broken symbolic link", fix: "point it at an existing file or delete it"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, prefix: relative + "/", siteRoot: siteRoot, visited: &visited, result: &result, errors: &errors)
            } else {
                result.append(File(path: path, relativePath: relative, stamp: FileStamp(info),
                                   readable: faccessat(folderDescriptor, name, R_OK, AT_EACCESS) == 0))
            }
        }
    }

    /// Names and `d_type`s of a folder's entries.
    private static func entries(of directory: OpaquePointer) -> [(name: String, type: UInt8)] {
        var names: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { names.append((name, entry.pointee.d_type)) }
        }
        return names
    }

    /// The name `readdir` gives for an entry.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
    }
}
