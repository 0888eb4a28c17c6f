import Foundation

/// `crossroads new DIR`: copies the default site (site.yml, content/, templates/) into a new
/// folder, so a new user starts from a site that builds and that they can edit freely.
public enum StarterSite {
    /// The default site shipped with Crossroads: the checkout this binary was built from, or the
    /// folder named by CROSSROADS_HOME when the binary was moved elsewhere.
    public static var defaultSiteFolder: URL {
        if let home = ProcessInfo.processInfo.environment["CROSSROADS_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        // Sources/SiteBuilder/StarterSite.swift -> the package root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static let parts = ["site.yml", "content", "templates"]

    public static func create(at destination: URL, from source: URL = defaultSiteFolder) throws {
        let fileManager = FileManager.default
        for part in parts where !fileManager.fileExists(atPath: source.appendingPathComponent(part).path) {
            throw BuildFailure([SiteError(file: source.appendingPathComponent(part).path, message: "the default site to copy from is not there",
                                          fix: "set CROSSROADS_HOME to the Crossroads source folder (the one holding site.yml, content/ and templates/)")])
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
            for part in parts {
                try fileManager.copyItem(at: source.appendingPathComponent(part), to: destination.appendingPathComponent(part))
            }
            try ".crossroads-cache/\npublic/\n".write(to: destination.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        } catch {
            throw BuildFailure([SiteError(file: destination.path, message: "cannot create the site (\(FileWriting.reason(error)))",
                                          fix: "check that the parent folder exists and is writable")])
        }
    }
}
