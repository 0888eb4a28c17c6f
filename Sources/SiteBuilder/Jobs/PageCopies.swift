import Foundation

/// The other outputs of a page, for hosts that cannot show the full site:
///
/// - `embed/<page path>` — the page without site chrome, for an iframe (`templates/embed/`).
/// - `standalone/<page path>.html` — one self-contained file per guide (`templates/standalone/page`).
/// - `questionnaire.standalone.html` — the questionnaire as one self-contained file
///   (`templates/standalone/questionnaire`).
///
/// Each variant is rendered with the same page context as the full page, but with its Markdown
/// links and `root` computed from where the variant is written, so every link reaches the full
/// page it names (never another embed or standalone file). A theme without these templates
/// simply gets no variants. See docs/embedding.md.
enum PageVariantFiles {
    static let embedFolder = "embed/"
    static let standaloneFolder = "standalone/"
    static let questionnaireStandaloneFile = "questionnaire.standalone.html"
}

extension SiteRenderer {
    /// The page context for a copy of the page written at `path` instead of the page's own place;
    /// the Markdown comes from `body` when given, else is rendered for `path`.
    /// With `pageContext` (the page's own context from this renderer), that context with the root
    /// and the body's HTML of `path`: every other value is the same wherever the copy is written,
    /// since URLs in the context are relative to the site root, so it is not built again.
    /// `contexts`: the URL form to print (the site's own unless given).
    func variantContext(index: Int, writtenAt path: String, withQuestionnaire: Bool, body: RenderedBody?,
                        pageContext: [String: TemplateValue]? = nil, contexts: ContextBuilder? = nil) throws -> [String: TemplateValue] {
        let page = site.pages[index]
        let contexts = contexts ?? self.contexts
        let links = contexts.links
        let rendered = try body?.atDepth(of: path, renderer: self, page: page, links: links)
            ?? renderMarkdown(page.body, file: page.file, firstLine: page.bodyFirstLine, sitePath: path, links: links)
        var context: [String: TemplateValue]
        if let pageContext, case .map(var pageValues)? = pageContext["page"] {
            context = pageContext
            pageValues["content"] = .string(rendered.markdown.html)
            context["page"] = .map(pageValues)
            context["questionnaire"] = nil
        } else {
            context = contexts.pageContext(index: index, rendered: rendered.markdown)
        }
        context["root"] = .string(links.root(from: path))
        // What the page's context links relative to the page itself (without a base URL: a
        // fallback's canonical original, the alternates) is linked again from the copy's place.
        if site.languages != nil, site.config.baseURL == nil, case .map(var pageValues)? = context["page"] {
            if let original = contexts.originalSitePath(of: page) { pageValues["canonical"] = .string(links.href(from: path, to: original)) }
            if !page.language.untranslated { pageValues["alternates"] = contexts.alternates(forContentPath: page.contentPath, at: path) }
            context["page"] = .map(pageValues)
        }
        if withQuestionnaire, let questionnaire = contexts.questionnaire { context["questionnaire"] = questionnaire }
        return context
    }
}

extension SiteModel {
    /// Site paths of the copies a page's jobs write (`writeEmbedCopy`, `writeStandaloneCopy`) of
    /// the kinds `outputs:` chose, for the output map, and so that an incremental build that
    /// reuses the page keeps them too.
    func variantPaths(ofPage index: Int, templates: TemplateSet) throws(OutputPath.Problem) -> [OutputPath] {
        let template = templateName(ofPage: index)
        var paths: [OutputPath] = []
        if config.outputs.contains(.embed), templates.names.contains("embed/\(template)") || templates.names.contains("embed/page") {
            paths.append(try OutputPath(sitePath: embedPath(ofPage: index)))
        }
        guard config.outputs.contains(.standalone) else { return paths }
        // Mirrors the choice in writeStandaloneCopy.
        if template == "questionnaire", templates.names.contains("standalone/questionnaire") {
            paths.append(try OutputPath(sitePath: questionnaireStandalonePath))
        } else if !site.pages[index].isHome, templates.names.contains("standalone/page") {
            paths.append(try OutputPath(sitePath: standalonePath(ofPage: index)))
        }
        return paths
    }

    /// `embed/<page path>`, inside the language's prefix (`de/embed/pitfalls/x/`).
    func embedPath(ofPage index: Int) -> String {
        prefix + PageVariantFiles.embedFolder + unprefixed(site.pages[index].sitePath)
    }

    /// `standalone/<page path>.html`, inside the language's prefix (`de/standalone/pitfalls/x.html`).
    func standalonePath(ofPage index: Int) -> String {
        prefix + PageVariantFiles.standaloneFolder + String(unprefixed(site.pages[index].sitePath).dropLast()) + ".html"
    }

    /// `questionnaire.standalone.html`, inside the language's prefix.
    var questionnaireStandalonePath: String { prefix + PageVariantFiles.questionnaireStandaloneFile }
}
