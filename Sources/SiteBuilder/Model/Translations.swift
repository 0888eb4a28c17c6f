import Blocks
import Foundation

/// Sorts the pages of a site with several languages (`languages:` in site.yml) into one `Site`
/// per language, in the model step. The loader reads every file as if the site had one language
/// (so its cache knows nothing of languages); here:
/// - `x.de.md` is the German version of `x.md` (only configured codes other than the default's
///   are suffixes), `_index.de.md` a German section intro; a page's `translation_key` links
///   pages whose paths differ (a key used twice in one language is an error);
/// - a translation takes the front matter it does not write from its original (`inherited`);
/// - a default-language page without a translation is published in that language too, as a
///   fallback (`PageLanguage.untranslated`), at the original's path under the language's prefix;
/// - every page of a language is published under its prefix, its aliases too, and its
///   `contentPath` is the default language's name of the page, so `@/` links, `read_next` and
///   the questionnaire's `next:` resolve within the language;
/// - `data/x.de.yml` replaces `data/x.yml` in German, once checked to have the same shape.
enum Translations {
    /// Front matter a translation takes from its original when it does not write it.
    static let inheritedFields: [String] = ["weight", "tags", "date", "updated", "kind", "template", "aliases", "read_next", "draft"]

    /// The default language's site, holding every other language's (`Site.otherLanguages`) and
    /// the table that links them (`Site.languages`). A site with one language is returned as is.
    static func split(_ loaded: SiteLoader.LoadedSite, errors: inout ErrorCollector) -> Site {
        var site = loaded.site
        let config = site.config
        guard config.languages.count >= 2, let defaultIndex = config.languages.firstIndex(where: { $0.code == config.language }) else {
            return site
        }
        let languages = config.languages.enumerated().map { index, language in
            SiteLanguages.Language(code: language.code, name: language.name,
                                   prefix: index == defaultIndex && !config.defaultLanguageInSubfolder ? "" : language.code + "/")
        }
        let suffixes = Set(languages.indices.filter { $0 != defaultIndex }.map { languages[$0].code })

        // Every file, published or draft, by language.
        var filesByLanguage = Array(repeating: [(page: Page, basePath: String, published: Bool)](), count: languages.count)
        var introsByLanguage = Array(repeating: [PageKind: SectionIntro](), count: languages.count)
        for (page, published) in site.pages.map({ ($0, true) }) + loaded.draftPages.map({ ($0, false) }) {
            let (basePath, code) = languageOfFile(page.contentPath, suffixes: suffixes)
            let index = code.flatMap { code in languages.firstIndex { $0.code == code } } ?? defaultIndex
            if index != defaultIndex, (basePath as NSString).lastPathComponent == "_index.md" {
                if published, let intro = sectionIntro(page, basePath: basePath, errors: &errors) { introsByLanguage[index][intro.kind] = intro }
                continue
            }
            filesByLanguage[index].append((page, basePath, published))
        }

        // The default language's pages by key (`translation_key`, else the content path).
        var originals: [String: (page: Page, published: Bool)] = [:]
        for file in filesByLanguage[defaultIndex] {
            let key = file.page.metadata.translationKey ?? file.basePath
            if let other = originals[key] {
                errors.add(duplicateKey(key, file.page, other.page))
                continue
            }
            originals[key] = (file.page, file.published)
        }

        var pagesByLanguage = Array(repeating: [Page](), count: languages.count)
        pagesByLanguage[defaultIndex] = filesByLanguage[defaultIndex].filter(\.published).map { file in
            var page = file.page
            page.language = PageLanguage(code: config.language, prefix: languages[defaultIndex].prefix, contentCode: config.language)
            page.sitePath = page.language.prefix + page.sitePath
            page.metadata.aliases = page.metadata.aliases.map { page.language.prefix + $0 }
            return page
        }
        for index in languages.indices where index != defaultIndex {
            let language = languages[index]
            var translated: Set<String> = []
            var keys: [String: Page] = [:]
            for file in filesByLanguage[index] {
                let key = file.page.metadata.translationKey ?? file.basePath
                if let other = keys[key] {
                    errors.add(duplicateKey(key, file.page, other))
                    continue
                }
                keys[key] = file.page
                var page = file.page
                page.language = PageLanguage(code: language.code, prefix: language.prefix, contentCode: language.code)
                page.contentPath = file.basePath
                var published = file.published
                if let original = originals[key] {
                    page.metadata = inherited(page.metadata, from: original.page.metadata)
                    page.contentPath = original.page.contentPath
                    page.sourceHash = StableHash.combine([page.sourceHash, original.page.sourceHash])
                    // A translation that says nothing of `draft` is a draft with its original.
                    if !page.metadata.writtenFields.contains("draft") { published = original.published }
                    if published { translated.insert(key) }
                }
                guard published else { continue }
                page.sitePath = language.prefix + SiteLoader.sitePath(forContentPath: file.basePath, slug: file.page.metadata.slug)
                page.metadata.aliases = page.metadata.aliases.map { language.prefix + $0 }
                pagesByLanguage[index].append(page)
            }
            for page in pagesByLanguage[defaultIndex] where !translated.contains(page.metadata.translationKey ?? page.contentPath) {
                var fallback = page
                fallback.language = PageLanguage(code: language.code, prefix: language.prefix, contentCode: config.language, untranslated: true)
                let unprefixed = String(page.sitePath.dropFirst(languages[defaultIndex].prefix.count))
                fallback.sitePath = language.prefix + unprefixed
                fallback.metadata.aliases = page.metadata.aliases.map { language.prefix + $0.dropFirst(languages[defaultIndex].prefix.count) }
                fallback.sourceHash = StableHash.combine([page.sourceHash, StableHash.keyOf("untranslated")])
                pagesByLanguage[index].append(fallback)
            }
            checkContentPaths(pagesByLanguage[index], &errors)
        }

        var versions: [String: [SiteLanguages.Version?]] = [:]
        for (index, pages) in pagesByLanguage.enumerated() {
            for page in pages {
                versions[page.contentPath, default: Array(repeating: nil, count: languages.count)][index] =
                    SiteLanguages.Version(sitePath: page.sitePath, translated: !page.language.untranslated)
            }
            // A kind's index, named as `@/` links name it (`pitfalls/_index.md`), where the language has pages of the kind.
            for kind in Set(pages.map(\.metadata.kind)) {
                guard let path = kind.sectionPath else { continue }
                versions[path + "_index.md", default: Array(repeating: nil, count: languages.count)][index] =
                    SiteLanguages.Version(sitePath: languages[index].prefix + path,
                                          translated: index == defaultIndex || introsByLanguage[index][kind] != nil)
            }
        }
        let table = SiteLanguages(languages: languages, defaultIndex: defaultIndex, versions: versions)
        var views: [Site] = []
        for index in languages.indices {
            var view = site
            view.config = configuration(config, for: config.languages[index], prefix: languages[index].prefix, isDefault: index == defaultIndex)
            view.pages = pagesByLanguage[index]
            if index != defaultIndex {
                view.sections = site.sections.merging(introsByLanguage[index]) { _, translated in translated }
                let data = loaded.languageData[languages[index].code] ?? [:]
                for (name, file) in data {
                    if let original = site.dataFiles[name] {
                        if let problem = DataShape.mismatch(file, original: original) { errors.add(problem) }
                    } else {
                        errors.add(SiteError(file: file.dataFile.path, message: "no content/data/\(name).yml for this translation of it",
                                             fix: "add the default language's content/data/\(name).yml, or rename this file"))
                    }
                    view.dataFiles[name] = file.dataFile
                    view.templateData[SitePath.templateKey(name)] = file.templateValue
                }
            }
            view.languages = table
            views.append(view)
        }
        site = views[defaultIndex]
        site.otherLanguages = views.indices.filter { $0 != defaultIndex }.map { views[$0] }
        return site
    }

    /// `pitfalls/x.de.md` -> (`pitfalls/x.md`, "de") when `de` is a language suffix; else the path itself.
    static func languageOfFile(_ contentPath: String, suffixes: Set<String>) -> (basePath: String, code: String?) {
        guard contentPath.hasSuffix(".md") else { return (contentPath, nil) }
        let stem = contentPath.dropLast(3)
        guard let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") else { return (contentPath, nil) }
        let code = String(stem[stem.index(after: dot)...])
        guard suffixes.contains(code) else { return (contentPath, nil) }
        return (String(stem[..<dot]) + ".md", code)
    }

    /// The front matter of a translation with what it does not write taken from its original.
    /// `title` and `summary` too, when missing (the page then counts as untranslated in them).
    static func inherited(_ translation: PageMetadata, from original: PageMetadata) -> PageMetadata {
        var merged = translation
        let written = translation.writtenFields
        for field in inheritedFields where !written.contains(field) {
            switch field {
            case "weight": merged.weight = original.weight
            case "tags": merged.tags = original.tags
            case "date": merged.date = original.date
            case "updated": merged.updated = original.updated
            case "kind": merged.kind = original.kind
            case "template": merged.template = original.template
            case "aliases": merged.aliases = original.aliases
            case "read_next": merged.readNext = original.readNext
            case "draft": merged.draft = original.draft
            default: break
            }
        }
        if !written.contains("summary") && !written.contains("description") { merged.summary = original.summary }
        return merged
    }

    /// A language's intro to a kind's index (`pitfalls/_index.de.md`), read from the page the loader made of it.
    private static func sectionIntro(_ page: Page, basePath: String, errors: inout ErrorCollector) -> SectionIntro? {
        let folder = SitePath.normaliseFolder((basePath as NSString).deletingLastPathComponent)
        guard let kind = PageKind.allCases.first(where: { $0.sectionPath == folder }) else {
            let known = PageKind.allCases.compactMap(\.sectionPath).joined(separator: ", ")
            errors.add(SiteError(file: page.file, message: "a translated `_index.md` in a folder that is not a kind's index",
                                 fix: "it belongs in one of: \(known); rename it to index.<code>.md for a normal page"))
            return nil
        }
        return SectionIntro(kind: kind, file: page.file, title: page.metadata.title, summary: page.metadata.summary,
                            body: page.body, bodyFirstLine: page.bodyFirstLine)
    }

    private static func duplicateKey(_ key: String, _ page: Page, _ other: Page) -> SiteError {
        SiteError(file: page.file, message: "this page and \(other.file) both stand for `\(key)` in one language (by their file names or `translation_key`)",
                  fix: "give one of them another `translation_key`, or delete one")
    }

    /// Two pages of one language may not stand for the same default-language page.
    private static func checkContentPaths(_ pages: [Page], _ errors: inout ErrorCollector) {
        var seen: [String: Page] = [:]
        for page in pages {
            if let other = seen[page.contentPath] {
                let blamed = page.language.untranslated ? other : page
                errors.add(SiteError(file: blamed.file, message: "this page and \((blamed.file == page.file ? other : page).file) would both be content/\(page.contentPath) in \(page.language.code)",
                                     fix: "give the translation the original's `translation_key`, or rename one of the files"))
            }
            seen[page.contentPath] = page
        }
    }

    /// A language's settings: the site's, with the language's own strings and nav, and its
    /// code as `language`. Outputs that are not yet written per language are the default's alone.
    static func configuration(_ config: SiteConfig, for language: SiteLanguage, prefix: String, isDefault: Bool) -> SiteConfig {
        var view = config
        view.language = language.code
        view.title = language.title ?? config.title
        view.description = language.description ?? config.description
        view.author = language.author ?? config.author
        if let nav = language.nav {
            view.nav = nav.map { SiteConfig.NavItem(title: $0.title, path: prefix + $0.path) }
        } else {
            view.nav = config.nav.map { SiteConfig.NavItem(title: $0.title, path: prefix + $0.path) }
        }
        // Every output kind runs per language; the host files are written once, for every language.
        if !isDefault { view.hosts = [] }
        return view
    }
}
