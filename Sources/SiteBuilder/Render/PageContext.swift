import Foundation
import Markdown

/// Builds the Mustache context for each kind of output. Every `url` is root-relative and final;
/// templates print `{{root}}{{url}}` (see docs/architecture.md, "Template context").
struct ContextBuilder {
    /// Replaced only by `SiteRenderer.replacingBodies`, with pages whose front matter is unchanged.
    var site: Site
    let links: LinkBuilder
    let assets: Assets
    let sectionTitles: [PageKind: String]
    let questionnaireURL: String
    let templateData: [String: Any]
    let pagesByContentPath: [String: Int]
    /// Pages of each kind, in reading order, as indexes into `site.pages`.
    let kindOrder: [PageKind: [Int]]
    let positionInKind: [Int]
    let tagSlugs: [String: String]
    private let readNextCandidates: [PageKind: [String: Int]]
    /// `summary(of:)` of every page, built once when first asked for: read-next, prev/next and
    /// list pages repeat them, and a preview rebuild that renders one page needs only a few.
    private let summaries: SummaryStore

    init(site: Site, links: LinkBuilder, assets: Assets) {
        self.site = site
        self.links = links
        self.assets = assets
        var titles: [PageKind: String] = [:]
        for kind in PageKind.allCases { titles[kind] = site.sections[kind]?.title ?? kind.defaultSectionTitle }
        sectionTitles = titles
        let questionnairePage = site.pages.first { $0.metadata.template == "questionnaire" }
        questionnaireURL = questionnairePage.map { links.final($0.sitePath) } ?? ""
        templateData = site.templateData.mapValues(\.mustacheValue)
        var byPath: [String: Int] = [:]
        var order: [PageKind: [Int]] = [:]
        var position = Array(repeating: 0, count: site.pages.count)
        var slugs: [String: String] = [:]
        // By index: iterating the pages copied each one (every field retained and released).
        for index in site.pages.indices {
            byPath[site.pages[index].contentPath] = index
            let kind = site.pages[index].metadata.kind
            position[index] = order[kind, default: []].count
            order[kind, default: []].append(index)
            for tag in site.pages[index].metadata.tags where slugs[tag] == nil { slugs[tag] = SitePath.slugify(tag) }
        }
        pagesByContentPath = byPath
        kindOrder = order
        positionInKind = position
        tagSlugs = slugs
        readNextCandidates = Self.readNextCandidates(site: site, kindOrder: order)
        summaries = SummaryStore(count: site.pages.count) { [site, links, slugs] index in
            Self.summaryValues(of: site.pages[index], links: links, tagSlugs: slugs)
        }
    }

    func sectionPath(_ kind: PageKind) -> String? {
        guard let path = kind.sectionPath, kindOrder[kind]?.isEmpty == false else { return nil }
        return path
    }

    func tagPath(_ tag: String) -> String { Self.tagPath(tag, tagSlugs: tagSlugs) }

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

    func tagList(_ tags: [String]) -> [[String: Any]] { Self.tagList(tags, links: links, tagSlugs: tagSlugs) }

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
            "read_next": readNext(for: index).map(summary(of:)),
            "is_home": page.sitePath.isEmpty,
        ]
        let siblings = kindOrder[metadata.kind] ?? []
        let position = positionInKind[index]
        if metadata.kind != .page {
            if position > 0 { pageValues["prev"] = summary(of: siblings[position - 1]) }
            if position + 1 < siblings.count { pageValues["next"] = summary(of: siblings[position + 1]) }
        }
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

    /// The front matter's `read_next`, or else one page of each other kind, preferring pages that share a tag.
    func readNext(for index: Int) -> [Int] {
        let page = site.pages[index]
        if !page.metadata.readNext.isEmpty {
            return page.metadata.readNext.compactMap { pagesByContentPath[ContentLink.contentPath($0)] }
        }
        var picks: [Int] = []
        for kind in PageKind.allCases where kind != page.metadata.kind && kind != .page {
            guard let candidates = kindOrder[kind], !candidates.isEmpty else { continue }
            // The first of the kind's first 64 pages that shares a tag: the earliest first
            // position of any of this page's tags.
            let firstByTag = readNextCandidates[kind] ?? [:]
            let sharing = page.metadata.tags.compactMap { firstByTag[$0] }.min()
            picks.append(sharing.map { candidates[$0] } ?? candidates[0])
            if picks.count == 3 { break }
        }
        return picks
    }

    /// For each kind, each tag of its first 64 pages -> the position of the first of them with it.
    private static func readNextCandidates(site: Site, kindOrder: [PageKind: [Int]]) -> [PageKind: [String: Int]] {
        var result: [PageKind: [String: Int]] = [:]
        for (kind, indexes) in kindOrder {
            var firstByTag: [String: Int] = [:]
            for (position, index) in indexes.prefix(64).enumerated() {
                for tag in site.pages[index].metadata.tags where firstByTag[tag] == nil { firstByTag[tag] = position }
            }
            result[kind] = firstByTag
        }
        return result
    }

    func sectionsFull() -> [[String: Any]] {
        PageKind.allCases.compactMap { kind -> [String: Any]? in
            guard let path = sectionPath(kind), let indexes = kindOrder[kind] else { return nil }
            return ["kind": kind.rawValue, "title": sectionTitles[kind] ?? "", "url": links.final(path),
                    "summary": site.sections[kind]?.summary ?? "", "pages": indexes.map(summary(of:))]
        } + standalonePages()
    }

    /// Plain pages (kind `page`) other than the home page, shown as their own group on the home page.
    private func standalonePages() -> [[String: Any]] {
        let indexes = (kindOrder[.page] ?? []).filter { !site.pages[$0].sitePath.isEmpty }
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
