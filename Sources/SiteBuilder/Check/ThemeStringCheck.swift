import Foundation

/// What `crossroads check` reports about theme strings (`i18n/`): gaps, which `check --strict`
/// fails on (a key a language lacks, a language without its file, a key a template prints that
/// no language defines), and notes, which it only lists (files of languages the site lacks).
public struct ThemeStringReport: Sendable {
    public var gaps: [SiteError]
    public var notes: [SiteError]
}

extension SiteCheck {
    /// Reads site.yml, `i18n/` and `templates/` (a build has checked them already, so a problem
    /// there is thrown as the build would throw it).
    public static func themeStrings(source: URL) throws -> ThemeStringReport {
        var errors = ErrorCollector()
        let loader = SiteLoader(sourceFolder: source)
        let config = loader.loadConfig(&errors)
        let strings = loader.loadThemeStrings(languages: config.themeLanguages, errors: &errors)
        try errors.throwIfAny()
        let templates = try TemplateSet.load(from: source.appendingPathComponent("templates"))
        return report(strings: strings, reads: templates.themeKeyReads)
    }

    static func report(strings: ThemeStrings, reads: [ThemeKeyRead]) -> ThemeStringReport {
        let defined = strings.definedKeys
        var reported: Set<String> = []
        var unknown: [SiteError] = []
        for read in reads where !defined.contains(read.key) && reported.insert("\(read.file)\u{0}\(read.key)").inserted {
            let file = strings.fileNames[strings.defaultLanguage] ?? "\(SiteLoader.themeStringsFolder)/\(strings.defaultLanguage).yml"
            unknown.append(SiteError(file: read.file, line: read.line,
                                     message: "the template prints `i18n.\(read.key)`, which no language's theme strings define, so it prints nothing",
                                     fix: "add `\(read.key): …` to \(file) and to every language's file, or correct the key"))
        }
        return ThemeStringReport(gaps: strings.gaps + unknown, notes: strings.notes)
    }
}

extension SiteConfig {
    /// The site's language codes, the default first, then the others in site.yml's order: the
    /// languages theme strings are read for (by the build and by `check`).
    var themeLanguages: [String] {
        [language] + (languages.count >= 2 ? languages.map(\.code).filter { $0 != language } : [])
    }
}
