import Blocks
import Foundation
import Markdown
import Scoring
import Synchronization

/// What `crossroads build` needs to know.
public struct BuildOptions: Sendable {
    public var source: URL
    public var output: URL
    public var baseURL: String?
    public var includeDrafts = false
    /// Replace the output even when Crossroads did not write it (a file, a folder of someone
    /// else's files); see `OutputOwnership`.
    public var force = false
    /// Also write the scoring module's golden vectors next to the scoring table (for tests).
    public var emitGolden = false
    /// Reuse unchanged pages of the previous build, recorded in `.crossroads-cache/` in the site.
    public var useCache = false
    /// Render pages one after another instead of in parallel: the same bytes, slower. For tests
    /// that prove parallel rendering changes nothing, and for profiling.
    public var renderSerially = false
    /// Render templates with swift-mustache's own renderer instead of ours: the same bytes,
    /// slower. For tests that prove it, and to measure the difference.
    public var rendersWithSwiftMustache = false
    /// For a process that exits right after the build (the CLI): the build's working memory (the
    /// site, its pages, the keys) is left for the operating system to reclaim at exit instead of
    /// being freed object by object, which costs time in proportion to the site's size.
    public var keepsMemoryUntilExit = false

    public init(source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, emitGolden: Bool = false,
                useCache: Bool = false) {
        self.useCache = useCache
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
    /// Pages rendered this time (the rest were reused from the cache).
    public var renderedPages: Int
    public var files: Int
    public var seconds: Double
    /// Every Markdown link of every page, resolved against the output, for `crossroads check`.
    var links: [CheckedLink]
    /// Wall time of each step, in order (`crossroads build --timings`).
    var steps: [BuildStep] = []

    /// One line per step, for `--timings`.
    public var timingLines: [String] { BuildStep.timingLines(steps) }

    public var summaryLine: String {
        let reused = pages - renderedPages
        return String(format: "Built %d pages, %d files in %.2f s", pages, files, seconds) + (reused > 0 ? " (\(reused) pages unchanged, reused from the cache)" : "")
    }
}

/// One named step of a build and how long it took.
struct BuildStep: Sendable, Equatable {
    var name: String
    var seconds: Double

    /// One aligned line per step, as `--timings` and the benchmark's rebuild harness print them.
    static func timingLines(_ steps: [BuildStep]) -> [String] {
        steps.map { step in
            let name = step.name.count < 26 ? step.name + String(repeating: " ", count: 26 - step.name.count) : step.name
            return name + String(format: "%9.1f ms", step.seconds * 1000)
        }
    }
}

/// A link written in a page's Markdown, where it was written and the site path it points at.
struct CheckedLink: Sendable, Equatable {
    var file: String
    var line: Int
    var fromSitePath: String
    var destination: String
}

/// The build pipeline: load -> model -> render -> outputs -> write (see docs/architecture.md).
public enum SiteBuild {
    public static func build(_ requested: BuildOptions) throws -> BuildReport {
        let started = Date()
        var writer: StagedOutputWriter?
        // The previous build's cache, when this one uses it.
        var cache: BuildCache?
        var decodedPages: MarkdownLoadCache?
        var state: BuildCache.State?
        let pipeline = BuildPipeline(
            load: { () throws -> (SiteLoader.LoadedSite, TemplateSet, Assets, StagedOutputWriter) in
                // Before anything is read or written: the output must be a folder this build may replace.
                try OutputLocation.validate(output: requested.output, source: requested.source)
                var options = requested
                options.output = try OutputOwnership.claim(requested.output, force: requested.force)
                let cacheLocation = BuildCache(source: options.source, output: options.output, options: options)
                // A cache folder that is a symbolic link (committed by someone) could make the build delete
                // and move things elsewhere: it is not used, nor cleared.
                let cacheIsOurs = !SymbolicLinks.isLink(options.source.appendingPathComponent(BuildCache.folderName).path)
                cache = options.useCache && cacheIsOurs ? cacheLocation : nil
                decodedPages = cache.map { MarkdownLoadCache(restoringFrom: $0.pagesFile, contentFolder: options.source.appendingPathComponent("content")) }
                state = cache?.load()
                // Searched while the site loads and renders.
                let strays = state?.spare.map { StrayFiles(searching: $0.folder.path, known: $0.files) }
                let (site, templates, assets) = try loadInputs(options, markdownCache: decodedPages)
                // Without the cache, this build replaces the output the cache describes.
                if !options.useCache && cacheIsOurs { cacheLocation.discard() }
                let staged = try StagedOutputWriter(output: options.output, previous: state == nil ? nil : options.output, spare: state?.spare,
                                                    strays: strays, keepReplaced: state.map { (cacheLocation.spareFolder, $0.files) })
                writer = staged
                return (site, templates, assets, staged)
            },
            model: { site, templates, assets, writer in
                let renderer = SiteRenderer(model: try SiteModel(loaded: site), templates: templates, assets: assets)
                _ = try renderer.claimOutputs(into: writer, emitGolden: requested.emitGolden)
                return (renderer, writer)
            },
            keys: { renderer, writer in (renderer, writer, renderer.keyPages(reuse: state?.reuse, writer: writer)) },
            render: { renderer, writer, keyed in (renderer, writer, renderer.renderPages(keyed, writer: writer, serially: requested.renderSerially)) },
            outputs: { renderer, writer, rendered in
                (renderer, writer, try renderer.writeOutputs(rendered, reuse: state?.reuse, writer: writer, emitGolden: requested.emitGolden,
                                                              serially: requested.renderSerially))
            },
            write: { renderer, writer, result in
                cache?.invalidate()
                try writer.commit()
                cache?.save(keys: result.keys, files: writer.producedFiles, spare: writer.keptSpare)
                if let cache { decodedPages?.save(to: cache.pagesFile) }
                if requested.keepsMemoryUntilExit { MemoryKeptUntilExit.keep([renderer, writer, result, state, decodedPages]) }
                return result
            })
        do {
            let (result, steps) = try pipeline.run()
            return BuildReport(pages: result.pageCount, renderedPages: result.renderedPages, files: writer?.fileCount ?? 0,
                               seconds: Date().timeIntervalSince(started), links: result.links, steps: steps)
        } catch {
            writer?.abandon()
            throw error
        }
    }
}

/// Values kept alive until the process exits (see `BuildOptions.keepsMemoryUntilExit`).
private enum MemoryKeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])

    static func keep(_ more: [any Sendable]) { values.withLock { $0 += more } }
}

/// The load steps every build starts with: where the output goes, the site, the templates and
/// the theme's assets.
func loadInputs(_ options: BuildOptions, markdownCache: MarkdownLoadCache?) throws -> (SiteLoader.LoadedSite, TemplateSet, Assets) {
    try OutputLocation.validate(output: options.output, source: options.source)
    var loader = SiteLoader(sourceFolder: options.source, includeDrafts: options.includeDrafts)
    loader.markdownCache = markdownCache
    let site = try loader.read(baseURLOverride: options.baseURL)
    // A site whose files or own rules fail is reported before its theme is read, every problem of
    // the two at once: the model step's check, run here only when the build stops here.
    if !site.problems.isEmpty { _ = try SiteModel.checked(site) }
    do {
        let links = SymbolicLinks.check(site: options.source, entries: ["templates"], walking: ["templates"])
        if !links.isEmpty { throw BuildFailure(links) }
        let loaded = try TemplateSet.load(from: options.source.appendingPathComponent("templates"))
        let templates = options.rendersWithSwiftMustache ? loaded.renderedBySwiftMustache() : loaded
        let assets = try Assets.load(from: options.source.appendingPathComponent("templates/assets"))
        return (site, templates, assets)
    } catch {
        _ = try SiteModel.checked(site)
        throw error
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
        for protected in ["content", "templates", "i18n"] where inside(sourcePath + "/" + protected) {
            throw BuildFailure([SiteError(file: output.path, message: "the output folder is inside \(protected)/, so the build would read its own output",
                                          fix: "choose an output folder outside \(protected)/, such as --output public")])
        }
    }
}
