import Foundation

/// The default site (site.yml, content/, templates/) as it was in the repository when this binary
/// was built. The EmbedDefaultSite build-tool plugin generates `files` on every build.
enum EmbeddedDefaultSite {
    struct File: Sendable {
        /// Relative to the site's root, e.g. `content/pitfalls/index.md`.
        let path: String
        let base64: String
    }

    /// Writes every file under `root`, creating the folders they need.
    static func write(into root: URL) throws {
        let fileManager = FileManager.default
        for file in files {
            guard let contents = Data(base64Encoded: file.base64) else {
                throw BuildFailure([SiteError(file: file.path, message: "the default site embedded in this binary is damaged",
                                              fix: "rebuild crossroads, or set CROSSROADS_HOME to a Crossroads source folder")])
            }
            let destination = root.appendingPathComponent(file.path)
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: destination)
        }
    }
}
