import Foundation

/// Rebuilds a site again and again into the same folder, re-rendering only the pages whose inputs
/// changed (see `OutputKeys`) and writing only the files whose bytes changed. For the preview
/// server: its output is a private folder, so it is updated in place rather than swapped.
/// The result equals a full build of the same sources byte for byte.
public final class IncrementalBuilder {
    public struct Report: Sendable {
        public var pages: Int
        public var renderedPages: Int
        /// Output files written or removed, relative to the output folder.
        public var changedFiles: [String]
        public var seconds: Double
    }

    public let options: BuildOptions
    private var keys: [String: UInt64] = [:]
    private var searchLines: [String: String] = [:]
    private var produced: Set<String> = []
    private var hasBuilt = false

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws -> Report {
        let started = Date()
        try OutputLocation.validate(output: options.output, source: options.source)
        let site = try SiteLoader(sourceFolder: options.source, includeDrafts: options.includeDrafts).load(baseURLOverride: options.baseURL)
        let templates = try TemplateSet.load(from: options.source.appendingPathComponent("templates"))
        let assets = try Assets.load(from: options.source.appendingPathComponent("templates/assets"))
        if !hasBuilt { try? FileManager.default.removeItem(at: options.output) }
        let writer = try OutputWriter(inPlace: options.output)
        let renderer = SiteRenderer(site: site, templates: templates, assets: assets)
        let reuse = hasBuilt ? SiteRenderer.Reuse(keys: keys, searchLines: searchLines) : nil
        let result = try renderer.renderAll(into: writer, emitGolden: options.emitGolden, reuse: reuse)
        // Only now, with every page rendered, does the output change.
        try writer.commit()
        writer.removeStale(previouslyProduced: produced)
        keys = result.keys
        produced = writer.producedFiles
        if let data = FileManager.default.contents(atPath: options.output.appendingPathComponent("search-index.js").path) {
            searchLines = SearchIndex.lines(ofScript: String(decoding: data, as: UTF8.self))
        }
        hasBuilt = true
        return Report(pages: result.pageCount, renderedPages: result.renderedPages, changedFiles: writer.changedFiles.sorted(),
                      seconds: Date().timeIntervalSince(started))
    }
}
