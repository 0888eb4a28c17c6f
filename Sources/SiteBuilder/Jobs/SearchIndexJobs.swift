import Foundation

extension SiteRenderer {
    /// The index's entry script and one job per part. A page's line depends only on what its key
    /// covers, so the keys of a part's pages key the part (hashing the lines was most of a
    /// one-page preview rebuild); a part with a changed page takes the other pages' lines from
    /// the previous build, or makes them again when it has none.
    /// Each language has its own index under its prefix (`de/search-index.js`), so a search finds
    /// the pages of the reader's language only.
    func searchIndexJobs(members: [[Int]], pages: [PageOutput], keys: OutputKeys, reuse: Reuse?) -> [OutputJob] {
        let partCount = members.count
        let home = model.prefix
        let entry = SearchIndex.entryScript(partCount: partCount, home: home)
        let entryKey = StableHash.keyOf(entry)
        let entryPath = model.searchEntryPath
        var jobs = [OutputJob(kind: .search, paths: [entryPath], key: { entryKey }) { writer, _ in
            try writer.write(OutputPath(sitePath: entryPath), Data(entry.utf8), contentKey: entryKey)
            return []
        }]
        let sections = sectionSearchEntries(keys: keys)
        for (part, indexes) in members.enumerated() {
            let sectionsHere = sections.filter { SearchIndex.part(ofURL: $0.url, partCount: partCount) == part }
            let key = StableHash.combine([UInt64(part), UInt64(partCount)] + indexes.map { keys.keys[$0] } + sectionsHere.map(\.key))
            let path = SearchIndex.partPath(part, home: home)
            // The questionnaire page's line holds the questionnaire's words (see SearchEntries).
            let readsQuestionnaire = indexes.contains { showsQuestionnaire(site.pages[$0]) }
            jobs.append(OutputJob(kind: .search, paths: [path], key: { key }) { writer, recorder in
                if readsQuestionnaire { recorder.readQuestionnaire() }
                var lines: [String] = []
                lines.reserveCapacity(indexes.count)
                for index in indexes {
                    if let line = pages[index].searchLine ?? reuse?.searchLines.line(forURL: links.final(site.pages[index].sitePath), home: home) {
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

    /// The search page (`search/`), which reads the index in the browser.
    func searchPageJob(_ keys: OutputKeys) -> OutputJob {
        let key = StableHash.combine([keys.globalHash, keys.dataHash])
        let path = model.searchPagePath
        return OutputJob(kind: .search, paths: [path], key: { key }) { writer, recorder in
            let context = contexts.listContext(sitePath: path, title: "Search", summary: "", contentHTML: "", pages: [])
            try writer.write(OutputPath(sitePath: path), try templates.render("search", context: .map(context), forFile: "templates/search.mustache",
                                                                              recorder: recorder))
            return []
        }
    }
}
