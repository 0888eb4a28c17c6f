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
    /// Writes every variant the theme has templates for; called once per page after the page itself.
    /// `body` is the page's Markdown as `renderMarkdown(sharedAcrossDepths: true)` left it.
    /// `pageContext` is the page's own context, which the variants start from.
    func writeVariants(ofPage index: Int, template: String, body: RenderedBody, pageContext: [String: TemplateValue],
                       into writer: any OutputWriter, recorder: ReadRecorder) throws {
        let page = site.pages[index]
        let isQuestionnaire = template == "questionnaire"
        let embedTemplate = templates.has("embed/\(template)", recorder: recorder) ? "embed/\(template)" : "embed/page"
        if templates.has(embedTemplate, recorder: recorder) {
            let path = PageVariantFiles.embedFolder + page.sitePath
            var context = try variantContext(index: index, writtenAt: path, withQuestionnaire: isQuestionnaire, body: body,
                                             pageContext: pageContext)
            context["embed"] = [
                "path": .string(page.sitePath),
                "full_url": .string(links.final(page.sitePath)),
                "script": .string(assets.urls["embed_js"] ?? ""),
            ]
            let html = try templates.render(embedTemplate, context: .map(context), forFile: page.file, recorder: recorder)
            try writer.write(OutputPath(sitePath: path), NewTabLinks.apply(to: html))
        }
        if isQuestionnaire, templates.has("standalone/questionnaire", recorder: recorder) {
            try writeStandalone(index: index, template: "standalone/questionnaire", at: PageVariantFiles.questionnaireStandaloneFile,
                                withQuestionnaire: true, body: body, pageContext: pageContext, into: writer, recorder: recorder)
        } else if !page.sitePath.isEmpty, templates.has("standalone/page", recorder: recorder) {
            let file = PageVariantFiles.standaloneFolder + String(page.sitePath.dropLast()) + ".html"
            try writeStandalone(index: index, template: "standalone/page", at: file, withQuestionnaire: false, body: body,
                                pageContext: pageContext, into: writer, recorder: recorder)
        }
    }

    /// A self-contained file: stylesheets and scripts printed inline, a CSP allowing exactly the
    /// inline scripts, and links absolute under the base URL when the site has one.
    private func writeStandalone(index: Int, template: String, at file: String, withQuestionnaire: Bool, body: RenderedBody,
                                 pageContext: [String: TemplateValue], into writer: any OutputWriter, recorder: ReadRecorder) throws {
        let page = site.pages[index]
        // With a base URL, absolute links: the file may be saved and opened anywhere.
        let form = absoluteContexts ?? contexts
        // The shared body's links end in this renderer's `final` paths; another link style renders again.
        let shared = form.links.relative == links.relative ? body : nil
        // The page context serves when the URL form is the page's; another form makes its own.
        var context = try variantContext(index: index, writtenAt: file, withQuestionnaire: withQuestionnaire, body: shared,
                                         pageContext: shared == nil ? nil : pageContext, contexts: form)
        // Guides have no questionnaire markup, so their copies carry the site's stylesheet alone.
        context["standalone"] = [
            "css": .string(withQuestionnaire ? standaloneCSS.questionnaire : standaloneCSS.guide),
            "questionnaire_js": .string(withQuestionnaire ? InlineScripts.scriptSafe(assets.text(forKey: "questionnaire_js") ?? "") : ""),
            "csp": .string(InlineScripts.policyMarker),
            "icon": .string(standaloneIcon),
            "full_url": .string(form.links.root(from: file) + form.links.final(page.sitePath)),
        ]
        // The table is printed inside an inline <script> here, not in a JSON file.
        if withQuestionnaire, case .map(var questionnaire)? = context["questionnaire"], case .string(let table)? = questionnaire["table_json"] {
            questionnaire["table_json"] = .string(InlineScripts.scriptSafe(table))
            context["questionnaire"] = .map(questionnaire)
        }
        let html = try templates.render(template, context: .map(context), forFile: page.file, recorder: recorder)
        try writer.write(OutputPath(sitePath: file), InlineScripts.applyPolicy(to: html))
    }

    /// The page context for a copy of the page written at `path` instead of the page's own place;
    /// the Markdown comes from `body` when given, else is rendered for `path`.
    /// With `pageContext` (the page's own context from this renderer), that context with the root
    /// and the body's HTML of `path`: every other value is the same wherever the copy is written,
    /// since URLs in the context are relative to the site root (building it again was 3% of a build).
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
        if withQuestionnaire, let questionnaire = contexts.questionnaire { context["questionnaire"] = questionnaire }
        return context
    }
}

extension SiteModel {
    /// Site paths of the variants `writeVariants` writes for a page, so an incremental build that
    /// reuses the page keeps them too.
    func variantPaths(ofPage index: Int, templates: TemplateSet) throws(OutputPath.Problem) -> [OutputPath] {
        let sitePath = site.pages[index].sitePath
        let template = templateName(ofPage: index)
        var paths: [OutputPath] = []
        if templates.names.contains("embed/\(template)") || templates.names.contains("embed/page") { paths.append(try OutputPath(sitePath: PageVariantFiles.embedFolder + sitePath)) }
        // Mirrors the choice in writeVariants.
        if template == "questionnaire", templates.names.contains("standalone/questionnaire") {
            paths.append(try OutputPath(sitePath: PageVariantFiles.questionnaireStandaloneFile))
        } else if !sitePath.isEmpty, templates.names.contains("standalone/page") {
            paths.append(try OutputPath(sitePath: PageVariantFiles.standaloneFolder + String(sitePath.dropLast()) + ".html"))
        }
        return paths
    }
}
