import Foundation
import Markdown

/// Builds the Mustache context for each kind of output. Every `url` is root-relative and final;
/// templates print `{{root}}{{url}}` (see docs/architecture.md, "Template context").
struct ContextBuilder {
    /// Replaced only by `replacingModel`, with pages whose front matter is unchanged.
    private(set) var model: SiteModel
    /// The URL form this builder prints (`SiteModel.links` or `absoluteLinks`).
    let links: LinkBuilder
    let assets: Assets
    let questionnaireURL: String
    let templateData: [String: Any]
    /// The questionnaire as its templates see it, with this builder's URLs.
    let questionnaire: [String: Any]?
    /// `summary(of:)` of every page, built once when first asked for: read-next, prev/next and
    /// list pages repeat them, and a preview rebuild that renders one page needs only a few.
    private let summaries: SummaryStore

    init(model: SiteModel, links: LinkBuilder, assets: Assets) {
        self.model = model
        self.links = links
        self.assets = assets
        questionnaireURL = model.questionnairePage.map { links.final(model.pages[$0].sitePath) } ?? ""
        templateData = model.site.templateData.mapValues(\.mustacheValue)
        questionnaire = model.questionnaire.map { questionnaire in
            QuestionnaireContext.make(questionnaire, links: links, resolveNext: model.resolve)
        }
        summaries = SummaryStore(count: model.pages.count) { [site = model.site, links, slugs = model.tagSlugs] index in
            Self.summaryValues(of: site.pages[index], links: links, tagSlugs: slugs)
        }
    }

    /// This builder over a model whose pages changed in the body only (see `SiteModel.replacingBodies`):
    /// every value made so far still holds.
    func replacingModel(_ model: SiteModel) -> ContextBuilder {
        var updated = self
        updated.model = model
        return updated
    }

    private var site: Site { model.site }
    var sectionTitles: [PageKind: String] { model.sectionTitles }
    func sectionPath(_ kind: PageKind) -> String? { model.sectionPath(kind) }

    private static func tagPath(_ tag: String, tagSlugs: [String: String]) -> String {
        "tags/\(tagSlugs[tag] ?? SitePath.slugify(tag))/"
    }

    /// Context shared by every output, for the page published at `sitePath`.
    func base(for sitePath: String) -> [String: Any] {
        var nav: [[String: Any]] = []
        for item in site.config.nav {
            let active = item.path.isEmpty ? sitePath.isEmpty : sitePath.hasPrefix(item.path)
            nav.append(["title": item.title, "url": links.final(item.path), "active": active])
        }
        var sections: [[String: Any]] = []
        for kind in PageKind.allCases {
            guard let path = sectionPath(kind) else { continue }
            sections.append(["kind": kind.rawValue, "title": sectionTitles[kind] ?? "", "url": links.final(path),
                             "active": sitePath.hasPrefix(path)])
        }
        let config = site.config
        return [
            "root": links.root(from: sitePath),
            "site": [
                "title": config.title, "description": config.description, "language": config.language,
                "author": config.author, "base_url": config.baseURL ?? "", "nav": nav, "sections": sections,
                "questionnaire_url": questionnaireURL, "home_url": links.final(""),
            ] as [String: Any],
            "assets": assets.urls,
            "data": templateData,
            "generator": "Crossroads",
        ]
    }

    func summary(of index: Int) -> [String: Any] { summaries.value(at: index) }

    private static func summaryValues(of page: Page, links: LinkBuilder, tagSlugs: [String: String]) -> [String: Any] {
        [
            "title": page.metadata.title, "url": links.final(page.sitePath), "summary": page.metadata.summary,
            "kind": page.metadata.kind.rawValue, "kind_title": page.metadata.kind.singularTitle,
            "date": page.metadata.date.map(DateText.readable) ?? "", "date_iso": page.metadata.date ?? "",
            "tags": tagList(page.metadata.tags, links: links, tagSlugs: tagSlugs),
        ]
    }

    func tagList(_ tags: [String]) -> [[String: Any]] { Self.tagList(tags, links: links, tagSlugs: model.tagSlugs) }

    private static func tagList(_ tags: [String], links: LinkBuilder, tagSlugs: [String: String]) -> [[String: Any]] {
        tags.map { ["name": $0, "url": links.final(tagPath($0, tagSlugs: tagSlugs))] }
    }

    func pageContext(index: Int, rendered: RenderedMarkdown) -> [String: Any] {
        let page = site.pages[index]
        let metadata = page.metadata
        var context = base(for: page.sitePath)
        var pageValues: [String: Any] = [
            "title": metadata.title, "summary": metadata.summary, "kind": metadata.kind.rawValue,
            "kind_title": metadata.kind.singularTitle, "url": links.final(page.sitePath),
            "canonical": site.config.baseURL.map { $0 + page.sitePath } ?? "",
            "content": rendered.html,
            "toc": rendered.toc.map { ["level": $0.level, "id": $0.id, "title": $0.text, "is_sub": $0.level > 2] as [String: Any] },
            "has_toc": rendered.toc.count >= 2,
            "word_count": rendered.wordCount,
            "reading_time": max(1, (rendered.wordCount + 219) / 220),
            "tags": tagList(metadata.tags), "has_tags": !metadata.tags.isEmpty,
            "date": metadata.date.map(DateText.readable) ?? "", "date_iso": metadata.date ?? "",
            "updated": metadata.updated.map(DateText.readable) ?? "", "updated_iso": metadata.updated ?? "",
            "breadcrumbs": breadcrumbs(for: page),
            "read_next": model.readNext(for: index).map(summary(of:)),
            "is_home": page.sitePath.isEmpty,
        ]
        let neighbours = model.neighbours(ofPage: index)
        if let previous = neighbours.previous { pageValues["prev"] = summary(of: previous) }
        if let next = neighbours.next { pageValues["next"] = summary(of: next) }
        context["page"] = pageValues
        if page.sitePath.isEmpty { context["sections_full"] = sectionsFull() }
        return context
    }

    func breadcrumbs(for page: Page) -> [[String: Any]] {
        var crumbs: [[String: Any]] = [["title": "Home", "url": links.final("")]]
        if let section = sectionPath(page.metadata.kind) {
            crumbs.append(["title": sectionTitles[page.metadata.kind] ?? "", "url": links.final(section)])
        }
        return crumbs
    }

    func sectionsFull() -> [[String: Any]] {
        PageKind.allCases.compactMap { kind -> [String: Any]? in
            guard let path = sectionPath(kind), let indexes = model.kindOrder[kind] else { return nil }
            return ["kind": kind.rawValue, "title": sectionTitles[kind] ?? "", "url": links.final(path),
                    "summary": site.sections[kind]?.summary ?? "", "pages": indexes.map(summary(of:))]
        } + standalonePages()
    }

    /// Plain pages (kind `page`) other than the home page, shown as their own group on the home page.
    private func standalonePages() -> [[String: Any]] {
        let indexes = (model.kindOrder[.page] ?? []).filter { !site.pages[$0].sitePath.isEmpty }
        guard !indexes.isEmpty else { return [] }
        return [["kind": "page", "title": "More guides", "url": "", "summary": "", "pages": indexes.map(summary(of:))]]
    }

    func listContext(sitePath: String, title: String, summary: String, contentHTML: String, pages: [Int]) -> [String: Any] {
        var context = base(for: sitePath)
        context["list"] = ["title": title, "summary": summary, "content": contentHTML, "pages": pages.map(summary(of:)),
                           "url": links.final(sitePath)] as [String: Any]
        context["page"] = ["title": title, "summary": summary, "url": links.final(sitePath),
                           "canonical": site.config.baseURL.map { $0 + sitePath } ?? "",
                           "breadcrumbs": [["title": "Home", "url": links.final("")]]] as [String: Any]
        return context
    }
}

/// Values made on first use and kept; safe to read from parallel renders.
final class SummaryStore: @unchecked Sendable {
    private var values: [[String: Any]?]
    private let make: (Int) -> [String: Any]
    private let lock = NSLock()

    init(count: Int, make: @escaping (Int) -> [String: Any]) {
        values = Array(repeating: nil, count: count)
        self.make = make
    }

    func value(at index: Int) -> [String: Any] {
        if let value = lock.withLock({ values[index] }) { return value }
        let value = make(index)
        lock.withLock { values[index] = value }
        return value
    }
}
