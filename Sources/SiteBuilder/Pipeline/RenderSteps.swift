import Foundation

/// The keys, render and outputs steps (`StepName`) of a build, on the renderer of its model:
/// every build runs these, given a writer and, for cached and preview builds, what the previous
/// build left (`Reuse`). A preview rebuild for edited page bodies runs the narrower
/// `renderEditedPages` and `writeEditedOutputs` in the same steps.
extension SiteRenderer {
    /// What a build's render and outputs steps produced.
    struct Result {
        var pageCount: Int
        var renderedPages: Int
        var links: [CheckedLink]
        /// Keys of pages (by site path) and of lists and site-wide files (`@` and the first
        /// file's site path), with what each read, for the next incremental build.
        var keys: [String: OutputRecord]
        /// Search-index lines made by this build (pages rendered again), by page URL.
        var searchLines: [String: String] = [:]
        /// The page keys and the pages of each search-index part, for edits next time.
        var outputKeys: OutputKeys?
        var searchParts: [[Int]] = []
    }

    /// The end of the model step: every output claimed, and every conflict found, before anything
    /// is written; the writer refuses anything else.
    func claimOutputs(into writer: any OutputWriter, emitGolden: Bool) throws -> OutputMap {
        let map = try model.outputMap(templates: templates, assets: assets, emitGolden: emitGolden)
        writer.expect(map)
        return map
    }

    /// What the keys step hands on.
    struct KeyedPages {
        var keys: OutputKeys
        /// By page index: the page kept from the previous build, or nil when it must be rendered.
        var kept: [PageOutput?]
    }

    /// The keys step: every page's key in every language (see `everyLanguage`); a page whose key
    /// is unchanged keeps its files.
    func keyPages(reuse: Reuse?, writer: any OutputWriter) -> [KeyedPages] {
        everyLanguage.map { $0.keyLanguagePages(reuse: reuse, writer: writer) }
    }

    /// The keys step of one language.
    private func keyLanguagePages(reuse: Reuse?, writer: any OutputWriter) -> KeyedPages {
        let pages = site.pages
        let outputKeys = OutputKeys(model: model, templates: templates, assets: assets, questionnaireURL: contexts.questionnaireURL)
        let keys = outputKeys.keys
        // A few lookups per page, in one pass on this thread (in parallel, the threads mostly
        // waited for the writer's lock). Most pages read the same set of inputs, hashed once.
        var kept = [PageOutput?](repeating: nil, count: pages.count)
        if let reuse {
            var readsHashes: [ObjectIdentifier: UInt64] = [:]
            for index in pages.indices {
                guard let record = reuse.keys[pages[index].sitePath] else { continue }
                let id = ObjectIdentifier(record.reads)
                let readsHash = readsHashes[id] ?? outputKeys.inputs.hash(of: record.reads)
                readsHashes[id] = readsHash
                guard record.key == StableHash.combine([keys[index], readsHash]) else { continue }
                kept[index] = reusePage(index, writer: writer)
            }
        }
        return KeyedPages(keys: outputKeys, kept: kept)
    }

    /// What the render step hands on.
    struct RenderedPages {
        var keys: OutputKeys
        /// Every page's output, rendered or kept; empty when a page failed.
        var pages: [PageOutput]
        /// The pages' errors, reported with the outputs' after the outputs step.
        var errors: ErrorCollector
    }

    /// The render step: the pages not kept, in parallel (`PagesJob`), one language after another.
    func renderPages(_ keyed: [KeyedPages], writer: any OutputWriter, serially: Bool) -> [RenderedPages] {
        zip(everyLanguage, keyed).map { $0.renderLanguagePages($1, writer: writer, serially: serially) }
    }

    private func renderLanguagePages(_ keyed: KeyedPages, writer: any OutputWriter, serially: Bool) -> RenderedPages {
        var pages = keyed.kept
        let toRender = pages.indices.filter { pages[$0] == nil }
        let slots = ResultSlots<Swift.Result<PageOutput, BuildFailure>>(count: toRender.count)
        let produce: @Sendable (Int) -> Void = { slot in
            slots[slot] = renderPage(toRender[slot], writer: writer)
            // Written with its copies: nothing after this step reads the body (see `PageMarkdown`).
            site.pages[toRender[slot]].bodyText.release()
        }
        if serially {
            for slot in toRender.indices { produce(slot) }
        } else {
            DispatchQueue.concurrentPerform(iterations: toRender.count, execute: produce)
        }
        var errors = ErrorCollector()
        for (slot, result) in slots.values.enumerated() {
            switch result {
            case .success(let output): pages[toRender[slot]] = output
            case .failure(let failure): errors.add(contentsOf: failure.errors)
            case nil: break
            }
        }
        return RenderedPages(keys: keyed.keys, pages: errors.errors.isEmpty ? pages.compactMap { $0 } : [], errors: errors)
    }

    /// The outputs step: the site-wide jobs `outputs:` chose (`siteJobs`) of every language, in
    /// parallel, each kept while its key holds; then every error of the build, pages' and jobs',
    /// of every language, at once. The result is the default language's, with every language's
    /// pages, links and keys.
    func writeOutputs(_ rendered: [RenderedPages], reuse: Reuse?, writer: any OutputWriter, emitGolden: Bool, serially: Bool) throws -> Result {
        var errors = ErrorCollector()
        var results: [Result] = []
        for (language, pages) in zip(everyLanguage, rendered) {
            do {
                results.append(try language.writeLanguageOutputs(pages, reuse: reuse, writer: writer, emitGolden: emitGolden, serially: serially))
            } catch let failure as BuildFailure {
                errors.add(contentsOf: failure.errors)
            }
        }
        try errors.throwIfAny()
        guard var result = results.first else { return Result(pageCount: 0, renderedPages: 0, links: [], keys: [:]) }
        for other in results.dropFirst() {
            result.pageCount += other.pageCount
            result.renderedPages += other.renderedPages
            result.links += other.links
            result.keys.merge(other.keys) { first, _ in first }
            result.searchLines.merge(other.searchLines) { first, _ in first }
        }
        return result
    }

    private func writeLanguageOutputs(_ rendered: RenderedPages, reuse: Reuse?, writer: any OutputWriter, emitGolden: Bool, serially: Bool) throws -> Result {
        let outputKeys = rendered.keys
        let inputs = outputKeys.inputs
        let outputs = rendered.pages
        var errors = rendered.errors
        var checkedLinks = outputs.flatMap(\.links)
        let searchParts = model.searchPartMembers()
        let jobs = siteJobs(pages: outputs, keys: outputKeys, reuse: reuse, searchParts: searchParts, emitGolden: emitGolden)
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
        try errors.throwIfAny()
        let pages = site.pages
        let keys = outputKeys.keys
        var keyMap: [String: OutputRecord] = [:]
        var searchLines: [String: String] = [:]
        for index in pages.indices where index < outputs.count {
            let sitePath = pages[index].sitePath
            if let reads = outputs[index].reads {
                keyMap[sitePath] = OutputRecord(baseKey: keys[index], reads: reads, inputs: inputs)
            } else if let record = reuse?.keys[sitePath] {
                keyMap[sitePath] = record
            }
            if let line = outputs[index].searchLine { searchLines[links.final(sitePath)] = line }
        }
        for (index, job) in jobs.enumerated() { if let record = jobKeys[index] { keyMap[job.cacheName] = record } }
        return Result(pageCount: pages.count, renderedPages: outputs.filter(\.rendered).count, links: checkedLinks, keys: keyMap,
                      searchLines: searchLines, outputKeys: outputKeys, searchParts: searchParts)
    }

    /// What the render step of a body-only edit hands on.
    struct EditedPages {
        var edited: [Int]
        var keys: OutputKeys
        /// By page index; pages not edited are empty.
        var pages: [PageOutput]
        var records: [String: OutputRecord]
        var searchLines: [String: String]
    }

    /// The render step for pages whose files were edited in the body only (see `replacingBodies`).
    func renderEditedPages(_ edited: [Int], keys: OutputKeys, writer: any OutputWriter) throws -> EditedPages {
        var pages = Array(repeating: PageOutput(searchLine: nil, links: [], rendered: false), count: site.pages.count)
        var errors = ErrorCollector()
        var records: [String: OutputRecord] = [:]
        var searchLines: [String: String] = [:]
        for index in edited {
            switch renderPage(index, writer: writer) {
            case .success(let output):
                pages[index] = output
                records[site.pages[index].sitePath] = OutputRecord(baseKey: keys.keys[index], reads: output.reads ?? .nothing, inputs: keys.inputs)
                searchLines[links.final(site.pages[index].sitePath)] = output.searchLine
            case .failure(let failure):
                errors.add(contentsOf: failure.errors)
            }
        }
        try errors.throwIfAny()
        return EditedPages(edited: edited, keys: keys, pages: pages, records: records, searchLines: searchLines)
    }

    /// The outputs step after a body-only edit: the search-index parts holding the edited pages,
    /// since no other output's key covers a page's body. The result holds only the keys that moved.
    func writeEditedOutputs(_ rendered: EditedPages, searchParts: [[Int]], reuse: Reuse, writer: any OutputWriter) throws -> Result {
        var records = rendered.records
        let keys = rendered.keys
        if model.config.outputs.contains(.search) {
            let touched = Set(rendered.edited.map {
                SearchIndex.partPath(SearchIndex.part(ofURL: links.final(site.pages[$0].sitePath), partCount: searchParts.count), home: model.prefix)
            })
            for job in searchIndexJobs(members: searchParts, pages: rendered.pages, keys: keys, reuse: reuse) where touched.contains(job.paths[0]) {
                guard let key = job.key(), !reuse.holds(job.cacheName, baseKey: key, inputs: keys.inputs) else { continue }
                let recorder = ReadRecorder()
                _ = try job.run(writer, recorder)
                records[job.cacheName] = OutputRecord(baseKey: key, reads: recorder.reads, inputs: keys.inputs)
            }
        }
        return Result(pageCount: site.pages.count, renderedPages: rendered.edited.count, links: [], keys: records,
                      searchLines: rendered.searchLines)
    }
}
