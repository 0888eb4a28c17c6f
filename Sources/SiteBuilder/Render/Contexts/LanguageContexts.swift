/// What a page prints about the site's languages: the switcher's links (`site.languages`), the
/// `hreflang` alternates (`page.alternates`), the language of its content (`page.lang`) and, on a
/// fallback, its original's address. In a site with one language the values exist, with that one
/// language, and the default templates print nothing of them (`site.has_languages` is false).
extension ContextBuilder {
    /// `site.languages`: `[{code, name, url, active}]`, each language's version of the output that
    /// `contentPath` names (a page's, or a kind's `pitfalls/_index.md`), else that language's home.
    func languageLinks(contentPath: String?) -> TemplateValue {
        guard let languages = site.languages else {
            return [["code": .string(site.config.language), "name": .string(site.config.language), "url": .string(links.final("")),
                     "active": true]]
        }
        let paths = contentPath.map(languages.switcherPaths(forContentPath:)) ?? languages.languages.map(\.prefix)
        return .list(zip(languages.languages, paths).map { language, path in
            ["code": .string(language.code), "name": .string(language.name), "url": .string(links.final(path)),
             "active": .bool(language.code == site.config.language)]
        })
    }

    /// The language of the page's content: its own, or its original's on a fallback.
    func contentLanguage(of page: Page) -> String {
        page.language.contentCode.isEmpty ? site.config.language : page.language.contentCode
    }

    /// `page.alternates`: `[{hreflang, url, href}]` for every real translation of the page, then
    /// `x-default` (`SiteModel.alternates`); `href` is absolute under the base URL, else relative
    /// to the page. None on a fallback page.
    func alternates(of page: Page) -> TemplateValue {
        page.language.untranslated ? [] : alternates(forContentPath: page.contentPath, at: page.sitePath)
    }

    /// The alternates of the output at `sitePath` that `contentPath` names (a section index's
    /// `pitfalls/_index.md`), as `alternates(of:)` gives them.
    func alternates(forContentPath contentPath: String, at sitePath: String) -> TemplateValue {
        .list(model.alternates(forContentPath: contentPath).map { entry in
            ["hreflang": .string(entry.hreflang), "url": .string(links.final(entry.sitePath)),
             "href": .string(site.config.baseURL.map { $0 + entry.sitePath } ?? links.href(from: sitePath, to: entry.sitePath))]
        })
    }

    /// Where a fallback page's original is published (its canonical address), or nil for any other page.
    func originalSitePath(of page: Page) -> String? {
        guard page.language.untranslated, let languages = site.languages else { return nil }
        return languages.versions[page.contentPath]?[languages.defaultIndex]?.sitePath
    }
}
