import Foundation

/// Rebuilds a site again and again into the same folder, re-rendering only the pages whose inputs
/// changed (see `OutputKeys`) and writing only the files whose bytes changed. For the preview
/// server: its output is a private folder, so it is updated in place rather than swapped.
/// The result equals a full build of the same sources byte for byte.
///
/// Between builds it keeps, in memory: the decoded pages by file (re-read only when a file's size,
/// time or inode changes), every output's key and search-index line, and a hash of every file it
/// wrote, so an unchanged output is recognised without reading it back.
public final class IncrementalBuilder {
    public struct Report: Sendable {
        public var pages: Int
        public var renderedPages: Int
        /// Output files written or removed, relative to the output folder.
        public var changedFiles: [String]
        public var seconds: Double
        /// Markdown files read and decoded (the others were unchanged since the previous build).
        public var filesRead: Int
        public var steps: [BuildStep]
    }

    public let options: BuildOptions
    private var keys: [String: UInt64] = [:]
    private let searchLines = PreviousSearchLines(lines: [:])
    private var produced: Set<String> = []
    private var outputHashes: [String: UInt64] = [:]
    private let markdownCache = MarkdownLoadCache()
    private var hasBuilt = false

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws -> Report {
        let started = Date()
        var clock = StepClock()
        try OutputLocation.validate(output: options.output, source: options.source)
        var loader = SiteLoader(sourceFolder: options.source, includeDrafts: options.includeDrafts)
        loader.markdownCache = markdownCache
        let site = try loader.load(baseURLOverride: options.baseURL)
        clock.lap("load content")
        let templates = try TemplateSet.load(from: options.source.appendingPathComponent("templates"))
        let assets = try Assets.load(from: options.source.appendingPathComponent("templates/assets"))
        clock.lap("load templates")
        if !hasBuilt { try? FileManager.default.removeItem(at: options.output) }
        let writer = try OutputWriter(inPlace: options.output, knownHashes: hasBuilt ? outputHashes : [:])
        let renderer = SiteRenderer(site: site, templates: templates, assets: assets)
        clock.lap("model")
        let reuse = hasBuilt ? SiteRenderer.Reuse(keys: keys, searchLines: searchLines) : nil
        let result = try renderer.renderAll(into: writer, emitGolden: options.emitGolden, reuse: reuse)
        clock.append(result.steps)
        // Only now, with every page rendered, does the output change.
        try writer.commit()
        writer.removeStale(previouslyProduced: produced)
        clock.lap("write changes")
        keys = result.keys
        searchLines.update(result.searchLines)
        produced = writer.producedFiles
        outputHashes = writer.outputHashes ?? [:]
        hasBuilt = true
        return Report(pages: result.pageCount, renderedPages: result.renderedPages, changedFiles: writer.changedFiles.sorted(),
                      seconds: Date().timeIntervalSince(started), filesRead: markdownCache.filesRead, steps: clock.steps)
    }
}
