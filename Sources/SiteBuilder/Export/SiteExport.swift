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
    /// Wikitext pages, an XML dump for `importDump.php` and the charts for `importImages.php`.
    case mediawiki
    /// Pages in DokuWiki syntax and the charts, in a `data/` tree to copy over the wiki's own.
    case dokuwiki
    /// Storage-format (XHTML) pages, their chart attachments, and a manifest of the page tree.
    case confluence
}

public struct ExportOptions: Sendable {
    public var source: URL
    public var output: URL
    public var format: ExportFormat
    /// When set, links to things that have no exported file (tag pages, search) point here.
    public var baseURL: String?
    /// Write into the output even when Crossroads did not write it (see `OutputOwnership`).
    public var force = false
    /// In a site with several languages, export this language alone, at the output's root;
    /// nil exports every language, laid out as the site is (see `SiteExport.export`).
    public var language: String?

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
    /// How many of them are pages (Markdown files, or wiki pages).
    public var pageCount: Int
    public var format: ExportFormat

    public var summaryLine: String {
        let kind = switch format {
        case .markdown, .techdocs: "Markdown files"
        case .mediawiki: "MediaWiki pages"
        case .dokuwiki: "DokuWiki pages"
        case .confluence: "Confluence pages"
        }
        return "Exported \(pageCount) \(kind), \(files.count - pageCount) other files"
    }
}

/// `crossroads export`: every guide as plain GFM, reusing the site's loader, placeholders and
/// fenced-block renderers so the export says exactly what the site says.
public enum SiteExport {
    /// A site with several languages is exported as it is published: the default language at the
    /// root of the output (what a one-language site exports), every other language in its folder
    /// (`de/`), each a complete export of its own (its own `mkdocs.yml`, `dump.xml`, manifest) for
    /// a wiki or TechDocs site of that language; `ExportOptions.language` exports one alone.
    public static func export(_ requested: ExportOptions) throws -> ExportReport {
        try OutputLocation.validate(output: requested.output, source: requested.source)
        var options = requested
        options.output = try OutputOwnership.claim(requested.output, force: requested.force)
        let site = try SiteLoader(sourceFolder: options.source).load(baseURLOverride: options.baseURL)
        let languages = [site] + site.otherLanguages
        let exported: [(folder: String, site: Site)]
        if let code = options.language {
            guard let chosen = languages.first(where: { $0.config.language == code }) else {
                let codes = languages.map(\.config.language).joined(separator: ", ")
                throw BuildFailure([SiteError(file: "--lang", message: "the site has no language \"\(code)\" (it has \(codes))",
                                              fix: "pass one of the codes of `languages:` in site.yml, or leave --lang out to export every language")])
            }
            exported = [("", chosen)]
        } else {
            exported = languages.map { language in
                (language.languages?.languages.first { $0.code == language.config.language }?.prefix ?? "", language)
            }
        }
        var outputs: [(String, Data)] = []
        var sources: [String: String] = [:]
        var pageCount = 0
        for (folder, languageSite) in exported {
            let files = try exportFiles(of: languageSite, format: options.format)
            outputs += files.outputs.map { (folder + $0.0, $0.1) }
            for (path, file) in files.sources { sources[folder + path] = file }
            pageCount += files.pageCount
        }
        let written = outputs.map(\.0)
        outputs.append((OutputOwnership.markerName, Data(OutputOwnership.markerText.utf8)))
        // The same rules as a build's outputs: checked paths, and no two files (or a file and a folder) on one path.
        var claims: [OutputMap.Claim] = []
        var problems: [SiteError] = []
        for (path, _) in outputs {
            do {
                claims.append(OutputMap.Claim(path: try OutputPath(sitePath: path), file: sources[path], what: "the exported file"))
            } catch {
                problems.append(SiteError(file: sources[path] ?? path, message: "the exported file: \(error)",
                                          fix: "rename the file with letters, digits and hyphens"))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        _ = try OutputMap.make(claims)
        let fileManager = FileManager.default
        do {
            for (path, data) in outputs {
                let url = options.output.appendingPathComponent(path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            }
        } catch {
            throw BuildFailure([SiteError(file: options.output.path, message: "cannot write the export (\(error.localizedDescription))",
                                          fix: "choose a writable --output folder")])
        }
        return ExportReport(files: written.sorted(), pageCount: pageCount, format: options.format)
    }

    /// One language's files, relative to its folder, with the content file each comes from.
    private static func exportFiles(of site: Site, format: ExportFormat) throws -> (outputs: [(String, Data)], sources: [String: String], pageCount: Int) {
        let documents = try ExportDocuments(site: site).render()
        // Exported GFM file -> the content file it comes from, to name in errors.
        var contentFiles: [String: String] = [:]
        for page in site.pages { contentFiles[ExportDocuments.exportedFile(forContentPath: page.contentPath)] = page.file }
        for (kind, intro) in site.sections {
            guard let path = kind.sectionPath else { continue }
            contentFiles[ExportDocuments.exportedFile(forContentPath: path + "_index.md")] = intro.file
        }
        var outputs: [(String, Data)] = []
        var sources: [String: String] = [:]
        var pageCount = 0
        switch format {
        case .markdown, .techdocs:
            let docsFolder = format == .techdocs ? "docs/" : ""
            for (path, text) in documents.files {
                outputs.append((docsFolder + path, Data(text.utf8)))
                sources[docsFolder + path] = contentFiles[path]
            }
            for (path, svg) in documents.images { outputs.append((docsFolder + path, Data(svg.utf8))) }
            if format == .techdocs {
                outputs.append(("mkdocs.yml", Data(MkDocsConfig.yaml(site: site, navigation: documents.navigation).utf8)))
            }
            pageCount = documents.files.count
        case .mediawiki, .dokuwiki, .confluence:
            let wiki = try WikiSite(documents)
            let files = switch format {
            case .dokuwiki: DokuWikiExport.files(wiki, siteTitle: site.config.title)
            case .confluence: try ConfluenceExport.files(wiki, siteTitle: site.config.title)
            default: MediaWikiExport.files(wiki, siteTitle: site.config.title, timestamp: Date())
            }
            for file in files {
                outputs.append((file.path, Data(file.text.utf8)))
                sources[file.path] = file.page.flatMap { contentFiles[$0] }
            }
            pageCount = wiki.pages.count
        }
        return (outputs, sources, pageCount)
    }
}
