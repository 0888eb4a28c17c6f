import Blocks
import Foundation
import Markdown
import Scoring

/// What `crossroads build` needs to know.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts = false
    /// Also write the scoring module's golden vectors next to the scoring table (for tests).
    public var emitGolden = false

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, emitGolden: Bool = false) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("public")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.emitGolden = emitGolden
    }
}

/// What a finished build did.
public struct BuildReport: Sendable {
    public var pages: Int
    public var files: Int
    public var seconds: Double
    /// Every Markdown link of every page, resolved against the output, for `crossroads check`.
    public var links: [CheckedLink]

    public var summaryLine: String {
        String(format: "Built %d pages, %d files in %.2f s", pages, files, seconds)
    }
}

/// A link written in a page's Markdown, where it was written and the site path it points at.
public struct CheckedLink: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var fromSitePath: String
    public var destination: String
}

/// The build pipeline: load -> model -> render -> outputs -> write (see docs/architecture.md).
public enum SiteBuild {
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let started = Date()
        try OutputLocation.validate(output: options.output, source: options.source)
        let site = try SiteLoader(sourceFolder: options.source, includeDrafts: options.includeDrafts).load(baseURLOverride: options.baseURL)
        let templates = try TemplateSet.load(from: options.source.appendingPathComponent("templates"))
        let assets = try Assets.load(from: options.source.appendingPathComponent("templates/assets"))
        let writer = try OutputWriter(output: options.output)
        do {
            let renderer = SiteRenderer(site: site, templates: templates, assets: assets)
            let result = try renderer.renderAll(into: writer, emitGolden: options.emitGolden)
            try writer.commit()
            return BuildReport(pages: result.pageCount, files: writer.fileCount, seconds: Date().timeIntervalSince(started), links: result.links)
        } catch {
            writer.abandon()
            throw error
        }
    }
}

enum OutputLocation {
    /// Refuses outputs that would overwrite the sources or be read back in as content.
    static func validate(output: URL, source: URL) throws {
        let outputPath = output.resolvingSymlinksInPath().path
        let sourcePath = source.resolvingSymlinksInPath().path
        func inside(_ folder: String) -> Bool { outputPath == folder || outputPath.hasPrefix(folder + "/") }
        if outputPath == sourcePath || sourcePath.hasPrefix(outputPath + "/") {
            throw BuildFailure([SiteError(file: output.path, message: "the output folder would replace the site's own folder",
                                          fix: "pass an output folder inside the site, such as --output public")])
        }
        for protected in ["content", "templates"] where inside(sourcePath + "/" + protected) {
            throw BuildFailure([SiteError(file: output.path, message: "the output folder is inside \(protected)/, so the build would read its own output",
                                          fix: "choose an output folder outside \(protected)/, such as --output public")])
        }
    }
}
