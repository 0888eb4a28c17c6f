import Foundation
@testable import SiteBuilder
import TestSupport
import XCTest

/// Theme strings (`i18n/<code>.yml`): printed by templates, filled by the builder (dates, reading
/// time, badges), errors at their file and line, gaps listed by `check` and failed by `--strict`,
/// and keys that follow an edited file in cached builds.
final class ThemeStringsTests: XCTestCase {
    /// The minimal site's pitfall template, printing what the builder fills from theme strings.
    private static let pitfall = """
    {{<base}}{{$main}}<article>
    <p class="meta">{{page.kind_title}} · {{page.reading_time_text}} · {{i18n.published}} {{page.date}}</p>
    <p class="crumbs">{{#page.breadcrumbs}}{{.title}}|{{/page.breadcrumbs}}</p>
    {{{page.content}}}
    <h2>{{i18n.read_next}}</h2>
    </article>{{/main}}{{/base}}

    """

    private static let german = """
    read_next: Lies als Nächstes
    published: Veröffentlicht am
    reading_time: "{minutes} Min. Lesezeit"
    home: Startseite
    kind_pitfall: Fallstrick
    date_format: "{day}. {month} {year}"
    month_1: Januar
    alias_moved_before: "Umgezogen nach "

    """

    private func site(_ folder: TemporaryFolder, language: String = "en", files: [String: String]) throws {
        try MinimalSite.write(into: folder, extra: files.merging(["templates/pitfall.mustache": Self.pitfall]) { mine, _ in mine })
        if language != "en" {
            try folder.write("site.yml", MinimalSite.siteYML.replacingOccurrences(of: "language: en", with: "language: \(language)"))
        }
    }

    private func html(_ folder: TemporaryFolder, _ path: String) throws -> String {
        try String(contentsOf: folder.url.appendingPathComponent("public/\(path)"), encoding: .utf8)
    }

    func testAGermanSitePrintsItsStringsAndGermanDates() throws {
        let folder = try TemporaryFolder("i18n-de")
        defer { folder.remove() }
        try site(folder, language: "de", files: ["i18n/de.yml": Self.german,
                                                 "content/moved.md": "---\ntitle: Umzug\naliases: [old-address/]\n---\nText.\n"])
        _ = try SiteBuild.build(BuildOptions(source: folder.url))
        let alias = try html(folder, "old-address/index.html")
        XCTAssertTrue(alias.contains("<html lang=\"de\">") && alias.contains("<p>Umgezogen nach <a href=\"../moved/index.html\">Umzug</a>.</p>"), alias)
        let page = try html(folder, "pitfalls/first/index.html")
        XCTAssertTrue(page.contains("<p class=\"meta\">Fallstrick · 1 Min. Lesezeit · Veröffentlicht am 10. Januar 2026</p>"), page)
        XCTAssertTrue(page.contains("<p class=\"crumbs\">Startseite|"), page)
        XCTAssertTrue(page.contains("<h2>Lies als Nächstes</h2>"), page)
    }

    func testASiteWithoutThemeStringsPrintsTheBuildersEnglish() throws {
        let folder = try TemporaryFolder("i18n-none")
        defer { folder.remove() }
        try site(folder, files: [:])
        _ = try SiteBuild.build(BuildOptions(source: folder.url))
        let page = try html(folder, "pitfalls/first/index.html")
        XCTAssertTrue(page.contains("<p class=\"meta\">Pitfall · 1 min read ·  10 January 2026</p>"), page)
        XCTAssertTrue(page.contains("<p class=\"crumbs\">Home|"), page)
    }

    func testGermanNumbersAndDates() {
        let german = ThemeStrings(defaultLanguage: "de", files: ["de": ["number_group_separator": ".", "month_3": "März",
                                                                        "date_format": "{day}. {month} {year}"]],
                                  fileNames: ["de": "i18n/de.yml"], gaps: [], notes: [], hash: 0).language("de")
        XCTAssertEqual(german.date("2026-03-14"), "14. März 2026")
        XCTAssertEqual(german.number(1234), "1234", "four digits stay ungrouped")
        XCTAssertEqual(german.number(12_500), "12.500")
        XCTAssertEqual(german.number(-1_234_567), "-1.234.567")
        XCTAssertEqual(ThemeStrings.none.language("en").date("2026-03-14"), "14 March 2026")
        XCTAssertEqual(ThemeStrings.none.language("en").number(12_500), "12,500")
    }

    func testEveryProblemOfAStringsFileIsAnErrorAtItsLine() throws {
        let folder = try TemporaryFolder("i18n-bad")
        defer { folder.remove() }
        try site(folder, files: ["i18n/en.yml": """
        read_next: Read next
        Read-Next: Read next
        months: [January, February]
        reading_time: "{minuts} min read"
        empty_one:

        """])
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: folder.url))) { error in
            let errors = (error as? BuildFailure)?.errors ?? []
            XCTAssertEqual(errors.map(\.file), Array(repeating: "i18n/en.yml", count: 4), "\(errors)")
            XCTAssertEqual(errors.map(\.line), [2, 3, 4, 5], "\(errors)")
            XCTAssertTrue(errors[0].message.contains("snake_case"), "\(errors[0])")
            XCTAssertTrue(errors[1].message.contains("must be text"), "\(errors[1])")
            XCTAssertTrue(errors[2].message.contains("{minuts}") && errors[2].message.contains("{minutes}"), "\(errors[2])")
            XCTAssertTrue(errors[3].message.contains("no text"), "\(errors[3])")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("public").path), "nothing is published")
        try folder.write("i18n/en.yml", "read_next: Read next\nbroken: [\n")
        XCTAssertThrowsError(try SiteBuild.build(BuildOptions(source: folder.url))) { error in
            let errors = (error as? BuildFailure)?.errors ?? []
            XCTAssertEqual(errors.first?.file, "i18n/en.yml", "\(errors)")
            XCTAssertNotNil(errors.first?.line, "\(errors)")
        }
    }

    /// `check` lists a key a language lacks, a key a template prints that nobody defines, and a
    /// file of a language the site lacks; `--strict` fails on the first two, not on the note.
    func testCheckListsGapsAndStrictFailsOnThem() throws {
        let folder = try TemporaryFolder("i18n-check")
        defer { folder.remove() }
        try site(folder, language: "de", files: [
            "i18n/de.yml": Self.german,
            "i18n/fr.yml": "read_next: À lire ensuite\n",
            "templates/partials/nav.mustache": "<nav>{{i18n.home}}\n{{i18n.no_such_key}}</nav>\n",
        ])
        let check = try CrossroadsCLI.run(["check", "--source", folder.url.path])
        XCTAssertEqual(check.exitStatus, 0, check.summary)
        XCTAssertTrue(check.stderr.contains("i18n/de.yml: warning: no string for `tags_title` in `de`: the builder's English is printed instead"), check.summary)
        XCTAssertTrue(check.stderr.contains("templates/partials/nav.mustache:2: warning: the template prints `i18n.no_such_key`, which no language's theme strings define"), check.summary)
        XCTAssertTrue(check.stderr.contains("i18n/fr.yml: note: the site has no language `fr`"), check.summary)
        let strict = try CrossroadsCLI.run(["check", "--strict", "--source", folder.url.path])
        XCTAssertNotEqual(strict.exitStatus, 0, strict.summary)
        XCTAssertTrue(strict.stderr.contains("templates/partials/nav.mustache:2: error: the template prints `i18n.no_such_key`"), strict.summary)
        XCTAssertTrue(strict.stderr.contains("i18n/fr.yml: note:"), strict.summary)
    }

    /// Every page prints theme strings, so an edited file re-renders them in a cached build,
    /// which then equals a clean one.
    func testACachedBuildFollowsAnEditedString() throws {
        let folder = try TemporaryFolder("i18n-cache")
        defer { folder.remove() }
        try site(folder, files: ["i18n/en.yml": "read_next: Read next\n"])
        var options = BuildOptions(source: folder.url)
        options.useCache = true
        _ = try SiteBuild.build(options)
        try folder.write("i18n/en.yml", "read_next: Continue with\n")
        _ = try SiteBuild.build(options)
        XCTAssertTrue(try html(folder, "pitfalls/first/index.html").contains("<h2>Continue with</h2>"))
        let clean = folder.url.appendingPathComponent("clean")
        var cleanOptions = BuildOptions(source: folder.url, output: clean)
        cleanOptions.useCache = false
        _ = try SiteBuild.build(cleanOptions)
        XCTAssertEqual(FolderSnapshot(folder.url.appendingPathComponent("public")), FolderSnapshot(clean))
    }

    /// Two languages: each page prints its language's strings; a key German lacks prints the
    /// English one, and `check` lists it for German.
    func testAKeyALanguageLacksFallsBackToTheDefaultLanguage() throws {
        let folder = try TemporaryFolder("i18n-two")
        defer { folder.remove() }
        try site(folder, files: ["i18n/en.yml": "read_next: Read next\npublished: Published\n",
                                 "i18n/de.yml": "published: Veröffentlicht am\n"])
        try folder.write("site.yml", MinimalSite.siteYML.replacingOccurrences(
            of: "language: en\n", with: "language: en\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n"))
        _ = try SiteBuild.build(BuildOptions(source: folder.url))
        let german = try html(folder, "de/pitfalls/first/index.html")
        XCTAssertTrue(german.contains("Veröffentlicht am 10 January 2026") && german.contains("<h2>Read next</h2>"), german)
        XCTAssertTrue(try html(folder, "pitfalls/first/index.html").contains("Published 10 January 2026"))
        let report = try SiteCheck.themeStrings(source: folder.url)
        XCTAssertTrue(report.gaps.contains { $0.file == "i18n/de.yml" && $0.message.hasPrefix("no string for `read_next` in `de`: the en string is printed instead") },
                      report.gaps.map(\.description).joined(separator: "\n"))
    }
}
