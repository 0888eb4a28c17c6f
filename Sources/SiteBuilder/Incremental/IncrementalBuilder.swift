import Foundation

/// Rebuilds a site again and again into the same folder, re-rendering only the pages whose inputs
/// changed (see `OutputKeys`) and writing only the files whose bytes changed. For the preview
/// server: its output is a private folder, so it is updated in place rather than swapped.
/// The result equals a full build of the same sources byte for byte.
///
/// Between builds it keeps, in memory: the decoded pages by file (re-read only when a file's size,
/// time or inode changes), every output's key and search-index line, a hash of every file it
/// wrote (so an unchanged output is recognised without reading it back), and the site and
/// renderer of the last build.
///
/// When told which files changed (`build(changedPaths:)`, as the preview's watcher does) and
/// they are pages whose front matter is unchanged, it skips loading the site: it reads those
/// files, renders those pages and rewrites the search-index parts that hold them, which is all
/// such an edit can change. Anything else (a new or removed file, front matter, a template, a data
/// file, site.yml) takes the full path, which compares every file's stamp and every output's key.
public final class IncrementalBuilder {
    public struct Report: Sendable {
        public var pages: Int
        public var renderedPages: Int
        /// Output files written or removed, relative to the output folder.
        public var changedFiles: [String]
        public var seconds: Double
        /// Markdown files read and decoded (the others were unchanged since the previous build).
        var filesRead: Int
        var steps: [BuildStep]
        /// One line per step, for the benchmark's rebuild harness.
        public var timingLines: [String] { BuildStep.timingLines(steps) }
        /// Whether only the edited pages were rendered, without loading the whole site again.
        var editedPagesOnly: Bool
    }

    /// What the last successful build was made from.
    private struct LastBuild {
        var renderer: SiteRenderer
        var outputKeys: OutputKeys
        var searchParts: [[Int]]
        /// What the last full build claimed; edits to page bodies claim nothing new.
        var outputMap: OutputMap
        /// `content/...md` -> index into the site's pages.
        var pageIndexByFile: [String: Int]
    }

    public let options: BuildOptions
    private var keys: [String: OutputRecord] = [:]
    private let searchLines = PreviousSearchLines(lines: [:])
    private var produced: Set<String> = []
    private var outputHashes: [String: UInt64] = [:]
    private let markdownCache = MarkdownLoadCache()
    private var last: LastBuild?
    /// Sources changed since the last successful build, as reported by callers; nil when unknown.
    private var pendingChanges: Set<String>? = []

    public init(options: BuildOptions) {
        self.options = options
    }

    /// - Parameter changedPaths: site-relative paths (`content/pitfalls/x.md`) changed since the
    ///   previous call, or nil when unknown (then every file's stamp is compared).
    public func build(changedPaths: Set<String>? = nil) throws -> Report {
        let started = Date()
        if let changedPaths, pendingChanges != nil {
            pendingChanges?.formUnion(changedPaths)
        } else {
            pendingChanges = nil
        }
        let report: Report
        // In a site with several languages a page's body shows in its fallbacks too: the full path.
        if let last, last.renderer.otherLanguages.isEmpty, let changes = pendingChanges,
           let edited = try buildEdits(changes, last: last, started: started) {
            report = edited
        } else {
            report = try buildAll(started: started)
        }
        pendingChanges = []
        return report
    }

    private func buildAll(started: Date) throws -> Report {
        let firstBuild = last == nil
        let (options, markdownCache, knownHashes, producedBefore) = (self.options, self.markdownCache, self.outputHashes, self.produced)
        let reuse = firstBuild ? nil : SiteRenderer.Reuse(keys: keys, searchLines: searchLines)
        let pipeline = BuildPipeline(
            load: { () throws -> (SiteLoader.LoadedSite, TemplateSet, Assets, InPlaceOutputWriter) in
                let (site, templates, assets) = try loadInputs(options, markdownCache: markdownCache)
                if firstBuild {
                    // The first build starts from nothing, so it may only clear a folder it wrote before.
                    _ = try OutputOwnership.claim(options.output, force: false)
                    try? FileManager.default.removeItem(at: options.output)
                }
                let writer = try InPlaceOutputWriter(output: options.output, knownHashes: firstBuild ? [:] : knownHashes,
                                                     previouslyProduced: producedBefore)
                return (site, templates, assets, writer)
            },
            model: { site, templates, assets, writer in
                let renderer = SiteRenderer(model: try SiteModel(loaded: site), templates: templates, assets: assets)
                return (renderer, writer, try renderer.claimOutputs(into: writer, emitGolden: options.emitGolden))
            },
            keys: { renderer, writer, map in (renderer, writer, map, renderer.keyPages(reuse: reuse, writer: writer)) },
            render: { renderer, writer, map, keyed in
                (renderer, writer, map, renderer.renderPages(keyed, writer: writer, serially: options.renderSerially))
            },
            outputs: { renderer, writer, map, rendered in
                (renderer, writer, map, try renderer.writeOutputs(rendered, reuse: reuse, writer: writer, emitGolden: options.emitGolden,
                                                                   serially: options.renderSerially))
            },
            write: { renderer, writer, map, result in
                // Only now, with every page rendered, does the output change.
                try writer.commit()
                return (renderer, writer, map, result)
            })
        let ((renderer, writer, map, result), steps) = try pipeline.run()
        keys = result.keys
        searchLines.update(result.searchLines)
        produced = writer.producedFiles
        outputHashes = writer.outputHashes
        last = result.outputKeys.map { outputKeys in
            var byFile: [String: Int] = [:]
            for (index, page) in renderer.site.pages.enumerated() { byFile[page.file] = index }
            return LastBuild(renderer: renderer, outputKeys: outputKeys, searchParts: result.searchParts, outputMap: map, pageIndexByFile: byFile)
        }
        return Report(pages: result.pageCount, renderedPages: result.renderedPages, changedFiles: writer.changedFiles.sorted(),
                      seconds: Date().timeIntervalSince(started), filesRead: markdownCache.filesRead, steps: steps,
                      editedPagesOnly: false)
    }

    /// Thrown by the edit build's load step when the changes hold more than page bodies.
    private struct NotOnlyBodyEdits: Error {}

    /// The build for edits to page bodies only, or nil when `changes` hold anything else.
    private func buildEdits(_ changes: Set<String>, last: LastBuild, started: Date) throws -> Report? {
        let reuse = SiteRenderer.Reuse(keys: keys, searchLines: searchLines)
        let (options, markdownCache, knownHashes) = (self.options, self.markdownCache, self.outputHashes)
        let pipeline = BuildPipeline(
            load: { () throws -> [Int: Page] in
                var loader = SiteLoader(sourceFolder: options.source, includeDrafts: options.includeDrafts)
                loader.markdownCache = markdownCache
                var edited: [Int: Page] = [:]
                for path in changes.sorted() {
                    guard path.hasPrefix("content/"), let index = last.pageIndexByFile[path],
                          let loaded = loader.reloadMarkdown(relativePath: String(path.dropFirst("content/".count))),
                          loaded.errors.isEmpty, case .page(let page) = loaded.content else { throw NotOnlyBodyEdits() }
                    let before = last.renderer.site.pages[index]
                    guard page.metadata == before.metadata, page.sitePath == before.sitePath, page.contentPath == before.contentPath else {
                        throw NotOnlyBodyEdits()
                    }
                    edited[index] = page
                }
                return edited
            },
            model: { edited in
                // Edits to page bodies claim nothing new: the last full build's map holds.
                let writer = try InPlaceOutputWriter(output: options.output, knownHashes: knownHashes, previouslyProduced: [])
                writer.expect(last.outputMap)
                return (edited, last.renderer.replacingBodies(edited), writer)
            },
            keys: { edited, renderer, writer in (edited, renderer, writer, last.outputKeys.replacingBodies(edited, model: renderer.model)) },
            render: { edited, renderer, writer, outputKeys in
                (renderer, writer, outputKeys, try renderer.renderEditedPages(edited.keys.sorted(), keys: outputKeys, writer: writer))
            },
            outputs: { renderer, writer, outputKeys, rendered in
                (renderer, writer, outputKeys, try renderer.writeEditedOutputs(rendered, searchParts: last.searchParts, reuse: reuse, writer: writer))
            },
            write: { renderer, writer, outputKeys, result in
                try writer.commit()
                return (renderer, writer, outputKeys, result)
            })
        let run: (result: (SiteRenderer, InPlaceOutputWriter, OutputKeys, SiteRenderer.Result), steps: [BuildStep])
        do {
            run = try pipeline.run()
        } catch is NotOnlyBodyEdits {
            return nil
        }
        let (renderer, writer, outputKeys, result) = run.result
        keys.merge(result.keys) { _, new in new }
        searchLines.update(result.searchLines)
        outputHashes = writer.outputHashes
        self.last = LastBuild(renderer: renderer, outputKeys: outputKeys, searchParts: last.searchParts,
                              outputMap: last.outputMap, pageIndexByFile: last.pageIndexByFile)
        return Report(pages: result.pageCount, renderedPages: result.renderedPages, changedFiles: writer.changedFiles.sorted(),
                      seconds: Date().timeIntervalSince(started), filesRead: result.renderedPages, steps: run.steps, editedPagesOnly: true)
    }
}
