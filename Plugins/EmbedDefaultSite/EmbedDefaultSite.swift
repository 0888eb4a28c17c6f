import Foundation
import PackagePlugin

/// Embeds the repository's default site (site.yml, content/, templates/, i18n/) into SiteBuilder as a
/// generated Swift source, so `crossroads new` works from a binary with no checkout beside it.
/// SwiftPM runs this plugin on every build and the command lists every file as an input (and as an
/// argument), so an edited, added or removed file regenerates the source: it can never go stale.
@main
struct EmbedDefaultSite: BuildToolPlugin {
    /// The parts of the repository that make the default site; StarterSite writes them back.
    static let parts = ["site.yml", "content", "templates", "i18n"]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let files = try Self.parts.flatMap { try Self.files(in: root.appending(path: $0), relativeTo: root) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedDefaultSiteFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default site (\(files.count) files)",
                executable: try context.tool(named: "DefaultSiteEmbedder").url,
                arguments: [root.path(percentEncoded: false), output.path(percentEncoded: false)] + files,
                inputFiles: files.map { root.appending(path: $0) },
                outputFiles: [output]
            ),
        ]
    }

    /// Every regular file under `url` (or `url` itself), as sorted paths relative to `root`.
    /// Hidden files (editor swap files, .DS_Store) are left out: they are nobody's starter site.
    static func files(in url: URL, relativeTo root: URL) throws -> [String] {
        let rootPath = root.standardizedFileURL.path(percentEncoded: false)
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        func relative(_ file: URL) -> String { String(file.standardizedFileURL.path(percentEncoded: false).dropFirst(prefix.count)) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path(percentEncoded: false), isDirectory: &isFolder) else {
            throw EmbedError("the default site has no \(relative(url)) (looked in \(rootPath))")
        }
        guard isFolder.boolValue else { return [relative(url)] }
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw EmbedError("cannot list \(url.path(percentEncoded: false))")
        }
        var found: [String] = []
        for case let file as URL in walker where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found.append(relative(file))
        }
        return found.sorted()
    }
}

struct EmbedError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
