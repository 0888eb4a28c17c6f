import Foundation
import SiteBuilder
import XCTest

/// `languages:` and what it decides: its mistakes reported at site.yml's lines, translations
/// that clash, data files of another shape, a default language in its own folder, and a site
/// without `languages:` that keeps reading `x.de.md` as an ordinary page.
final class LanguageSettingsTests: XCTestCase {
    private func errors(siteYML: String, replacing: [String: String?] = [:]) throws -> [SiteError] {
        let folder = try TemporaryFolder("language-settings")
        defer { folder.remove() }
        try TwoLanguageSite.write(into: folder.url, siteYML: siteYML, replacing: replacing)
        return buildErrors(source: folder.url, output: folder.url.appendingPathComponent("public"))
    }

    func testMistakesInLanguagesAreReportedAtTheirLines() throws {
        let cases: [(yaml: String, line: Int, message: String)] = [
            ("language: fr\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\n", 1, "not one of the codes"),
            ("languages:\n  - {code: en, name: English}\n  - {code: en, name: Englisch}\n", 3, "listed twice"),
            ("languages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch, flag: yes}\n", 3, "unknown field `flag`"),
            ("languages:\n  - {code: en, name: English}\n  - {code: \"de/x\", name: Deutsch}\n", 3, "is not a language code"),
            ("languages:\n  - {code: en, name: English}\n  - {code: de}\n", 3, "has no `name`"),
            ("languages:\n  - {name: English}\n", 2, "has no `code`"),
            ("languages: en\n", 1, "must be a list"),
            ("language: en\nlanguages:\n  - {code: en, name: English}\n  - {code: de, name: Deutsch}\ndefault_language_in_subfolder: maybe\n", 5, "default_language_in_subfolder"),
        ]
        for (yaml, line, message) in cases {
            let found = try errors(siteYML: "title: Test\n" + yaml)
            XCTAssertTrue(found.contains { $0.file == "site.yml" && $0.line == line + 1 && $0.description.contains(message) },
                          "\(yaml)\nexpected site.yml:\(line + 1): …\(message)…, got:\n\(found.map(\.description).joined(separator: "\n"))")
        }
    }

    func testTwoPagesOfOneLanguageForOneOriginalAreAnError() throws {
        let found = try errors(siteYML: TwoLanguageSite.siteYML, replacing: [
            "content/pitfalls/auch-befoerdert.de.md": "---\ntitle: Auch befördert\ntranslation_key: promoted\n---\nText.\n",
        ])
        XCTAssertTrue(found.contains { $0.file.hasSuffix("befoerdert.de.md") && $0.message.contains("promoted") }, "\(found)")
    }

    func testADataFileOfAnotherShapeThanItsOriginalIsAnError() throws {
        let found = try errors(siteYML: TwoLanguageSite.siteYML, replacing: [
            "content/data/dimensions.de.yml": "columns: {technical: Technik, management: Führung}\ndimensions:\n  - {id: gehalt, name: Gehalt, technical: Gut, management: Besser}\n",
        ])
        XCTAssertTrue(found.contains { $0.file == "content/data/dimensions.de.yml" && $0.line == 3 && $0.message.contains("gehalt") },
                      found.map(\.description).joined(separator: "\n"))
    }

    func testTheDefaultLanguageMayLiveInItsOwnFolder() throws {
        let folder = try TemporaryFolder("language-subfolder")
        defer { folder.remove() }
        try TwoLanguageSite.write(into: folder.url, siteYML: TwoLanguageSite.siteYML + "default_language_in_subfolder: true\n")
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertTrue(site.exists("en/pitfalls/alone/index.html"))
        XCTAssertTrue(site.exists("de/pitfalls/alone/index.html"))
        XCTAssertFalse(site.exists("pitfalls/alone/index.html"))
        XCTAssertTrue(site.text("index.html").contains("url=./en/index.html"), site.text("index.html"))
        XCTAssertTrue(site.text("en/pitfalls/no-training/index.html").contains("href=\"../../../en/tags/training/index.html\""))
    }

    func testWithoutLanguagesAFileNamedForALanguageIsAnOrdinaryPage() throws {
        let folder = try TemporaryFolder("one-language")
        defer { folder.remove() }
        try TwoLanguageSite.write(into: folder.url, siteYML: "title: Crossroads\nlanguage: en\n", replacing: ["content/data/dimensions.de.yml": nil])
        let site = try buildSite(source: folder.url, output: folder.url.appendingPathComponent("public"))
        XCTAssertTrue(site.exists("nur-deutsch.de/index.html"))
        XCTAssertTrue(site.exists("pitfalls/no-training.de/index.html"))
        XCTAssertFalse(site.exists("de/index.html"))
        XCTAssertFalse(site.text("index.html").contains("hreflang"))
        XCTAssertFalse(site.text("index.html").contains("language-switcher"))
    }
}
