import Foundation

/// A folder on this machine (`file:///srv/www/guides`, a mounted share, an nginx root): the
/// plan's diff written in place. Each file is written to a temporary name beside it and renamed
/// over the old one, so a reader (or nginx) sees the old file or the new one, never half of one.
public struct FolderDestination: DeployDestination {
    public let root: URL
    /// Top-level entries that are not the site's and stay as they are (a git destination's `.git`).
    let foreign: Set<String>

    public init(root: URL) {
        self.init(root: root, foreign: [])
    }

    init(root: URL, foreign: Set<String>) {
        self.root = root.standardizedFileURL
        self.foreign = foreign
    }

    public var description: String { root.path }

    public func listing() async throws -> [String: RemoteFile] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else { return [:] }
        guard isFolder.boolValue else { throw DeployError.destination("listing \(root.path)", reason: "it is a file, not a folder") }
        var files: [String: RemoteFile] = [:]
        for key in try LocalSite.keys(under: root, skipping: foreign) where !LocalSite.keptHome.contains(key) && !Self.isTemporary(key) {
            let data = try Data(contentsOf: root.appendingPathComponent(key))
            files[key] = RemoteFile(md5: LocalSite.md5Hex(data), size: data.count)
        }
        return files
    }

    public func upload(_ file: PlannedUpload) async throws {
        let target = root.appendingPathComponent(file.key)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent)\(Self.temporaryMarker)\(UUID().uuidString)")
        do {
            try Data(contentsOf: file.localURL).write(to: temporary)
            try FileWrite.rename(temporary, over: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    public func delete(_ keys: [String]) async throws {
        var folders: Set<String> = []
        for key in keys {
            let url = root.appendingPathComponent(key)
            do { try FileManager.default.removeItem(at: url) } catch CocoaError.fileNoSuchFile {}
            var parent = (key as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                folders.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        // Folders the deletions emptied go too, deepest first; a folder still holding anything stays.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            if (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    public func finish(summary: DeploySummary) async throws {}

    static let temporaryMarker = ".crossroads-upload-"

    static func isTemporary(_ key: String) -> Bool { key.split(separator: "/").last?.contains(temporaryMarker) == true }
}

/// The one system call a deploy needs that Foundation does not offer: `rename(2)` over an
/// existing file, atomic on one file system.
enum FileWrite {
    static func rename(_ source: URL, over target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw DeployError.destination("writing \(target.path)", reason: String(cString: strerror(errno)))
        }
    }
}
