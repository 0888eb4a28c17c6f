import Foundation
import Markdown

/// A page's Markdown rendered into its body: placeholders filled, fenced blocks drawn, links
/// rewritten (`ContentLink.rewrite`), every problem carried as a `SiteError` at its file line.
extension SiteRenderer {
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
            try ContentLink.rewrite(destination, root: root, targets: targets, links: links)
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
}
