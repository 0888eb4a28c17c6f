import Foundation

extension SiteRenderer {
    /// `404.html`, and in a site with several languages `de/404.html` for each other language
    /// (`SiteModel.notFoundPath`). Hosts serve it at any depth, so its links must not depend on
    /// where it is shown: with a base URL they are absolute; without one they are written for the
    /// site's root, wherever the file is, and its inline script finds the root.
    func notFoundJob(_ keys: OutputKeys) -> OutputJob {
        let key = StableHash.combine([keys.globalHash, keys.dataHash])
        let path = model.notFoundPath
        return OutputJob(kind: .notFound, paths: [path], key: { key }) { writer, recorder in
            let context = (absoluteContexts ?? contexts).notFoundContext()
            let page = try templates.render("404", context: .map(context), forFile: "templates/404.mustache", recorder: recorder)
            try writer.write(OutputPath(sitePath: path), InlineScripts.applyHashes(to: page))
            return []
        }
    }
}
