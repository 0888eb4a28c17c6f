import Blocks
import Foundation

/// The site as every output reads it: the loaded `Site` and everything derived from its
/// structure, worked out once, in one place (the "model" step of a build). Pages are in reading
/// order; kinds, sections, tags, read-next, link targets, the compiled questionnaire and the
/// parsed data files are here, and nothing downstream derives them again. The URLs of both forms
/// a build prints are known here too: the site's own (`links`) and, for the standalone copies of a
/// site with a base URL, absolute ones (`absoluteLinks`).
///
/// Immutable; `replacingBodies` makes the model of a preview edit that touched page bodies only.
struct SiteModel: Sendable {
    private(set) var site: Site
    /// Hrefs as the site's pages print them.
    let links: LinkBuilder
    /// Absolute hrefs under the base URL, for self-contained copies, when they differ from `links`.
    let absoluteLinks: LinkBuilder?
    /// Each kind's index title: the section intro's, or the kind's default.
    let sectionTitles: [PageKind: String]
    /// The theme strings of the site's language (`ThemeStrings.language`), fallbacks filled.
    let strings: LanguageStrings
    /// Pages of each kind, in reading order, as indexes into `site.pages`.
    let kindOrder: [PageKind: [Int]]
    /// Each page's position in its kind's `kindOrder`.
    let positionInKind: [Int]
    /// `pitfalls/x.md` -> index into `site.pages`.
    let pagesByContentPath: [String: Int]
    /// Where `@/` links land: content paths (`pitfalls/x.md`, `pitfalls/_index.md`) -> site paths.
    let contentTargets: [String: String]
    /// Every tag -> its slug (the first spelling of a slug names its page).
    let tagSlugs: [String: String]
    /// Tag pages by slug, in slug order.
    let tags: [TagGroup]
    /// The page that shows the questionnaire (`template: questionnaire`), if any.
    let questionnairePage: Int?
    /// The questionnaire, compiled once.
    let questionnaire: CompiledQuestionnaire?
    /// The fenced-block renderers over the site's data files, each file parsed once per block kind.
    let blocks: BlockRenderers
    /// What `{{scoring.…}}` and `{{planner.…}}` placeholders stand for (see `SiteInstruments`).
    let placeholderValues: [String: String]
    /// For each kind, each tag of its first 64 pages -> the position of the first of them with it.
    private let readNextCandidates: [PageKind: [String: Int]]
    /// Where this language's pages are published: "" at the root, or `de/` (see `Translations`).
    let prefix: String
    /// In a site with several languages, the model of each other language (the same steps run
    /// over each; see `SiteRenderer.everyLanguage`); empty in a site with one language.
    let otherLanguages: [SiteModel]

    /// A tag page: the tag's slug, the name it is shown with, and its pages in reading order.
    struct TagGroup: Sendable {
        var slug: String
        var name: String
        var pages: [Int]
        var sitePath: String
    }

    /// The model step: the loaded site held to its own rules (`SiteValidation`), its pages in
    /// reading order, and everything derived from them.
    init(loaded: SiteLoader.LoadedSite) throws {
        self.init(site: try Self.checked(loaded))
    }

    /// The loaded site's problems, the files' and the site's own rules' in one report (so one run
    /// shows them all), or the site with its pages in reading order.
    static func checked(_ loaded: SiteLoader.LoadedSite) throws -> Site {
        var errors = ErrorCollector()
        errors.add(contentsOf: loaded.problems)
        SiteValidation.check(loaded, &errors)
        var site = Translations.split(loaded, errors: &errors)
        try errors.throwIfAny()
        site.pages = SiteValidation.readingOrder(site.pages)
        for index in site.otherLanguages.indices {
            site.otherLanguages[index].pages = SiteValidation.readingOrder(site.otherLanguages[index].pages)
        }
        return site
    }

    /// `site` already held to its rules and ordered (`checked`).
    init(site: Site) {
        self.site = site
        let prefix = site.languages?.languages.first { $0.code == site.config.language }?.prefix ?? ""
        self.prefix = prefix
        otherLanguages = site.otherLanguages.map(SiteModel.init(site:))
        links = LinkBuilder(relative: site.config.relativeURLs, baseURL: site.config.baseURL)
        absoluteLinks = site.config.baseURL != nil && site.config.relativeURLs
            ? LinkBuilder(relative: false, baseURL: site.config.baseURL) : nil
        var titles: [PageKind: String] = [:]
        strings = site.themeStrings.language(site.config.language)
        for kind in PageKind.allCases { titles[kind] = site.sections[kind]?.title ?? strings[kind.sectionTitleKey] }
        sectionTitles = titles
        var byPath: [String: Int] = [:]
        var order: [PageKind: [Int]] = [:]
        var position = Array(repeating: 0, count: site.pages.count)
        var slugs: [String: String] = [:]
        var targets: [String: String] = [:]
        var pagesBySlug: [String: [Int]] = [:]
        // By index: iterating the pages copied each one (every field retained and released).
        for index in site.pages.indices {
            byPath[site.pages[index].contentPath] = index
            targets[site.pages[index].contentPath] = site.pages[index].sitePath
            let kind = site.pages[index].metadata.kind
            position[index] = order[kind, default: []].count
            order[kind, default: []].append(index)
            for tag in site.pages[index].metadata.tags {
                if slugs[tag] == nil { slugs[tag] = SitePath.slugify(tag) }
                pagesBySlug[slugs[tag] ?? tag, default: []].append(index)
            }
        }
        for kind in site.sections.keys {
            if let path = kind.sectionPath { targets[path + "_index.md"] = prefix + path }
        }
        pagesByContentPath = byPath
        kindOrder = order
        positionInKind = position
        tagSlugs = slugs
        contentTargets = targets
        var names: [String: String] = [:]
        for (tag, slug) in slugs where names[slug] == nil || tag < (names[slug] ?? "") { names[slug] = tag }
        tags = pagesBySlug.keys.sorted().map { TagGroup(slug: $0, name: names[$0] ?? $0, pages: pagesBySlug[$0] ?? [], sitePath: "\(prefix)tags/\($0)/") }
        readNextCandidates = Self.readNextCandidates(site: site, kindOrder: order)
        questionnairePage = site.pages.firstIndex { $0.metadata.template == "questionnaire" }
        questionnaire = site.questionnaire.map { CompiledQuestionnaire($0, translations: site.translations.questionnaires, file: site.questionnaireFile, sourceHash: site.questionnaireSourceHash) }
        blocks = site.blockRenderers
        placeholderValues = site.placeholderValues
    }

    var pages: [Page] { site.pages }
    var config: SiteConfig { site.config }

    /// This model with some pages edited in the body only (same front matter, same published
    /// path), so everything derived from front matter and paths holds.
    func replacingBodies(_ edited: [Int: Page]) -> SiteModel {
        var updated = self
        for (index, page) in edited { updated.site.pages[index] = page }
        return updated
    }

    /// The kind's index page, or nil when the kind has no index or no pages.
    func sectionPath(_ kind: PageKind) -> String? {
        guard let path = kind.sectionPath, kindOrder[kind]?.isEmpty == false else { return nil }
        return prefix + path
    }

    func tagPath(_ tag: String) -> String { "\(tagIndexPath)\(tagSlugs[tag] ?? SitePath.slugify(tag))/" }

    /// The page of every tag.
    var tagIndexPath: String { prefix + "tags/" }

    /// Every language's model, this one's first: what the keys, render and outputs steps run over.
    var everyLanguage: [SiteModel] { [self] + otherLanguages }

    /// A page's template: its own `template`, else `home` for the home page, else its kind's.
    func templateName(ofPage index: Int) -> String { Self.templateName(of: site.pages[index]) }

    static func templateName(of page: Page) -> String {
        page.metadata.template ?? (page.isHome ? "home" : page.metadata.kind.rawValue)
    }

    /// The neighbours a page of a kind with an index shows (`prev`, `next`).
    func neighbours(ofPage index: Int) -> (previous: Int?, next: Int?) {
        let kind = site.pages[index].metadata.kind
        guard kind != .page else { return (nil, nil) }
        let siblings = kindOrder[kind] ?? []
        let position = positionInKind[index]
        return (position > 0 ? siblings[position - 1] : nil, position + 1 < siblings.count ? siblings[position + 1] : nil)
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

    /// A kind's index title: its `_index.md`'s, else the theme string `section_<kind>`.
    func sectionTitle(_ kind: PageKind) -> String { sectionTitles[kind] ?? strings[kind.sectionTitleKey] }

    /// The word on a page's badge for its kind (`kind_<kind>`).
    func kindTitle(_ kind: PageKind) -> String { strings[kind.titleKey] }

    /// A band's `next:` entry: the section or page it names, with its title and site path.
    func resolve(_ reference: String) -> (title: String, sitePath: String)? {
        switch ContentReference.resolve(reference, pages: site.pages, pageIndexByContentPath: pagesByContentPath) {
        case .section(let kind, let sitePath)?: (sectionTitle(kind), prefix + sitePath)
        case .page(let index)?: (site.pages[index].metadata.title, site.pages[index].sitePath)
        case nil: nil
        }
    }

    /// The pages in each part of this language's search index, as indexes into `site.pages`:
    /// every page but the fallbacks, whose words are the original's (see `isFallback`).
    func searchPartMembers() -> [[Int]] {
        let partCount = searchPartCount
        var members = Array(repeating: [Int](), count: partCount)
        for index in site.pages.indices where !isFallback(page: index) {
            members[SearchIndex.part(ofURL: links.final(site.pages[index].sitePath), partCount: partCount)].append(index)
        }
        return members
    }
}
