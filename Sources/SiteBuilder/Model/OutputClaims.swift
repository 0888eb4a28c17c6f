import Foundation

/// The output map of a site: what every output of a build claims, generated files first, so a
/// conflict is reported at the content or template file that made the later claim. Part of the
/// model: the theme's templates say which copies of each page exist, its assets which files.
extension SiteModel {
    /// The ownership marker every output folder carries (see `OutputOwnership`).
    static let markerClaim = "the output folder's ownership marker"

    /// Every language's claims in one map (the default language's first), so a page of one
    /// language that lands on another's output is a conflict like any other.
    func outputMap(templates: TemplateSet, assets: Assets, emitGolden: Bool) throws(BuildFailure) -> OutputMap {
        var claims: [OutputMap.Claim] = []
        var problems: [SiteError] = []
        for language in everyLanguage {
            language.claims(templates: templates, assets: assets, emitGolden: emitGolden, into: &claims, problems: &problems)
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return try OutputMap.make(claims)
    }

    /// This language's claims.
    private func claims(templates: TemplateSet, assets: Assets, emitGolden: Bool, into claims: inout [OutputMap.Claim], problems: inout [SiteError]) {
        func claim(_ sitePath: String, file: String?, _ what: String) {
            do {
                claims.append(OutputMap.Claim(path: try OutputPath(sitePath: sitePath), file: file, what: what))
            } catch {
                problems.append(SiteError(file: file ?? sitePath, message: "\(what): \(error)",
                                          fix: "use letters, digits, hyphens and dots in file names, slugs and aliases"))
            }
        }
        // Only the kinds `outputs:` chose (see `OutputKind`).
        let chosen = config.outputs
        if writesSharedFiles { claim(OutputOwnership.markerName, file: nil, Self.markerClaim) }
        if writesSharedFiles, !prefix.isEmpty { claim("", file: "site.yml", "the redirect to the default language (`default_language_in_subfolder`)") }
        if chosen.contains(.sitemap) {
            claim(sitemapPath, file: nil, "the sitemap")
            if indexedSitemaps != nil { claim("sitemap.xml", file: nil, "the sitemap index") }
        }
        if chosen.contains(.feeds) { claim(feedPath, file: nil, "the Atom feed") }
        if chosen.contains(.sitemap), writesSharedFiles { claim("robots.txt", file: nil, "robots.txt") }
        if chosen.contains(.notFound) { claim(notFoundPath, file: nil, "the 404 page") }
        for host in config.hosts.sorted() where writesSharedFiles {
            for file in host.files { claim(file, file: "site.yml", "the \(host.rawValue) configuration (`host:`)") }
        }
        if chosen.contains(.search) {
            claim(searchPagePath, file: "templates/search.mustache", "the search page")
            claim(searchEntryPath, file: nil, "the search index")
            for part in 0..<searchPartCount { claim(SearchIndex.partPath(part, home: prefix), file: nil, "part \(part) of the search index") }
        }
        if let questionnaire, writesSharedFiles {
            claim("scoring-table.json", file: questionnaire.file, "the scoring table")
            if emitGolden { claim("golden-vectors.json", file: questionnaire.file, "the golden vectors") }
        }
        for file in assets.files where writesSharedFiles { claim(file.sitePath, file: "templates/assets/" + file.sitePath.dropFirst("assets/".count), "the asset") }
        for kind in PageKind.allCases where chosen.contains(.sections) {
            guard let path = sectionPath(kind) else { continue }
            claim(path, file: site.sections[kind]?.file, "the \(kind.rawValue) index")
        }
        var tagFiles: [String: String] = [:]
        for page in site.pages { for tag in page.metadata.tags where tagFiles[tag] == nil { tagFiles[tag] = page.file } }
        if !tagFiles.isEmpty, chosen.contains(.tags) {
            claim(tagIndexPath, file: nil, "the tag index")
            var slugs: Set<String> = []
            for tag in tagFiles.keys.sorted() where slugs.insert(tagPath(tag)).inserted {
                claim(tagPath(tag), file: tagFiles[tag], "the page of tag “\(tag)”")
            }
        }
        // Pages in file order, so the same file is blamed whatever the pages' titles and weights.
        let byFile = site.pages.indices.sorted { site.pages[$0].file.utf8.lexicographicallyPrecedes(site.pages[$1].file.utf8) }
        // The copies are the build's own outputs: a page under content/embed/ that lands on one is the one to blame.
        for index in byFile {
            do {
                for variant in try variantPaths(ofPage: index, templates: templates) {
                    let kind = variant.file.hasPrefix(prefix + PageVariantFiles.embedFolder) ? "embeddable" : "standalone"
                    claims.append(OutputMap.Claim(path: variant, file: site.pages[index].file, what: "the \(kind) copy of the page"))
                }
            } catch {
                problems.append(SiteError(file: site.pages[index].file, message: "a copy of this page: \(error)", fix: "shorten the file name or `slug`"))
            }
        }
        for index in byFile { claim(site.pages[index].sitePath, file: site.pages[index].file, "the page") }
        for index in byFile where chosen.contains(.aliases) {
            for alias in site.pages[index].metadata.aliases {
                claim(OutputPath.folder(ofAddress: alias), file: site.pages[index].file, "alias \"\(OutputPath.shown(alias))\"")
            }
        }
    }

    /// Whether this model writes the files every language shares (the theme's assets, the
    /// scoring table, the ownership marker): the default language's does, once for all.
    var writesSharedFiles: Bool { site.languages.map { $0.defaultLanguage.code == config.language } ?? true }
}
