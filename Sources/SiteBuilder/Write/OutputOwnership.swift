import Foundation

/// A build replaces its output folder as a whole, so it must only ever replace a folder that
/// Crossroads wrote. Every output carries a marker file; a folder is taken over only when it is
/// missing, empty, or carries the marker (or is the output of a version from before the marker:
/// its `search-index.js` starts as only Crossroads writes it). Anything else (a regular file, a
/// user's `docs/` with their files) is refused before anything is touched, unless `--force`.
/// A symbolic link as the output is followed: its target is checked and replaced, the link stays.
enum OutputOwnership {
    static let markerName = ".crossroads-output"
    static let markerText = "This folder was written by Crossroads. The next `crossroads build` into it replaces all of it.\n"
    /// What an output of a version from before the marker begins its search index with.
    private static let legacySignature = Data("window.crossroadsSearchIndex=".utf8)

    /// The folder to write (the link's target when `output` is a symbolic link), once it is clear
    /// that it may be replaced. `option` names the flag for messages (`--output`).
    static func claim(_ output: URL, force: Bool, option: String = "--output") throws(BuildFailure) -> URL {
        var info = stat()
        guard lstat(output.path, &info) == 0 else { return output }
        var folder = output
        if info.st_mode & S_IFMT == S_IFLNK {
            let target = output.resolvingSymlinksInPath()
            guard stat(output.path, &info) == 0 else {
                throw refusal(output, "\(option) is a symbolic link to \(target.path), which does not exist",
                              fix: "create that folder, or pass a real folder to \(option)")
            }
            folder = target
        }
        if force { return folder }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw refusal(output, "\(option) names a file, not a folder; nothing was changed",
                          fix: "pass a new or empty folder to \(option), or --force to replace this file")
        }
        if isOwned(folder) { return folder }
        throw refusal(output, "\(option) names a folder that Crossroads did not write (it holds files and no \(markerName)); nothing was changed",
                      fix: "pass a new or empty folder to \(option), or --force to replace this folder and everything in it")
    }

    /// Whether `folder` is empty, carries the marker, or is an output from before the marker.
    static func isOwned(_ folder: URL) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return false }
        if entries.isEmpty || entries.contains(markerName) { return true }
        guard entries.contains(SearchIndex.entryPath),
              let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(SearchIndex.entryPath).path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: legacySignature.count)) == legacySignature
    }

    private static func refusal(_ output: URL, _ message: String, fix: String) -> BuildFailure {
        BuildFailure([SiteError(file: output.path, message: message, fix: fix)])
    }
}
