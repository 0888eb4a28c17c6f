import Crypto
import Foundation
import HostRules

/// The files of a built output folder, as a deploy sees them: every regular file by key, with
/// its MD5, size and headers. The ownership marker is the build's, not the site's, and stays home.
public struct LocalSite: Sendable {
    public struct File: Sendable, Equatable {
        public var key: String
        public var url: URL
        public var md5: String
        public var size: Int
        public var headers: FileHeaders
    }

    /// Files that are never deployed: the marker that says a folder is a Crossroads output.
    public static let keptHome: Set<String> = [".crossroads-output"]
    /// Where a build writes the alias list for an S3 website (`host: [s3]`): `{"old/index.html": "pitfalls/x/"}`.
    public static let redirectListKey = "_host/redirects.json"

    public var folder: URL
    public var files: [String: File]
    /// Alias page key -> the site path it redirects to, from `_host/redirects.json` when the build wrote one.
    public var redirects: [String: String]

    public init(folder: URL, files: [String: File], redirects: [String: String] = [:]) {
        self.folder = folder
        self.files = files
        self.redirects = redirects
    }

    /// Reads every file under `folder` (following no symbolic link out of it: links are skipped).
    public static func read(folder: URL) throws -> LocalSite {
        let root = folder.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DeployError.missingOutput(root.path)
        }
        var files: [String: File] = [:]
        for key in try keys(under: root) where !keptHome.contains(key) {
            let url = root.appendingPathComponent(key)
            let data = try Data(contentsOf: url)
            let (contentType, cacheControl) = CachePolicy.headers(forPath: key)
            files[key] = File(key: key, url: url, md5: md5Hex(data), size: data.count,
                              headers: FileHeaders(contentType: contentType, cacheControl: cacheControl))
        }
        var redirects: [String: String] = [:]
        if let list = files[redirectListKey] {
            guard let decoded = try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: list.url)) else {
                throw DeployError.unreadableRedirects(list.url.path)
            }
            redirects = decoded.filter { files[$0.key] != nil }
        }
        return LocalSite(folder: root, files: files, redirects: redirects)
    }

    /// Regular files under `root`, as `/`-separated paths relative to it, sorted; the top-level
    /// entries named in `skipping` are left out (a git destination's `.git`).
    static func keys(under root: URL, skipping: Set<String> = []) throws -> [String] {
        var keys: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? root : root.appendingPathComponent(relative, isDirectory: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !(relative.isEmpty && skipping.contains(name)) {
                let key = relative.isEmpty ? name : relative + "/" + name
                let values = try root.appendingPathComponent(key).resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey])
                if values.isSymbolicLink == true { continue }
                if values.isDirectory == true { pending.append(key) } else if values.isRegularFile == true { keys.append(key) }
            }
        }
        return keys.sorted()
    }

    public static func md5Hex(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
