import Markdown

/// The context of a Markdown page (`templates/<kind>.mustache`, `home`, `questionnaire` or its
/// own `template:`): the shared values, `page`, and on the home page every section with its pages.
extension ContextBuilder {
    func pageContext(index: Int, rendered: RenderedMarkdown) -> [String: TemplateValue] {
        let page = site.pages[index]
        let metadata = page.metadata
        var context = base(for: page.sitePath, contentPath: page.contentPath)
        let original = originalSitePath(of: page)
        let readingMinutes = max(1, (rendered.wordCount + 219) / 220)
        var pageValues: [String: TemplateValue] = [
            "title": .string(metadata.title), "summary": .string(metadata.summary), "kind": .string(metadata.kind.rawValue),
            "kind_title": .string(strings[metadata.kind.titleKey]), "url": .string(links.final(page.sitePath)),
            "canonical": .string(original.map { canonical in site.config.baseURL.map { $0 + canonical } ?? links.href(from: page.sitePath, to: canonical) }
                                 ?? site.config.baseURL.map { $0 + page.sitePath } ?? ""),
            "lang": .string(contentLanguage(of: page)), "untranslated": .bool(page.language.untranslated),
            "alternates": alternates(of: page),
            "content": .string(rendered.html),
            "toc": .list(rendered.toc.map { ["level": .int($0.level), "id": .string($0.id), "title": .string($0.text), "is_sub": .bool($0.level > 2)] }),
            "has_toc": .bool(rendered.toc.count >= 2),
            "word_count": .int(rendered.wordCount),
            "reading_time": .int(readingMinutes),
            "reading_time_text": .string(strings.filled("reading_time", ["minutes": strings.number(readingMinutes)])),
            "tags": tagList(metadata.tags), "has_tags": .bool(!metadata.tags.isEmpty),
            "date": .string(metadata.date.map(strings.date) ?? ""), "date_iso": .string(metadata.date ?? ""),
            "updated": .string(metadata.updated.map(strings.date) ?? ""), "updated_iso": .string(metadata.updated ?? ""),
            "breadcrumbs": breadcrumbs(for: page),
            "read_next": .list(model.readNext(for: index).map(summary(of:))),
            "is_home": .bool(page.isHome),
        ]
        let neighbours = model.neighbours(ofPage: index)
        if let previous = neighbours.previous { pageValues["prev"] = summary(of: previous) }
        if let next = neighbours.next { pageValues["next"] = summary(of: next) }
        context["page"] = .map(pageValues)
        if page.isHome { context["sections_full"] = sectionsFull() }
        return context
    }

    func breadcrumbs(for page: Page) -> TemplateValue {
        var crumbs: [TemplateValue] = [["title": .string(strings["home"]), "url": .string(links.final(model.prefix))]]
        if let section = sectionPath(page.metadata.kind) {
            crumbs.append(["title": .string(sectionTitles[page.metadata.kind] ?? ""), "url": .string(links.final(section))])
        }
        return .list(crumbs)
    }

    /// The home page's list of every section with its pages, then the plain pages.
    func sectionsFull() -> TemplateValue {
        var groups: [TemplateValue] = PageKind.allCases.compactMap { kind -> TemplateValue? in
            guard let path = sectionPath(kind), let indexes = model.kindOrder[kind] else { return nil }
            return ["kind": .string(kind.rawValue), "title": .string(sectionTitles[kind] ?? ""), "url": .string(links.final(path)),
                    "summary": .string(site.sections[kind]?.summary ?? ""), "pages": .list(indexes.map(summary(of:)))]
        }
        // Plain pages (kind `page`) other than the home page, shown as their own group.
        let plain = (model.kindOrder[.page] ?? []).filter { !site.pages[$0].isHome }
        if !plain.isEmpty {
            groups.append(["kind": "page", "title": .string(strings["more_guides"]), "url": "", "summary": "", "pages": .list(plain.map(summary(of:)))])
        }
        return .list(groups)
    }
}
