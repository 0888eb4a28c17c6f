import Foundation

extension SiteRenderer {
    /// One job per section index (`pitfalls/`): its intro's Markdown and the pages it lists.
    func sectionIndexJobs(_ keys: OutputKeys) -> [OutputJob] {
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
            return OutputJob(kind: .sections, paths: [path], key: { key }) { writer, recorder in
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
}
