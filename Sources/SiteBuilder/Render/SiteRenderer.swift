import Blocks
import ByteText
import Foundation
import Markdown
import Scoring

/// What every output is rendered with: the site model, the theme (templates and assets), one
/// context builder per URL form and the Markdown renderer set up for the site. The steps that
/// use it are in `Pipeline/RenderSteps.swift`, the outputs in `Jobs/`, a page's body in
/// `PageBody.swift`. Immutable, so parallel pages share it; everything written is a pure function
/// of the inputs, so builds are byte-identical.
struct SiteRenderer: Sendable {
    private(set) var model: SiteModel
    let templates: TemplateSet
    let assets: Assets
    /// Contexts with the site's own URLs.
    private(set) var contexts: ContextBuilder
    /// Contexts with absolute URLs, for standalone copies, when they differ from the site's own.
    private(set) var absoluteContexts: ContextBuilder?
    let markdown: MarkdownRenderer
    /// The stylesheets standalone files print inline, made safe inside `<style>` once: the same
    /// for every page, so not decoded and scanned again per page.
    let standaloneCSS: (guide: String, questionnaire: String)
    /// The theme's favicon as a `data:` URL, since a self-contained file fetches nothing.
    let standaloneIcon: String
    /// The renderer of each other language's model (`SiteModel.otherLanguages`), with the same theme.
    let otherLanguages: [SiteRenderer]

    /// Every language's renderer, this one's first: the keys, render and outputs steps run each.
    var everyLanguage: [SiteRenderer] { [self] + otherLanguages }

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
        otherLanguages = model.otherLanguages.map { SiteRenderer(model: $0, templates: templates, assets: assets) }
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

    func templateName(for page: Page) -> String { SiteModel.templateName(of: page) }
}
