import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps a checked request path to a file inside the output folder.
struct OutputFileResolver: Sendable {
    enum Resolution: Equatable {
        case file(path: String)
        /// A folder asked for without its trailing slash: relative links in its index.html need the slash.
        case redirectToFolder
        case notFound
    }

    let root: URL

    func resolve(_ requestPath: RequestPath) -> Resolution {
        guard case .segments(let segments, let hadTrailingSlash) = requestPath else { return .notFound }
        guard let realRoot = Self.realPath(root.path) else { return .notFound }
        var candidate = segments.reduce(realRoot) { $0 + "/" + $1 }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !segments.isEmpty && !hadTrailingSlash { return .redirectToFolder }
            candidate += "/index.html"
        }
        // Symbolic links may point anywhere; serve only what really lives under the output folder.
        guard let realCandidate = Self.realPath(candidate), realCandidate.hasPrefix(realRoot + "/") else { return .notFound }
        var isFolderAgain: ObjCBool = false
        guard FileManager.default.fileExists(atPath: realCandidate, isDirectory: &isFolderAgain), !isFolderAgain.boolValue else { return .notFound }
        return .file(path: realCandidate)
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
