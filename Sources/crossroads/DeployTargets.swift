import Deploy
import Foundation
import SiteBuilder

/// The destination for a target of site.yml.
enum DeployTargets {
    static func destination(for target: DeployTarget, siteFolder: URL, output: URL) throws -> any DeployDestination {
        switch target.kind {
        case .folder(let path):
            let root = URL(fileURLWithPath: path).standardizedFileURL
            let built = output.standardizedFileURL.resolvingSymlinksInPath().path
            let resolved = root.resolvingSymlinksInPath().path
            if resolved == built || resolved.hasPrefix(built + "/") || built.hasPrefix(resolved + "/") {
                throw DeployError.destination("choosing the folder \(root.path)",
                                              reason: "it overlaps the output folder \(output.path); a deploy would delete what it copies\nfix: deploy to a folder outside the output, or build into another --output")
            }
            return FolderDestination(root: root)
        case .git(let remote, let branch, let history):
            return try GitDestination(remote: resolvedRemote(remote, siteFolder: siteFolder), branch: branch,
                                      history: history == .replace ? .replace : .keep)
        case .s3:
            throw DeployError.destination("choosing target `\(target.name)`", reason: "S3 targets are not available in this build of crossroads")
        }
    }

    /// A remote written as a relative path (`../guides-pages.git`) is relative to the site folder, not to where crossroads runs.
    static func resolvedRemote(_ remote: String, siteFolder: URL) -> String {
        if remote.contains("://") || remote.hasPrefix("/") { return remote }
        // `host:path` is git's scp-like form; a colon after a slash is part of a path.
        if let colon = remote.firstIndex(of: ":"), !remote[..<colon].contains("/") { return remote }
        return siteFolder.appendingPathComponent(remote).standardizedFileURL.path
    }
}
