import Blocks
import Foundation
import Markdown
import Scoring

/// What `crossroads export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// Plain GFM files for wikis that take only Markdown (GitHub, GitLab, converted MediaWiki).
    case markdown
    /// The same files under `docs/` plus an `mkdocs.yml`, for Backstage TechDocs and MkDocs.
    case techdocs
}

public struct ExportOptions: Sendable {
    public var source: URL
    public var output: URL
    public var format: ExportFormat
    /// When set, links to things that have no exported file (tag pages, search) point here.
    public var baseURL: String?

    public init(source: URL, output: URL, format: ExportFormat, baseURL: String? = nil) {
        self.source = source.standardizedFileURL
        self.output = output.standardizedFileURL
        self.format = format
        self.baseURL = baseURL
    }
}

public struct ExportReport: Sendable {
    /// Every file written, relative to the output folder, sorted.
    public var files: [String]

    public var summaryLine: String {
        let pages = files.filter { $0.hasSuffix(".md") }.count
        return "Exported \(pages) Markdown files, \(files.count - pages) other files"
    }
}

/// `crossroads export`: every guide as plain GFM, reusing the site's loader, placeholders and
/// fenced-block renderers so the export says exactly what the site says.
public enum SiteExport {
    public static func export(_ options: ExportOptions) throws -> ExportReport {
        try OutputLocation.validate(output: options.output, source: options.source)
        let site = try SiteLoader(sourceFolder: options.source).load(baseURLOverride: options.baseURL)
        let documents = try ExportDocuments(site: site).render()
        let docsFolder = options.format == .techdocs ? "docs/" : ""
        var files = documents.files.mapValues { Data($0.utf8) }
        for (path, svg) in documents.images { files[path] = Data(svg.utf8) }
        var written = files.keys.map { docsFolder + $0 }
        if options.format == .techdocs {
            written.append("mkdocs.yml")
        }
        let fileManager = FileManager.default
        do {
            for (path, data) in files {
                let url = options.output.appendingPathComponent(docsFolder + path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
            if options.format == .techdocs {
                let config = MkDocsConfig.yaml(site: site, navigation: documents.navigation)
                try Data(config.utf8).write(to: options.output.appendingPathComponent("mkdocs.yml"), options: .atomic)
            }
        } catch {
            throw BuildFailure([SiteError(file: options.output.path, message: "cannot write the export (\(error.localizedDescription))",
                                          fix: "choose a writable --output folder")])
        }
        return ExportReport(files: written.sorted())
    }
}
