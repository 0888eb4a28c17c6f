import Foundation

/// The policy for symbolic links in a site (docs: README, "What a build may touch"): a link under
/// `content/`, `templates/` (assets included) or the site folder's own `site.yml`, `content` and
/// `templates` entries is followed only when its target lies inside the site folder. A link that
/// leads out of it is an error naming the link, so a build never publishes a file from elsewhere
/// on the machine (`/etc/passwd`, a CI runner's keys) because someone committed a link to it.
enum SymbolicLinks {
    /// The real path of a folder, links resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The error for the symbolic link at `path` when its target lies outside `siteRoot` (a real
    /// path); nil when it stays inside, or when it is broken (the reader reports that).
    static func escape(link path: String, display: String, siteRoot: String) -> SiteError? {
        guard let target = realPath(path) else { return nil }
        if target == siteRoot || target.hasPrefix(siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/") { return nil }
        return SiteError(file: display, message: "symbolic link to \(target), which is outside the site folder",
                         fix: "copy the file into the site instead of linking to it, or point the link at a file inside the site")
    }

    /// Whether the entry at `path` is a symbolic link (the entry itself, not what it points at).
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Checks `names` directly in the site folder, and every link under the folders among them,
    /// without following links to folders (the walk of `content/` checks its own links as it reads).
    static func check(site: URL, entries names: [String], walking walked: [String]) -> [SiteError] {
        guard let root = realPath(site.path) else { return [] }
        var errors: [SiteError] = []
        for name in names {
            let path = site.path + "/" + name
            if isLink(path), let error = escape(link: path, display: name, siteRoot: root) { errors.append(error) }
        }
        for name in walked {
            guard let folder = realPath(site.path + "/" + name) else { continue }
            walk(folder, display: name + "/", root: root, errors: &errors)
        }
        return errors
    }

    private static func walk(_ folder: String, display: String, root: String, errors: inout [SiteError]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in entries.sorted() {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK:
                if let error = escape(link: path, display: display + name, siteRoot: root) { errors.append(error) }
            case S_IFDIR:
                walk(path, display: display + name + "/", root: root, errors: &errors)
            default:
                break
            }
        }
    }
}
