import Foundation

extension SiteCheck {
    /// What `crossroads check` lists about translations, without failing: every page a language
    /// publishes from the default language's page for want of a translation (a documented state,
    /// see `Translations`), language by language in site.yml's order, files in name order. Reads
    /// the site without rendering it (a build has checked it already, so a problem there is
    /// thrown as the build would throw it). Empty for a site in one language.
    public static func untranslatedPages(source: URL, includeDrafts: Bool = false) throws -> [SiteError] {
        let site = try SiteLoader(sourceFolder: source, includeDrafts: includeDrafts).load()
        return untranslatedPages(in: site)
    }

    static func untranslatedPages(in site: Site) -> [SiteError] {
        guard let languages = site.languages else { return [] }
        var notes: [SiteError] = []
        let views = [site] + site.otherLanguages
        for language in languages.languages {
            guard let view = views.first(where: { $0.config.language == language.code }) else { continue }
            let fallbacks = view.pages.filter(\.language.untranslated).sorted { $0.file < $1.file }
            for page in fallbacks {
                notes.append(SiteError(file: page.file, message: "not translated into \(language.name) (\(language.code)): \(page.sitePath) shows this page",
                                       fix: "add \(Self.translationFile(for: page.file, code: language.code)) to translate it"))
            }
        }
        return notes
    }

    /// `content/pitfalls/x.md` -> `content/pitfalls/x.de.md`.
    private static func translationFile(for file: String, code: String) -> String {
        file.hasSuffix(".md") ? String(file.dropLast(3)) + ".\(code).md" : file
    }
}
