/// The words the builder itself puts into contexts (breadcrumbs, badges, list titles, dates),
/// in English: what a site without `i18n/` prints, as it did before theme strings, and what a
/// language's file overrides. The default site's `i18n/en.yml` repeats them, so a translator
/// sees every key in one file.
enum BuiltInStrings {
    static let english: [String: String] = [
        "home": "Home",
        "more_guides": "More guides",
        "tags_title": "Tags",
        "tagged_title": "Tagged “{tag}”",
        "not_found_title": "Page not found",
        "reading_time": "{minutes} min read",
        "byline": "By {author}.",
        "built_with": "Built with {generator}.",
        "embed_open_full": "Open “{title}” on {site}",
        "alias_moved_before": "This page has moved to ",
        "alias_moved_after": ".",
        // The search script's words (`SearchWords`).
        "search_result_one": "{count} result",
        "search_result_other": "{count} results",
        "search_status": "{results} for “{query}”",
        "search_all_results": "All {results}",
        "search_no_results": "No results — search all pages",
        "search_failed": "The search index did not load.",
        "search_results_label": "Search results",
        "kind_comparison": "Path comparison",
        "kind_pitfall": "Pitfall",
        "kind_pendulum": "Pendulum",
        "kind_mastery_stage": "Mastery",
        "kind_page": "Guide",
        "section_comparison": "Path comparisons",
        "section_pitfall": "Pitfalls of becoming a manager",
        "section_pendulum": "The engineer/manager pendulum",
        "section_mastery_stage": "Mastery stages",
        "section_page": "Guides",
        "date_format": "{day} {month} {year}",
        "month_1": "January", "month_2": "February", "month_3": "March", "month_4": "April",
        "month_5": "May", "month_6": "June", "month_7": "July", "month_8": "August",
        "month_9": "September", "month_10": "October", "month_11": "November", "month_12": "December",
        "number_group_separator": ",",
    ]
}

extension PageKind {
    /// The key of this kind's badge word (`kind_mastery_stage`).
    var titleKey: String { "kind_" + keyName }
    /// The key of this kind's index title when `_index.md` gives none.
    var sectionTitleKey: String { "section_" + keyName }

    /// The raw value as a key: `mastery-stage` is `mastery_stage`.
    private var keyName: String { String(rawValue.map { $0 == "-" ? "_" : $0 }) }
}
