import Foundation

/// `crossroads new DIR`: writes the default site (site.yml, content/, templates/, i18n/) into a new
/// folder, so a new user starts from a site that builds and that they can edit freely.
public enum StarterSite {
    /// Where the default site comes from.
    public enum Source: Sendable, Equatable {
        /// The copy embedded in the binary at build time: works wherever the binary is installed.
        case embedded
        /// A folder holding site.yml, content/ and templates/ (a Crossroads checkout).
        case folder(URL)
    }

    /// CROSSROADS_HOME when set (someone editing a checkout's default site, without rebuilding),
    /// otherwise the embedded copy.
    public static var defaultSource: Source {
        if let home = ProcessInfo.processInfo.environment["CROSSROADS_HOME"], !home.isEmpty {
            return .folder(URL(fileURLWithPath: home, isDirectory: true))
        }
        return .embedded
    }

    static let parts = ["site.yml", "content", "templates"]
    /// Copied when the source has it: a site without theme strings prints the builder's English.
    static let optionalParts = ["i18n"]

    public static func create(at destination: URL, from source: Source = defaultSource) throws {
        let fileManager = FileManager.default
        if case .folder(let folder) = source {
            for part in parts where !fileManager.fileExists(atPath: folder.appendingPathComponent(part).path) {
                throw BuildFailure([SiteError(file: folder.appendingPathComponent(part).path, message: "the default site to copy from is not there",
                                              fix: "point CROSSROADS_HOME at a Crossroads source folder (the one holding site.yml, content/ and templates/), or unset it to use the site built into crossroads")])
            }
        }
        if fileManager.fileExists(atPath: destination.path) {
            let entries = (try? fileManager.contentsOfDirectory(atPath: destination.path)) ?? []
            if !entries.filter({ !$0.hasPrefix(".") }).isEmpty {
                throw BuildFailure([SiteError(file: destination.path, message: "the folder already exists and is not empty",
                                              fix: "choose a new folder name, or empty this one first")])
            }
        }
        do {
            try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
            switch source {
            case .embedded:
                try EmbeddedDefaultSite.write(into: destination)
            case .folder(let folder):
                for part in parts + optionalParts.filter({ fileManager.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
                    try fileManager.copyItem(at: folder.appendingPathComponent(part), to: destination.appendingPathComponent(part))
                }
            }
            try ".crossroads-cache/\npublic/\n".write(to: destination.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure([SiteError(file: destination.path, message: "cannot create the site (\(FileWriting.reason(error)))",
                                          fix: "check that the parent folder exists and is writable")])
        }
    }
}
