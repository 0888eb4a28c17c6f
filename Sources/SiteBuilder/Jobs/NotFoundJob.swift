import Foundation

extension SiteRenderer {
    /// `404.html`. Hosts serve it at any depth, so its links must not depend on where it is shown:
    /// with a base URL they are absolute; without one, its inline script finds the site's root.
    func notFoundJob(_ keys: OutputKeys) -> OutputJob {
        let key = StableHash.combine([keys.globalHash, keys.dataHash])
        return OutputJob(kind: .notFound, paths: ["404.html"], key: { key }) { writer, recorder in
            let context = (absoluteContexts ?? contexts).notFoundContext()
            let page = try templates.render("404", context: .map(context), forFile: "templates/404.mustache", recorder: recorder)
            try writer.write(OutputPath(sitePath: "404.html"), InlineScripts.applyHashes(to: page))
            return []
        }
    }
}
