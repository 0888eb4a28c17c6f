/// The context of a list (`templates/list`, `tag`, `tags`, `search`, `404`): the shared values,
/// `list` with its pages, and a `page` with the list's title for the layout.
extension ContextBuilder {
    func listContext(sitePath: String, title: String, summary: String, contentHTML: String, pages: [Int], contentPath: String? = nil) -> [String: TemplateValue] {
        var context = base(for: sitePath, contentPath: contentPath)
        context["list"] = ["title": .string(title), "summary": .string(summary), "content": .string(contentHTML),
                           "pages": .list(pages.map(self.summary(of:))), "url": .string(links.final(sitePath))]
        context["page"] = ["title": .string(title), "summary": .string(summary), "url": .string(links.final(sitePath)),
                           "canonical": .string(site.config.baseURL.map { $0 + sitePath } ?? ""),
                           "breadcrumbs": [["title": .string(strings["home"]), "url": .string(links.final(model.prefix))]]]
        return context
    }

    /// A kind's index page, with its intro's HTML.
    func sectionContext(_ kind: PageKind, introHTML: String) -> [String: TemplateValue] {
        let path = sectionPath(kind) ?? ""
        let contentPath = kind.sectionPath.map { $0 + "_index.md" }
        var context = listContext(sitePath: path, title: sectionTitles[kind] ?? "", summary: site.sections[kind]?.summary ?? "",
                                  contentHTML: introHTML, pages: model.kindOrder[kind] ?? [], contentPath: contentPath)
        // A section's index is translated with its intro (`_index.de.md`): then it has alternates as a page has.
        if let contentPath, case .map(var page)? = context["page"] {
            page["alternates"] = alternates(forContentPath: contentPath, at: path)
            context["page"] = .map(page)
        }
        return context
    }

    /// A tag's page.
    func tagContext(_ tag: SiteModel.TagGroup) -> [String: TemplateValue] {
        listContext(sitePath: tag.sitePath, title: strings.filled("tagged_title", ["tag": tag.name]), summary: "", contentHTML: "", pages: tag.pages)
    }

    /// The page of every tag, with how many pages each has.
    func tagIndexContext() -> [String: TemplateValue] {
        var context = listContext(sitePath: model.tagIndexPath, title: strings["tags_title"], summary: "", contentHTML: "", pages: [])
        context["tags"] = .list(model.tags.map { ["name": .string($0.name), "url": .string(links.final($0.sitePath)), "count": .int($0.pages.count)] })
        return context
    }

    /// The 404 page; build it with the URL form that works at any depth (see `SiteRenderer`).
    func notFoundContext() -> [String: TemplateValue] {
        var context = listContext(sitePath: "", title: strings["not_found_title"], summary: "", contentHTML: "", pages: [])
        context["is_404"] = true
        return context
    }
}
