import Foundation

extension SiteRenderer {
    /// Renders one page into its file, then the page's own outputs of the kinds `outputs:` chose
    /// (embed and standalone copies, aliases), which share its rendered body and context.
    func renderPage(_ index: Int, writer: any OutputWriter) -> Swift.Result<PageOutput, BuildFailure> {
        let page = site.pages[index]
        let chosen = model.config.outputs
        do {
            // Rendered once for the page and its copies (see RootPlaceholder); without copies,
            // for the page's own place, with no placeholder to replace.
            let body = try renderMarkdown(page.body, file: page.file, firstLine: page.bodyFirstLine, sitePath: page.sitePath,
                                          sharedAcrossDepths: chosen.contains(.embed) || chosen.contains(.standalone))
            let rendered = try body.atDepth(of: page.sitePath, renderer: self, page: page)
            var context = contexts.pageContext(index: index, rendered: rendered.markdown)
            let template = templateName(for: page)
            // Every page may print the questionnaire; those that read it record it.
            if let questionnaire = contexts.questionnaire { context["questionnaire"] = questionnaire }
            let recorder = ReadRecorder()
            let html = try templates.render(template, context: .map(context), forFile: page.file, recorder: recorder)
            try writer.write(OutputPath(sitePath: page.sitePath), html)
            if chosen.contains(.embed) {
                try writeEmbedCopy(ofPage: index, template: template, body: body, pageContext: context, into: writer, recorder: recorder)
            }
            if chosen.contains(.standalone) {
                try writeStandaloneCopy(ofPage: index, template: template, body: body, pageContext: context, into: writer, recorder: recorder)
            }
            if chosen.contains(.aliases) { try writeAliases(ofPage: index, into: writer) }
            return .success(PageOutput(searchLine: searchLine(of: page, body: rendered.markdown), links: rendered.links, rendered: true,
                                       reads: recorder.reads))
        } catch let failure as BuildFailure {
            return .failure(failure)
        } catch let error as SiteError {
            return .failure(BuildFailure([error]))
        } catch {
            return .failure(BuildFailure([SiteError(file: page.file, message: "\(error)")]))
        }
    }

    /// The previous output of a page whose key has not changed, or nil when it must be rendered:
    /// the page's file and those of its own outputs are all kept.
    func reusePage(_ index: Int, writer: any OutputWriter) -> PageOutput? {
        // Fields read in place: copying a whole `Page` per page was a sixth of a preview rebuild.
        let sitePath = site.pages[index].sitePath
        guard let page = try? OutputPath(sitePath: sitePath), writer.reuse(page),
              let aliases = try? model.aliasPaths(ofPage: index), aliases.allSatisfy(writer.reuse),
              let variants = try? model.variantPaths(ofPage: index, templates: templates), variants.allSatisfy(writer.reuse) else { return nil }
        return PageOutput(searchLine: nil, links: [], rendered: false)
    }
}
