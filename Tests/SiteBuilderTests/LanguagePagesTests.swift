import Foundation
import SiteBuilder
import TestSupport
import XCTest

/// A site in two languages (`TwoLanguageSite`), built once for the class: every page exists in
/// each language or falls back as documented, translations inherit their original's front
/// matter, links stay within the language, and the switcher and the `hreflang` alternates only
/// link pages that exist and link back.
final class LanguagePagesTests: XCTestCase {
    private static let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("crossroads-sitebuilder-tests-two-languages-\(UUID().uuidString)", isDirectory: true)
    private static let built: Result<BuiltSite, any Error> = Result {
        try TwoLanguageSite.write(into: root)
        let output = root.appendingPathComponent("public")
        _ = try SiteBuild.build(BuildOptions(source: root, output: output))
        return BuiltSite(folder: output)
    }

    private var site: BuiltSite {
        get throws { try Self.built.get() }
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: root)
        super.tearDown()
    }

    func testEveryPageExistsInEachLanguageOrFallsBack() throws {
        let site = try site
        for path in ["index.html", "pitfalls/index.html", "pitfalls/no-training/index.html", "pitfalls/alone/index.html",
                     "pitfalls/promoted/index.html", "de/index.html", "de/pitfalls/index.html", "de/pitfalls/no-training/index.html",
                     "de/pitfalls/alone/index.html", "de/pitfalls/befoerdert/index.html", "de/nur-deutsch/index.html"] {
            XCTAssertTrue(site.exists(path), "missing \(path)")
        }
        // Translations replace their originals' addresses; files named for a language are no pages of the default one.
        for path in ["de/pitfalls/promoted/index.html", "nur-deutsch/index.html", "nur-deutsch.de/index.html",
                     "pitfalls/no-training.de/index.html", "index.de/index.html", "pitfalls/_index.de/index.html"] {
            XCTAssertFalse(site.exists(path), "unexpected \(path)")
        }
        XCTAssertTrue(site.text("index.html").contains("<html lang=\"en\""))
        XCTAssertTrue(site.text("de/index.html").contains("<html lang=\"de\""))
        XCTAssertTrue(site.text("de/index.html").contains("Startseite"))
        XCTAssertTrue(site.text("de/pitfalls/index.html").contains("Fallstricke"))
        XCTAssertTrue(site.text("de/pitfalls/index.html").contains("Wo Karrieren scheitern."))
    }

    func testAFallbackPageIsTheOriginalInTheLanguagesFrame() throws {
        let page = try site.text("de/pitfalls/alone/index.html")
        XCTAssertTrue(page.contains("<html lang=\"de\""), page)
        XCTAssertTrue(page.contains("<div class=\"prose\" lang=\"en\">\n\n<p>Nobody helps.</p>"), page)
        XCTAssertTrue(page.contains("<h1 class=\"page-title\" lang=\"en\">Alone</h1>"), page)
        XCTAssertTrue(page.contains("class=\"callout untranslated-notice\""), page)
        XCTAssertTrue(page.contains("<link rel=\"canonical\" href=\"../../../pitfalls/alone/index.html\">"), page)
        XCTAssertFalse(page.contains("hreflang=\"en\" href="), "a fallback has no alternates of its own")
        // The German frame: the German site title and nav.
        XCTAssertTrue(page.contains("Kreuzwege"))
        XCTAssertTrue(page.contains(">Fallstricke</a>"))
        // A translated page is none of this.
        let translated = try site.text("de/pitfalls/no-training/index.html")
        XCTAssertFalse(translated.contains("untranslated-notice"))
        XCTAssertEqual(translated.components(separatedBy: " lang=\"en\"").count, 2, "only the switcher's English link is English")
    }

    func testATranslationTakesWhatItDoesNotWriteFromItsOriginal() throws {
        let site = try site
        let page = site.text("de/pitfalls/no-training/index.html")
        XCTAssertTrue(page.contains("Keine Schulung"))
        XCTAssertTrue(page.contains("<time datetime=\"2024-03-01\">"), "date")
        XCTAssertTrue(page.contains("href=\"../../../de/tags/training/index.html\""), "tags, under the language's tag pages")
        XCTAssertTrue(page.contains("kind-badge-pitfall"), "kind")
        XCTAssertTrue(site.exists("de/tags/training/index.html"))
        // Weights order the German section as the English one: alone (1), no-training (2), promoted (3).
        let list = site.text("de/pitfalls/index.html")
        let order = ["de/pitfalls/alone/", "de/pitfalls/no-training/", "de/pitfalls/befoerdert/"].map { list.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), list)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
        // What the translation writes wins: its own tags.
        let promoted = site.text("de/pitfalls/befoerdert/index.html")
        XCTAssertTrue(promoted.contains("de/tags/karriere/index.html"))
        XCTAssertFalse(promoted.contains("tags/career/"))
        // Aliases: the original's, under the language's prefix.
        XCTAssertTrue(site.text("de/old-training/index.html").contains("url=../../de/pitfalls/no-training/index.html"))
        XCTAssertTrue(site.text("old-training/index.html").contains("url=../pitfalls/no-training/index.html"))
    }

    func testLinksToContentResolveWithinTheLanguage() throws {
        let site = try site
        let home = site.text("de/index.html")
        XCTAssertTrue(home.contains("<a href=\"../de/pitfalls/alone/index.html\">allein</a>"), home)
        XCTAssertTrue(home.contains("<a href=\"../de/pitfalls/befoerdert/index.html\">befördert</a>"), home)
        XCTAssertTrue(site.text("de/pitfalls/no-training/index.html").contains("<a href=\"../../../de/pitfalls/alone/index.html\">allein</a>"))
        XCTAssertTrue(site.text("index.html").contains("<a href=\"./pitfalls/promoted/index.html\">promoted</a>"))
    }

    func testDataFilesArePerLanguage() throws {
        let site = try site
        XCTAssertTrue(site.text("de/pitfalls/no-training/index.html").contains("Gehalt"))
        XCTAssertFalse(site.text("de/pitfalls/no-training/index.html").contains(">Pay<"))
        XCTAssertTrue(site.text("pitfalls/no-training/index.html").contains("Pay"))
        XCTAssertFalse(site.text("pitfalls/no-training/index.html").contains("Gehalt"))
    }

    func testTheSwitcherLinksEachPageToItsVersionOrThatLanguagesHome() throws {
        let site = try site
        let switchers: [(page: String, english: String, german: String)] = [
            ("pitfalls/promoted/index.html", "../../pitfalls/promoted/index.html", "../../de/pitfalls/befoerdert/index.html"),
            ("de/pitfalls/befoerdert/index.html", "../../../pitfalls/promoted/index.html", "../../../de/pitfalls/befoerdert/index.html"),
            ("de/pitfalls/alone/index.html", "../../../pitfalls/alone/index.html", "../../../de/pitfalls/alone/index.html"),
            ("de/nur-deutsch/index.html", "../../index.html", "../../de/nur-deutsch/index.html"),
            ("de/pitfalls/index.html", "../../pitfalls/index.html", "../../de/pitfalls/index.html"),
        ]
        for (page, english, german) in switchers {
            let html = site.text(page)
            XCTAssertTrue(html.contains("<nav class=\"site-nav language-switcher\" aria-label=\""), page)
            let isGerman = page.hasPrefix("de/")
            XCTAssertTrue(html.contains("<li><a href=\"\(english)\" hreflang=\"en\" lang=\"en\"\(isGerman ? "" : " aria-current=\"true\"")>English</a></li>"), "\(page):\n\(html)")
            XCTAssertTrue(html.contains("<li><a href=\"\(german)\" hreflang=\"de\" lang=\"de\"\(isGerman ? " aria-current=\"true\"" : "")>Deutsch</a></li>"), "\(page):\n\(html)")
        }
    }

    /// `crossroads check` lists each fallback page once per language it falls back in, and passes.
    func testCheckListsEveryFallbackPageAndPasses() throws {
        _ = try site
        let result = try CrossroadsCLI.run(["check", "--source", Self.root.path])
        XCTAssertEqual(result.exitStatus, 0, result.stderr)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains(": note: not translated") }
        XCTAssertEqual(notes, ["content/pitfalls/alone.md: note: not translated into Deutsch (de): de/pitfalls/alone/ shows this page"], result.stderr)
        XCTAssertTrue(result.stderr.contains("fix: add content/pitfalls/alone.de.md to translate it"), result.stderr)
    }

    /// Every `hreflang` alternate names a page that exists and names this page back; x-default
    /// is the English version; fallbacks and pages with no translation have none.
    func testEveryAlternateExistsAndLinksBack() throws {
        let site = try site
        var checked = 0
        for file in site.files where file.hasSuffix(".html") && !file.hasPrefix("embed/") && !file.hasPrefix("standalone/") {
            let alternates = Self.alternates(in: site.text(file))
            for (language, href) in alternates {
                let target = Self.resolve(href, from: file)
                XCTAssertTrue(site.exists(target), "\(file): alternate \(language) \(href) does not exist")
                let back = Self.alternates(in: site.text(target))
                XCTAssertTrue(back.contains { Self.resolve($0.href, from: target) == file }, "\(target) does not link back to \(file)")
                checked += 1
            }
            if !alternates.isEmpty {
                XCTAssertEqual(alternates.first { $0.language == "x-default" }.map { Self.resolve($0.href, from: file) }.map { $0.hasPrefix("de/") }, false, file)
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 18, "home, no-training and promoted: three alternates on each of two pages each")
        for page in ["de/pitfalls/alone/index.html", "pitfalls/alone/index.html", "de/nur-deutsch/index.html"] {
            XCTAssertEqual(Self.alternates(in: site.text(page)).count, 0, page)
        }
    }

    private static func alternates(in html: String) -> [(language: String, href: String)] {
        html.components(separatedBy: "<link rel=\"alternate\" hreflang=\"").dropFirst().compactMap { part in
            let fields = part.components(separatedBy: "\"")
            guard fields.count > 2 else { return nil }
            return (fields[0], fields[2])
        }
    }

    /// A relative href from `file` as a path from the site's root.
    private static func resolve(_ href: String, from file: String) -> String {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in href.split(separator: "/") {
            if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
