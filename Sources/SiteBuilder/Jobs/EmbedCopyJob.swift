import Foundation

extension SiteRenderer {
    /// `embed/<page path>`: the page without site chrome, for an iframe (`templates/embed/`), from
    /// the page's own context and body. Written with the page, when `outputs:` has `embed`.
    func writeEmbedCopy(ofPage index: Int, template: String, body: RenderedBody, pageContext: [String: TemplateValue],
                        into writer: any OutputWriter, recorder: ReadRecorder) throws {
        let page = site.pages[index]
        let embedTemplate = templates.has("embed/\(template)", recorder: recorder) ? "embed/\(template)" : "embed/page"
        guard templates.has(embedTemplate, recorder: recorder) else { return }
        let path = model.embedPath(ofPage: index)
        var context = try variantContext(index: index, writtenAt: path, withQuestionnaire: template == "questionnaire", body: body,
                                         pageContext: pageContext)
        context["embed"] = [
            "path": .string(page.sitePath),
            "full_url": .string(links.final(page.sitePath)),
            "script": .string(assets.urls["embed_js"] ?? ""),
            "open_text": .string(model.strings.filled("embed_open_full", ["title": page.metadata.title, "site": site.config.title])),
        ]
        let html = try templates.render(embedTemplate, context: .map(context), forFile: page.file, recorder: recorder)
        try writer.write(OutputPath(sitePath: path), NewTabLinks.apply(to: html))
    }
}
