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
