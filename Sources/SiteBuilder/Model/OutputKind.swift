/// The kinds of output a build can write, one output job each, chosen by `outputs:` in
/// `site.yml` (like Hugo's output formats); without it, every kind.
///
/// `pages` is always built, and brings what every page of the theme links to, so that no page
/// links to a missing file: the theme's assets, the section indexes (navigation, breadcrumbs,
/// footer), the tag pages and tag index (a page's tags, the footer), the search page and the
/// search index (the header's search form, every page's script) and the Atom feed (every page's
/// head and footer). The kinds a site may leave out are those no page links to.
public enum OutputKind: String, CaseIterable, Sendable, Comparable {
    case pages
    case sections
    case tags
    case feeds
    case sitemap
    case search
    case embed
    case standalone
    case aliases
    case notFound = "404"

    /// The kinds every page links to, built whenever pages are.
    static let broughtByPages: Set<OutputKind> = [.pages, .sections, .tags, .feeds, .search]

    /// The kinds a build writes when `site.yml` names `chosen`: those, and what pages bring.
    static func built(choosing chosen: Set<OutputKind>) -> Set<OutputKind> { chosen.union(broughtByPages) }

    /// The spelling in `site.yml`.
    var name: String { rawValue }

    public static func < (left: OutputKind, right: OutputKind) -> Bool {
        (allCases.firstIndex(of: left) ?? 0) < (allCases.firstIndex(of: right) ?? 0)
    }
}
