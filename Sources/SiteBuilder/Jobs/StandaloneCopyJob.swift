import Foundation

extension SiteRenderer {
    /// `standalone/<page path>.html` for a guide, `questionnaire.standalone.html` for the
    /// questionnaire (`templates/standalone/`). Written with the page, when `outputs:` has `standalone`.
    func writeStandaloneCopy(ofPage index: Int, template: String, body: RenderedBody, pageContext: [String: TemplateValue],
                             into writer: any OutputWriter, recorder: ReadRecorder) throws {
        let page = site.pages[index]
        if template == "questionnaire", templates.has("standalone/questionnaire", recorder: recorder) {
            try writeStandalone(index: index, template: "standalone/questionnaire", at: model.questionnaireStandalonePath,
                                withQuestionnaire: true, body: body, pageContext: pageContext, into: writer, recorder: recorder)
        } else if !page.isHome, templates.has("standalone/page", recorder: recorder) {
            let file = model.standalonePath(ofPage: index)
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
}
