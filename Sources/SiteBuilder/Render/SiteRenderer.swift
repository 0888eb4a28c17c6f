import Blocks
import ByteText
import Foundation
import Markdown
import Scoring

/// Renders every output of a loaded site into an `OutputWriter`. Pages render in parallel (the
/// Markdown target serialises the one cmark call that is not thread-safe); everything written is
/// a pure function of the inputs, so builds are byte-identical.
///
/// `@unchecked Sendable`: every stored property is immutable after `init`; the `[String: Any]`
/// template values inside are plain value types that parallel pages only read.
struct SiteRenderer: @unchecked Sendable {
    private(set) var model: SiteModel
    let templates: TemplateSet
    let assets: Assets
    /// Contexts with the site's own URLs.
    private(set) var contexts: ContextBuilder
    /// Contexts with absolute URLs, for standalone copies, when they differ from the site's own.
    private(set) var absoluteContexts: ContextBuilder?
    let markdown: MarkdownRenderer
    /// The stylesheets standalone files print inline, made safe inside `<style>` once: the same
    /// for every page (decoding and scanning them per page was 4% of a full build).
    let standaloneCSS: (guide: String, questionnaire: String)
    /// The theme's favicon as a `data:` URL, since a self-contained file fetches nothing.
    let standaloneIcon: String

    var site: Site { model.site }
    var links: LinkBuilder { model.links }
    var placeholderValues: [String: String] { model.placeholderValues }

    struct Result {
        var pageCount: Int
        var renderedPages: Int
        var links: [CheckedLink]
        /// Keys of pages (by site path) and of lists and site-wide files (`@` and the first
        /// file's site path), with what each read, for the next incremental build.
        var keys: [String: OutputRecord]
        /// Search-index lines made by this build (pages rendered again), by page URL.
        var searchLines: [String: String] = [:]
        var steps: [BuildStep] = []
        /// The page keys and the pages of each search-index part, for `renderEdits` next time.
        var outputKeys: OutputKeys?
        var searchParts: [[Int]] = []
        /// Every file the build claimed (nil from `renderEdits`, which claims nothing new).
        var outputMap: OutputMap?
    }

    /// What the previous build left that this one may reuse.
    struct Reuse {
        var keys: [String: OutputRecord]
        /// Search-index lines of pages that are not rendered again.
        var searchLines: PreviousSearchLines

        /// Whether the output recorded as `name` would read the same inputs now: its key from
        /// `OutputKeys` is `baseKey`, and what it read last time has the same values.
        func holds(_ name: String, baseKey: UInt64, inputs: InputHashes) -> Bool {
            keys[name]?.holds(baseKey: baseKey, inputs: inputs) == true
        }
    }

    /// What rendering one Markdown page leaves behind for the site-wide outputs.
    struct PageOutput {
        /// Nil for a page kept from the previous build (its line is in `Reuse.searchLines`).
        var searchLine: String?
        var links: [CheckedLink]
        var rendered: Bool
        /// What rendering read (see `ReadRecorder`); nil for a page kept from the previous build.
        var reads: RecordedReads?
    }

    init(model: SiteModel, templates: TemplateSet, assets: Assets) {
        self.model = model
        self.templates = templates
        self.assets = assets
        contexts = ContextBuilder(model: model, links: model.links, assets: assets)
        absoluteContexts = model.absoluteLinks.map { ContextBuilder(model: model, links: $0, assets: assets) }
        var options = MarkdownOptions()
        options.unsafeHTML = model.config.unsafeHTML
        // Every template shows the content under the page's or the list's <h1> title.
        options.headingsBelowLevel = 1
        model.config.limits.apply(to: &options)
        options.reservedIDs = templates.reservedIDs
        markdown = MarkdownRenderer(options: options, fencedBlocks: model.blocks.all)
        func inlineCSS(_ keys: [String]) -> String {
            ByteSearch.replacing("</style", with: "<\\/style", in: keys.compactMap { assets.text(forKey: $0) }.joined(separator: "\n"))
        }
        standaloneCSS = (inlineCSS(["site_css"]), inlineCSS(["site_css", "questionnaire_css"]))
        standaloneIcon = assets.dataURL(forKey: "favicon_svg", type: "image/svg+xml") ?? ""
    }

    /// This renderer with some pages' files edited in the body only (same front matter, same
    /// published path), so everything derived from the other pages and from front matter holds.
    func replacingBodies(_ edited: [Int: Page]) -> SiteRenderer {
        var updated = self
        updated.model = model.replacingBodies(edited)
        updated.contexts = contexts.replacingModel(updated.model)
        updated.absoluteContexts = absoluteContexts?.replacingModel(updated.model)
        return updated
    }

    func templateName(for page: Page) -> String { SiteModel.templateName(metadata: page.metadata, sitePath: page.sitePath) }

    func renderAll(into writer: any OutputWriter, emitGolden: Bool, reuse: Reuse? = nil, serially: Bool = false) throws -> Result {
        var clock = StepClock()
        // Every output is claimed, and every conflict found, before anything is written.
        let map = try model.outputMap(templates: templates, assets: assets, emitGolden: emitGolden)
        writer.expect(map)
        clock.lap("output map")
        let pages = site.pages
        let outputKeys = OutputKeys(model: model, templates: templates, assets: assets, questionnaireURL: contexts.questionnaireURL)
        let keys = outputKeys.keys
        let inputs = outputKeys.inputs
        clock.lap("page keys")
        // Pages whose key is unchanged keep their files: a few lookups each, in one pass on this
        // thread (in parallel, the threads mostly waited for the writer's lock). Most pages read
        // the same set of inputs, whose values are hashed once.
        var kept = [PageOutput?](repeating: nil, count: pages.count)
        if let reuse {
            var readsHashes: [ObjectIdentifier: UInt64] = [:]
            for index in pages.indices {
                guard let record = reuse.keys[pages[index].sitePath] else { continue }
                let id = ObjectIdentifier(record.reads)
                let readsHash = readsHashes[id] ?? inputs.hash(of: record.reads)
                readsHashes[id] = readsHash
                guard record.key == StableHash.combine([keys[index], readsHash]) else { continue }
                kept[index] = reusePage(index, writer: writer)
            }
        }
        let toRender = pages.indices.filter { kept[$0] == nil }
        clock.lap("keep unchanged pages")
        let slots = ResultSlots<Swift.Result<PageOutput, BuildFailure>>(count: toRender.count)
        let produce: @Sendable (Int) -> Void = { slot in slots[slot] = renderPage(toRender[slot], writer: writer) }
        if serially {
            for slot in toRender.indices { produce(slot) }
        } else {
            DispatchQueue.concurrentPerform(iterations: toRender.count, execute: produce)
        }
        clock.lap("render pages")
        var errors = ErrorCollector()
        for (slot, result) in slots.values.enumerated() {
            switch result {
            case .success(let output): kept[toRender[slot]] = output
            case .failure(let failure): errors.add(contentsOf: failure.errors)
            case nil: break
            }
        }
        let outputs = errors.errors.isEmpty ? kept.compactMap { $0 } : []
        var checkedLinks = outputs.flatMap(\.links)
        clock.lap("collect pages")
        let searchParts = model.searchPartMembers()
        // Section indexes, tag pages and site-wide files do not depend on one another: one job each, in parallel.
        let jobs = sectionJobs(outputKeys) + tagJobs(outputKeys) + siteFileJobs(outputs: outputs, emitGolden: emitGolden, keys: outputKeys, reuse: reuse, searchParts: searchParts)
        let jobResults = ResultSlots<Swift.Result<[CheckedLink], BuildFailure>>(count: jobs.count)
        let jobKeys = ResultSlots<OutputRecord>(count: jobs.count)
        let runJob: @Sendable (Int) -> Void = { index in
            let job = jobs[index]
            let key = job.key()
            // Unchanged since the previous build: keep its files.
            if let key, let reuse, let record = reuse.keys[job.cacheName], record.holds(baseKey: key, inputs: inputs),
               job.paths.allSatisfy({ (try? writer.reuse(OutputPath(sitePath: $0))) == true }) {
                jobKeys[index] = record
                jobResults[index] = .success([])
                return
            }
            do {
                let recorder = ReadRecorder()
                jobResults[index] = .success(try job.run(writer, recorder))
                if let key { jobKeys[index] = OutputRecord(baseKey: key, reads: recorder.reads, inputs: inputs) }
            } catch let failure as BuildFailure {
                jobResults[index] = .failure(failure)
            } catch let error as SiteError {
                jobResults[index] = .failure(BuildFailure([error]))
            } catch {
                jobResults[index] = .failure(BuildFailure([SiteError(file: "templates/", message: "\(error)")]))
            }
        }
        if serially {
            for index in jobs.indices { runJob(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: jobs.count, execute: runJob)
        }
        for result in jobResults.values {
            switch result {
            case .success(let links): checkedLinks += links
            case .failure(let failure): errors.add(contentsOf: failure.errors)
            case nil: break
            }
        }
        clock.lap("lists and site-wide files")
        try errors.throwIfAny()
        var keyMap: [String: OutputRecord] = [:]
        var searchLines: [String: String] = [:]
        for index in pages.indices {
            if index < outputs.count {
                let sitePath = pages[index].sitePath
                if let reads = outputs[index].reads {
                    keyMap[sitePath] = OutputRecord(baseKey: keys[index], reads: reads, inputs: inputs)
                } else if let record = reuse?.keys[sitePath] {
                    keyMap[sitePath] = record
                }
                if let line = outputs[index].searchLine { searchLines[links.final(sitePath)] = line }
            }
        }
        for (index, job) in jobs.enumerated() { if let record = jobKeys[index] { keyMap[job.cacheName] = record } }
        return Result(pageCount: pages.count, renderedPages: outputs.filter(\.rendered).count, links: checkedLinks, keys: keyMap,
                      searchLines: searchLines, steps: clock.steps, outputKeys: outputKeys, searchParts: searchParts, outputMap: map)
    }

    /// Renders again the pages whose files were edited in the body only (see `replacingBodies`)
    /// and the search-index parts that hold them: no other output's key covers a page's body.
    /// `keys` are this site's keys; the result holds only the keys that moved.
    func renderEdits(_ edited: [Int], keys: OutputKeys, searchParts: [[Int]], reuse: Reuse, into writer: any OutputWriter) throws -> Result {
        var clock = StepClock()
        var outputs = Array(repeating: PageOutput(searchLine: nil, links: [], rendered: false), count: site.pages.count)
        var errors = ErrorCollector()
        var keyMap: [String: OutputRecord] = [:]
        var searchLines: [String: String] = [:]
        for index in edited {
            switch renderPage(index, writer: writer) {
            case .success(let output):
                outputs[index] = output
                keyMap[site.pages[index].sitePath] = OutputRecord(baseKey: keys.keys[index], reads: output.reads ?? .nothing, inputs: keys.inputs)
                searchLines[links.final(site.pages[index].sitePath)] = output.searchLine
            case .failure(let failure):
                errors.add(contentsOf: failure.errors)
            }
        }
        try errors.throwIfAny()
        clock.lap("render pages")
        let touched = Set(edited.map { SearchIndex.partPath(SearchIndex.part(ofURL: links.final(site.pages[$0].sitePath), partCount: searchParts.count)) })
        for job in searchIndexJobs(members: searchParts, outputs: outputs, keys: keys, reuse: reuse) where touched.contains(job.paths[0]) {
            guard let key = job.key(), !reuse.holds(job.cacheName, baseKey: key, inputs: keys.inputs) else { continue }
            let recorder = ReadRecorder()
            _ = try job.run(writer, recorder)
            keyMap[job.cacheName] = OutputRecord(baseKey: key, reads: recorder.reads, inputs: keys.inputs)
        }
        clock.lap("search index")
        return Result(pageCount: site.pages.count, renderedPages: edited.count, links: [], keys: keyMap, searchLines: searchLines,
                      steps: clock.steps)
    }

    /// The previous output of a page whose key has not changed, or nil when it must be rendered.
    private func reusePage(_ index: Int, writer: any OutputWriter) -> PageOutput? {
        // Fields read in place: copying a whole `Page` per page was a sixth of a preview rebuild.
        let sitePath = site.pages[index].sitePath
        guard let page = try? OutputPath(sitePath: sitePath), writer.reuse(page),
              let aliases = try? site.pages[index].metadata.aliases.map(OutputPath.init(address:)), aliases.allSatisfy(writer.reuse),
              let variants = try? model.variantPaths(ofPage: index, templates: templates), variants.allSatisfy(writer.reuse) else { return nil }
        return PageOutput(searchLine: nil, links: [], rendered: false)
    }

    // MARK: - Pages

    private func renderPage(_ index: Int, writer: any OutputWriter) -> Swift.Result<PageOutput, BuildFailure> {
        let page = site.pages[index]
        do {
            // Rendered once for the page and its variants; see RootPlaceholder.
            let body = try renderMarkdown(page.body, file: page.file, firstLine: page.bodyFirstLine, sitePath: page.sitePath,
                                          sharedAcrossDepths: true)
            let rendered = try body.atDepth(of: page.sitePath, renderer: self, page: page)
            var context = contexts.pageContext(index: index, rendered: rendered.markdown)
            let template = templateName(for: page)
            // Every page may print the questionnaire; those that read it record it.
            if let questionnaire = contexts.questionnaire { context["questionnaire"] = questionnaire }
            let recorder = ReadRecorder()
            let html = try templates.render(template, context: .map(context), forFile: page.file, recorder: recorder)
            try writer.write(OutputPath(sitePath: page.sitePath), html)
            try writeVariants(ofPage: index, template: template, body: body, pageContext: context, into: writer, recorder: recorder)
            for alias in page.metadata.aliases {
                // An address, never a file name: always `<alias>/index.html`.
                let aliasPath = OutputPath.folder(ofAddress: alias)
                try writer.write(OutputPath(sitePath: aliasPath), AliasPage.html(from: aliasPath, to: page.sitePath, links: links, title: page.metadata.title))
            }
            return .success(PageOutput(searchLine: searchLine(of: page, body: rendered.markdown), links: rendered.links, rendered: true,
                                       reads: recorder.reads))
        } catch let failure as BuildFailure {
            return .failure(failure)
        } catch let error as SiteError {
            return .failure(BuildFailure([error]))
        } catch {
            return .failure(BuildFailure([SiteError(file: page.file, message: "\(error)")]))
        }
    }

    struct RenderedBody {
        var markdown: RenderedMarkdown
        /// Links as printed on the page at the rendered site path (with the real root prefix).
        var links: [CheckedLink]
        /// Whether the HTML holds `RootPlaceholder.text` where rewritten links start.
        var rootIsPlaceholder = false

        /// The body as printed in a file written at `sitePath`: the placeholder replaced by that
        /// file's root when it can stand in for it, else the Markdown rendered again for there.
        func atDepth(of sitePath: String, renderer: SiteRenderer, page: Page, links: LinkBuilder? = nil) throws -> RenderedBody {
            guard rootIsPlaceholder else { return self }
            let links = links ?? renderer.links
            let root = links.root(from: sitePath)
            guard RootPlaceholder.canStandIn(for: root) else {
                return try renderer.renderMarkdown(page.body, file: page.file, firstLine: page.bodyFirstLine, sitePath: sitePath, links: links)
            }
            var resolved = self
            resolved.rootIsPlaceholder = false
            resolved.markdown.html = RootPlaceholder.resolve(markdown.html, root: root)
            resolved.markdown.links = markdown.links.map { link in
                var link = link
                if link.destination.hasPrefix(RootPlaceholder.text) {
                    link.destination = root + link.destination.dropFirst(RootPlaceholder.text.count)
                }
                return link
            }
            return resolved
        }
    }

    /// Placeholders, then Markdown with fenced blocks and link rewriting; errors carry file lines.
    /// With `sharedAcrossDepths`, rewritten links start with `RootPlaceholder.text` in the HTML
    /// (resolve with `RenderedBody.atDepth`); `links` always hold the real hrefs from `sitePath`.
    /// `links`: the URL form to print (the site's own unless given).
    func renderMarkdown(_ body: String, file: String, firstLine: Int, sitePath: String,
                        sharedAcrossDepths: Bool = false, links: LinkBuilder? = nil) throws -> RenderedBody {
        let expanded = Placeholders.expand(body, values: placeholderValues)
        var errors = expanded.unknown.map { unknown in
            SiteError(file: file, line: unknown.line + firstLine - 1,
                      message: "unknown placeholder {{\(unknown.name)}}",
                      fix: placeholderValues.isEmpty
                        ? "placeholders need content/questionnaire.yml or content/planner.yml; write \\{{ for a literal {{"
                        : "use one of: \(placeholderValues.keys.sorted().joined(separator: ", ")); write \\{{ for a literal {{")
        }
        let targets = model.contentTargets
        let links = links ?? self.links
        let pageRoot = links.root(from: sitePath)
        let root = sharedAcrossDepths ? RootPlaceholder.text : pageRoot
        let rewrite: LinkRewriter = { destination, _ in
            try Self.rewrite(destination, root: root, targets: targets, links: links)
        }
        do {
            let rendered = try markdown.render(expanded.text, rewriteLink: rewrite)
            try ErrorCollector.throwing(errors)
            let checked = rendered.links.map { link in
                let destination = sharedAcrossDepths && link.destination.hasPrefix(root)
                    ? pageRoot + link.destination.dropFirst(root.count) : link.destination
                return CheckedLink(file: file, line: link.line + firstLine - 1, fromSitePath: sitePath, destination: destination)
            }
            return RenderedBody(markdown: rendered, links: checked, rootIsPlaceholder: sharedAcrossDepths)
        } catch let failure as MarkdownErrors {
            errors += failure.errors.map { SiteError($0, file: file, firstLine: firstLine, limits: site.config.limits) }
        } catch let error as MarkdownError {
            errors.append(SiteError(error, file: file, firstLine: firstLine, limits: site.config.limits))
        }
        throw BuildFailure(errors)
    }

    struct LinkProblem: Error, CustomStringConvertible {
        var description: String
    }

    /// `@/path.md#id` -> URL of that page after `root`; `/path/` -> the same; everything else unchanged.
    static func rewrite(_ destination: String, root: String, targets: [String: String], links: LinkBuilder) throws -> String {
        if destination.hasPrefix(ContentLink.prefix) {
            let path = ContentLink.contentPath(destination)
            guard let target = targets[path] else {
                throw LinkProblem(description: "link to \(destination), but content/\(path) does not exist (check the path, or link to a page under content/)")
            }
            return root + links.final(target) + (ContentLink.fragment(destination).map { "#" + $0 } ?? "")
        }
        if destination.hasPrefix("/") && !destination.hasPrefix("//") {
            var path = Substring(destination.dropFirst())
            var fragment: String?
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[path.index(after: hash)...])
                path = path[..<hash]
            }
            let sitePathTarget = path.contains(".") ? String(path) : SitePath.normaliseFolder(String(path))
            return root + links.final(sitePathTarget) + (fragment.map { "#" + $0 } ?? "")
        }
        return destination
    }

    // MARK: - Indexes

    /// Writes one list or site-wide output (one or more files) and returns the links it checked.
    /// With a key, an incremental build keeps the previous files while the key is unchanged.
    struct OutputJob: Sendable {
        var paths: [String]
        /// The key of what the job reads besides what its templates record (see `ReadRecorder`).
        var key: @Sendable () -> UInt64?
        var run: @Sendable (any OutputWriter, ReadRecorder) throws -> [CheckedLink]
        var cacheName: String { "@" + (paths.first ?? "") }
    }

    private func sectionJobs(_ keys: OutputKeys) -> [OutputJob] {
        PageKind.allCases.compactMap { kind -> OutputJob? in
            guard let path = contexts.sectionPath(kind) else { return nil }
            let intro = site.sections[kind]
            let listed = model.kindOrder[kind] ?? []
            var parts = [keys.globalHash, StableHash.keyOf(kind.rawValue)]
            if let intro {
                parts.append(StableHash.keyOf([intro.title, intro.summary, intro.body].joined(separator: "\u{0}")))
                if OutputKeys.mayUseData(intro.body) { parts.append(keys.dataHash) }
            }
            parts += listed.map { keys.summaries[$0] }
            let key = StableHash.combine(parts)
            return OutputJob(paths: [path], key: { key }) { writer, recorder in
                let intro = site.sections[kind]
                var html = ""
                var checked: [CheckedLink] = []
                if let intro {
                    let rendered = try renderMarkdown(intro.body, file: intro.file, firstLine: intro.bodyFirstLine, sitePath: path)
                    html = rendered.markdown.html
                    checked = rendered.links
                }
                let context = contexts.sectionContext(kind, introHTML: html)
                try writer.write(OutputPath(sitePath: path), try templates.render("list", context: .map(context), forFile: intro?.file ?? "content/\(path)_index.md",
                                                                                  recorder: recorder))
                return checked
            }
        }
    }

    private func tagJobs(_ keys: OutputKeys) -> [OutputJob] {
        guard !model.tags.isEmpty else { return [] }
        var jobs: [OutputJob] = []
        for tag in model.tags {
            let indexes = tag.pages
            let name = tag.name
            let path = tag.sitePath
            let key = StableHash.combine([keys.globalHash, StableHash.keyOf(name)] + indexes.map { keys.summaries[$0] })
            jobs.append(OutputJob(paths: [path], key: { key }) { writer, recorder in
                try writer.write(OutputPath(sitePath: path), try templates.render("tag", context: .map(contexts.tagContext(tag)), forFile: "templates/tag.mustache",
                                                                                  recorder: recorder))
                return []
            })
        }
        let indexKey = StableHash.combine([keys.globalHash]
                                          + model.tags.map { StableHash.keyOf("\($0.slug)\u{0}\($0.name)\u{0}\($0.pages.count)") })
        jobs.append(OutputJob(paths: ["tags/"], key: { indexKey }) { writer, recorder in
            try writer.write(OutputPath(sitePath: "tags/"), try templates.render("tags", context: .map(contexts.tagIndexContext()), forFile: "templates/tags.mustache",
                                                                                 recorder: recorder))
            return []
        })
        return jobs
    }

    // MARK: - Site-wide files

    /// The index's entry script and one job per part. A page's line depends only on what its key
    /// covers, so the keys of a part's pages key the part (hashing the lines was most of a
    /// one-page preview rebuild); a part with a changed page takes the other pages' lines from
    /// the previous build, or makes them again when it has none.
    private func searchIndexJobs(members: [[Int]], outputs: [PageOutput], keys: OutputKeys, reuse: Reuse?) -> [OutputJob] {
        let partCount = members.count
        let entry = SearchIndex.entryScript(partCount: partCount)
        let entryKey = StableHash.keyOf(entry)
        var jobs = [OutputJob(paths: [SearchIndex.entryPath], key: { entryKey }) { writer, _ in
            try writer.write(OutputPath(sitePath: SearchIndex.entryPath), Data(entry.utf8), contentKey: entryKey)
            return []
        }]
        let sections = sectionSearchEntries(keys: keys)
        for (part, indexes) in members.enumerated() {
            let sectionsHere = sections.filter { SearchIndex.part(ofURL: $0.url, partCount: partCount) == part }
            let key = StableHash.combine([UInt64(part), UInt64(partCount)] + indexes.map { keys.keys[$0] } + sectionsHere.map(\.key))
            let path = SearchIndex.partPath(part)
            // The questionnaire page's line holds the questionnaire's words (see SearchEntries).
            let readsQuestionnaire = indexes.contains { showsQuestionnaire(site.pages[$0]) }
            jobs.append(OutputJob(paths: [path], key: { key }) { writer, recorder in
                if readsQuestionnaire { recorder.readQuestionnaire() }
                var lines: [String] = []
                lines.reserveCapacity(indexes.count)
                for index in indexes {
                    if let line = outputs[index].searchLine ?? reuse?.searchLines.line(forURL: links.final(site.pages[index].sitePath)) {
                        lines.append(line)
                    } else {
                        let page = site.pages[index]
                        let body = try renderMarkdown(page.body, file: page.file, firstLine: page.bodyFirstLine, sitePath: page.sitePath)
                        lines.append(searchLine(of: page, body: body.markdown))
                    }
                }
                for section in sectionsHere { lines.append(sectionSearchLine(section.kind)) }
                // The bytes change with what the job read too (the questionnaire page's words).
                let contentKey = readsQuestionnaire ? StableHash.combine([key, keys.inputs.hash(of: recorder.reads)]) : key
                try writer.write(OutputPath(sitePath: path), SearchIndex.partData(part, lines: lines), contentKey: contentKey)
                return []
            })
        }
        return jobs
    }

    private func siteFileJobs(outputs: [PageOutput], emitGolden: Bool, keys: OutputKeys, reuse: Reuse?, searchParts: [[Int]]) -> [OutputJob] {
        var feedEntries: [Feeds.Entry] = []
        for index in site.pages.indices {
            let metadata = site.pages[index].metadata
            feedEntries.append(Feeds.Entry(sitePath: site.pages[index].sitePath, title: metadata.title, summary: metadata.summary,
                                           date: metadata.date, updated: metadata.updated))
        }
        for kind in PageKind.allCases {
            if let path = contexts.sectionPath(kind) {
                feedEntries.append(Feeds.Entry(sitePath: path, title: contexts.sectionTitles[kind] ?? "", summary: "", date: nil, updated: nil))
            }
        }
        let entries = feedEntries
        var jobs: [OutputJob] = []
        if outputs.count == site.pages.count {
            jobs += searchIndexJobs(members: searchParts, outputs: outputs, keys: keys, reuse: reuse)
        }
        let feedKey = StableHash.combine([keys.globalHash] + keys.summaries)
        jobs.append(OutputJob(paths: ["sitemap.xml", "atom.xml", "robots.txt"], key: { feedKey }) { writer, _ in
            try writer.write(OutputPath(sitePath: "sitemap.xml"), Feeds.sitemap(entries, links: links))
            try writer.write(OutputPath(sitePath: "atom.xml"), Feeds.atom(entries.filter { !$0.sitePath.isEmpty }, config: site.config, links: links))
            try writer.write(OutputPath(sitePath: "robots.txt"), Feeds.robots(links: links, hasBaseURL: site.config.baseURL != nil))
            return []
        })
        var otherPaths = ["search/", "404.html"] + assets.files.map(\.sitePath)
        if site.questionnaire != nil { otherPaths.append("scoring-table.json") }
        if site.questionnaire != nil && emitGolden { otherPaths.append("golden-vectors.json") }
        // The scoring table and golden vectors are the questionnaire's, which `dataHash` covers.
        let otherKey = StableHash.combine([keys.globalHash, keys.dataHash, emitGolden ? 1 : 0])
        jobs.append(OutputJob(paths: otherPaths, key: { otherKey }) { writer, recorder in
            let searchContext = contexts.listContext(sitePath: "search/", title: "Search", summary: "", contentHTML: "", pages: [])
            try writer.write(OutputPath(sitePath: "search/"), try templates.render("search", context: .map(searchContext), forFile: "templates/search.mustache",
                                                                                   recorder: recorder))

            // Hosts serve 404.html at any depth, so its links must not depend on where it is shown.
            // With a base URL, that is the absolute form; without one, the site's own (relative) form.
            let notFound = (absoluteContexts ?? contexts).notFoundContext()
            // Without a base URL the page carries an inline script that finds the site's root.
            let notFoundPage = try templates.render("404", context: .map(notFound), forFile: "templates/404.mustache", recorder: recorder)
            try writer.write(OutputPath(sitePath: "404.html"), InlineScripts.applyHashes(to: notFoundPage))

            for file in assets.files { try writer.write(OutputPath(sitePath: file.sitePath), file.data) }

            if let questionnaire = model.questionnaire {
                try writer.write(OutputPath(sitePath: "scoring-table.json"), questionnaire.tableJSON + "\n")
                if emitGolden {
                    let vectors = GoldenVectors.generate(for: questionnaire.definition, randomCount: 2_000, seed: 20_261_125)
                    try writer.write(OutputPath(sitePath: "golden-vectors.json"), GoldenVectors.json(vectors) + "\n")
                }
            }
            return []
        })
        return jobs
    }
}

extension ErrorCollector {
    static func throwing(_ errors: [SiteError]) throws {
        if !errors.isEmpty { throw BuildFailure(errors) }
    }
}

/// Fixed-size result storage that parallel iterations fill, each at its own index.
final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}
