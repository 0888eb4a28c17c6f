import Foundation
import Synchronization

/// Builds the typed context (`TemplateValue`) of every kind of output from the site model, in one
/// URL form: one builder per form (`SiteRenderer.contexts`, `absoluteContexts`), one method per
/// template kind (`PageContexts.swift`, `ListContexts.swift`, `QuestionnaireContext.swift`, the
/// copies in `Embed/PageVariants.swift`). Every `url` is root-relative and final; templates print
/// `{{root}}{{url}}` (see docs/architecture.md, "Template context").
struct ContextBuilder: Sendable {
    /// Replaced only by `replacingModel`, with pages whose front matter is unchanged.
    private(set) var model: SiteModel
    /// The URL form this builder prints (`SiteModel.links` or `absoluteLinks`).
    let links: LinkBuilder
    let assets: Assets
    let questionnaireURL: String
    /// The questionnaire as its templates see it, with this builder's URLs.
    let questionnaire: TemplateValue?
    /// `summary(of:)` of every page, built once when first asked for: read-next, prev/next and
    /// list pages repeat them, and a preview rebuild that renders one page needs only a few.
    private let summaries: SummaryStore
    private let assetURLs: TemplateValue
    /// The theme strings this builder prints, and their `i18n` context value.
    let strings: LanguageStrings
    private let i18n: TemplateValue
    private let searchWords: TemplateValue
    /// Theme strings with the site's values filled in, the same on every page.
    private let byline: TemplateValue
    private let builtWith: TemplateValue

    init(model: SiteModel, links: LinkBuilder, assets: Assets) {
        self.model = model
        self.links = links
        self.assets = assets
        questionnaireURL = model.questionnairePage.map { links.final(model.pages[$0].sitePath) } ?? ""
        questionnaire = model.questionnaire.map { QuestionnaireContext.make($0, language: model.config.language, links: links, resolveNext: model.resolve) }
        let strings = model.strings
        self.strings = strings
        i18n = strings.templateValue
        searchWords = .string(strings.searchWordsJSON)
        byline = .string(strings.filled("byline", ["author": model.config.author]))
        builtWith = .string(strings.filled("built_with", ["generator": "Crossroads"]))
        summaries = SummaryStore(count: model.pages.count) { [site = model.site, links, slugs = model.tagSlugs, tags = model.tagIndexPath] index in
            Self.summaryValues(of: site.pages[index], links: links, tagSlugs: slugs, tagIndexPath: tags, strings: strings)
        }
        assetURLs = .map(assets.urls.mapValues(TemplateValue.string))
    }

    /// This builder over a model whose pages changed in the body only (see `SiteModel.replacingBodies`):
    /// every value made so far still holds.
    func replacingModel(_ model: SiteModel) -> ContextBuilder {
        var updated = self
        updated.model = model
        return updated
    }

    var site: Site { model.site }
    var sectionTitles: [PageKind: String] { model.sectionTitles }
    func sectionPath(_ kind: PageKind) -> String? { model.sectionPath(kind) }

    /// Context shared by every output, for the page published at `sitePath`; `contentPath` names
    /// it among the languages (see `languageLinks`), when it has versions in other languages.
    func base(for sitePath: String, contentPath: String? = nil) -> [String: TemplateValue] {
        var nav: [TemplateValue] = []
        for item in site.config.nav {
            let active = item.path == model.prefix ? sitePath == model.prefix : sitePath.hasPrefix(item.path)
            nav.append(["title": .string(item.title), "url": .string(links.final(item.path)), "active": .bool(active)])
        }
        var sections: [TemplateValue] = []
        for kind in PageKind.allCases {
            guard let path = sectionPath(kind) else { continue }
            sections.append(["kind": .string(kind.rawValue), "title": .string(sectionTitles[kind] ?? ""), "url": .string(links.final(path)),
                             "active": .bool(sitePath.hasPrefix(path))])
        }
        let config = site.config
        return [
            "root": .string(links.root(from: sitePath)),
            "site": [
                "title": .string(config.title), "description": .string(config.description), "language": .string(config.language),
                "author": .string(config.author), "base_url": .string(config.baseURL ?? ""), "nav": .list(nav), "sections": .list(sections),
                "questionnaire_url": .string(questionnaireURL), "home_url": .string(links.final(model.prefix)),
                "byline": byline, "built_with": builtWith,
                "languages": languageLinks(contentPath: contentPath), "has_languages": .bool(site.languages != nil),
                // As the theme has always written them, `index.html` included, under the language's prefix.
                "tags_url": .string(model.tagIndexPath + "index.html"),
                "search_url": .string(model.searchPagePath + "index.html"),
                "feed_url": .string(model.feedPath),
                "search_index_url": .string(model.searchEntryPath),
            ],
            "assets": assetURLs,
            "data": .map(site.templateData),
            "i18n": i18n,
            "search_words_json": searchWords,
            "generator": "Crossroads",
        ]
    }

    /// What lists, neighbours and read-next show of a page.
    func summary(of index: Int) -> TemplateValue { summaries.value(at: index) }

    private static func summaryValues(of page: Page, links: LinkBuilder, tagSlugs: [String: String], tagIndexPath: String,
                                      strings: LanguageStrings) -> TemplateValue {
        [
            "title": .string(page.metadata.title), "url": .string(links.final(page.sitePath)), "summary": .string(page.metadata.summary),
            "kind": .string(page.metadata.kind.rawValue), "kind_title": .string(strings[page.metadata.kind.titleKey]),
            "date": .string(page.metadata.date.map(strings.date) ?? ""), "date_iso": .string(page.metadata.date ?? ""),
            "tags": tagList(page.metadata.tags, links: links, tagSlugs: tagSlugs, tagIndexPath: tagIndexPath),
        ]
    }

    func tagList(_ tags: [String]) -> TemplateValue { Self.tagList(tags, links: links, tagSlugs: model.tagSlugs, tagIndexPath: model.tagIndexPath) }

    private static func tagList(_ tags: [String], links: LinkBuilder, tagSlugs: [String: String], tagIndexPath: String) -> TemplateValue {
        .list(tags.map { ["name": .string($0), "url": .string(links.final("\(tagIndexPath)\(tagSlugs[$0] ?? SitePath.slugify($0))/"))] })
    }
}

/// Values made on first use and kept; safe to read from parallel renders.
final class SummaryStore: Sendable {
    private let values: Mutex<[TemplateValue?]>
    private let make: @Sendable (Int) -> TemplateValue

    init(count: Int, make: @escaping @Sendable (Int) -> TemplateValue) {
        values = Mutex(Array(repeating: nil, count: count))
        self.make = make
    }

    func value(at index: Int) -> TemplateValue {
        if let value = values.withLock({ $0[index] }) { return value }
        let value = make(index)
        values.withLock { $0[index] = value }
        return value
    }
}
