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
        case .s3(let s3):
            // `~` of ~/.aws/credentials is $HOME, as for the AWS tools.
            let environment = ProcessInfo.processInfo.environment
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            return try S3Destination(bucket: s3.bucket, prefix: s3.prefix, endpoint: s3.endpoint.flatMap(URL.init(string:)), region: s3.region,
                                     pathStyle: s3.pathStyle, environment: environment, homeFolder: home)
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
