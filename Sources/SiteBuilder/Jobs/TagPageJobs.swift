import Foundation

extension SiteRenderer {
    /// One job per tag page (`tags/<slug>/`) and one for the tag index (`tags/`).
    func tagPageJobs(_ keys: OutputKeys) -> [OutputJob] {
        guard !model.tags.isEmpty else { return [] }
        var jobs: [OutputJob] = []
        for tag in model.tags {
            let indexes = tag.pages
            let name = tag.name
            let path = tag.sitePath
            let key = StableHash.combine([keys.globalHash, StableHash.keyOf(name)] + indexes.map { keys.summaries[$0] })
            jobs.append(OutputJob(kind: .tags, paths: [path], key: { key }) { writer, recorder in
                try writer.write(OutputPath(sitePath: path), try templates.render("tag", context: .map(contexts.tagContext(tag)), forFile: "templates/tag.mustache",
                                                                                  recorder: recorder))
                return []
            })
        }
        let indexKey = StableHash.combine([keys.globalHash]
                                          + model.tags.map { StableHash.keyOf("\($0.slug)\u{0}\($0.name)\u{0}\($0.pages.count)") })
        let indexPath = model.tagIndexPath
        jobs.append(OutputJob(kind: .tags, paths: [indexPath], key: { indexKey }) { writer, recorder in
            try writer.write(OutputPath(sitePath: indexPath), try templates.render("tags", context: .map(contexts.tagIndexContext()), forFile: "templates/tags.mustache",
                                                                                 recorder: recorder))
            return []
        })
        return jobs
    }
}
