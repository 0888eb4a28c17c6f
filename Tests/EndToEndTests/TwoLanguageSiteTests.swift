import Foundation
import XCTest

/// Issue 18's site-wide outputs on a site of two languages (Tests/Fixtures/two-languages, built by
/// the real binary with a base URL): every page of each language exists or falls back as
/// documented; every `hreflang` alternate exists and links back; the sitemap is an index over one
/// sitemap per language whose alternates are those of the pages; one Atom feed, search index,
/// search page, tag and section pages, 404 page and embed and standalone copies per language;
/// robots.txt names the sitemap index.
final class TwoLanguageSiteTests: XCTestCase {
    typealias Site = TwoLanguageSite

    func testEveryPageOfEachLanguageExistsOrFallsBackAsDocumented() throws {
        let built = try Site()
        for (path, translated) in Site.translated {
            let english = try built.page(path)
            XCTAssertEqual(BuiltHTML.language(of: english), "en", path)
            XCTAssertEqual(BuiltHTML.canonical(of: english), Site.baseURL + path, path)

            let germanPath = "de/" + path
            XCTAssertTrue(built.exists(Site.file(ofSitePath: germanPath)), "\(germanPath) is published")
            let german = try built.page(germanPath)
            XCTAssertEqual(BuiltHTML.language(of: german), "de", germanPath)
            let main = BuiltHTML.main(of: german)
            if translated {
                XCTAssertEqual(BuiltHTML.canonical(of: german), Site.baseURL + germanPath, "a translation is its own canonical page")
                XCTAssertFalse(main.contains("lang=\"en\""), "\(germanPath): a translation holds no English content")
            } else {
                XCTAssertEqual(BuiltHTML.canonical(of: german), Site.baseURL + path, "\(germanPath): a fallback's canonical is the original")
                XCTAssertTrue(main.contains("lang=\"en\""), "\(germanPath): the original's content is marked English")
                XCTAssertTrue(BuiltHTML.plainText(main).contains("lighthouse keeper"), "\(germanPath) shows the original's text")
                XCTAssertEqual(BuiltHTML.alternates(of: german), [:], "\(germanPath): a fallback has no alternates of its own")
            }
        }
        // The German translation inherits the English page's tag, date and alias.
        let german = try built.page("de/pitfalls/no-training/")
        XCTAssertTrue(try built.mainLinks(ofPage: "de/pitfalls/no-training/index.html").contains("de/tags/growth/"),
                      "the inherited tag links to the German tag page")
        XCTAssertTrue(german.contains("datetime=\"2026-03-02\""), "the inherited date")
        XCTAssertTrue(built.exists("de/old/no-training/index.html"), "the inherited alias, under the language's prefix")
        XCTAssertTrue(try built.text("de/old/no-training/index.html").contains(Site.baseURL + "de/pitfalls/no-training/"),
                      "the German alias leads to the German page")
    }

    func testEveryHreflangAlternateExistsAndLinksBack() throws {
        let built = try Site()
        let clusters = try Self.assertEveryAlternateExistsAndLinksBack(in: built)
        // Home, the section and the translated pitfall, in each language.
        XCTAssertGreaterThanOrEqual(clusters, 6, "translated pages carry alternates")
        XCTAssertEqual(BuiltHTML.alternates(of: try built.page("pitfalls/lone-wolf/")), [:], "an untranslated page has none")
    }

    /// The default site in English and German: every English page has its German page, a
    /// translation (alternates en, de, x-default) or a fallback (the original's canonical), and
    /// every alternate exists and links back.
    func testTheDefaultSitesPagesExistInBothLanguagesWithAlternatesThatLinkBack() throws {
        let built = try Site.defaultSite()
        let pages = built.htmlFiles().filter { file in
            // The guides' own pages; tag and search pages are made per language, not translated.
            !file.hasPrefix("de/") && !file.hasPrefix("embed/") && !file.hasPrefix("standalone/") && !file.hasSuffix(".standalone.html")
                && !file.hasPrefix("tags/") && !file.hasPrefix("search/")
                && file != "404.html" && (try? built.text(file).contains("<link rel=\"canonical\"")) == true
        }
        XCTAssertGreaterThanOrEqual(pages.count, 25, "the default site's English pages")
        var fallbacks = 0
        for file in pages {
            XCTAssertEqual(BuiltHTML.language(of: try built.text(file)), "en", file)
            let german = "de/" + file
            XCTAssertTrue(built.exists(german), "\(german) is published")
            guard built.exists(german) else { continue }
            let html = try built.text(german)
            XCTAssertEqual(BuiltHTML.language(of: html), "de", german)
            if BuiltHTML.alternates(of: html).isEmpty {
                fallbacks += 1
                XCTAssertEqual(BuiltHTML.canonical(of: html), BuiltHTML.canonical(of: try built.text(file)), "\(german): a fallback's canonical is the original")
            }
        }
        XCTAssertEqual(fallbacks, 0, "every page of the default guides has its German translation")
        let clusters = try Self.assertEveryAlternateExistsAndLinksBack(in: built)
        XCTAssertEqual(clusters, 2 * pages.count, "each guide and its translation carry alternates")
    }

    /// Checks every page's `hreflang` alternates: each exists, is in its language, and links back
    /// with the same set; returns how many pages carry alternates.
    static func assertEveryAlternateExistsAndLinksBack(in built: Site) throws -> Int {
        var clusters = 0
        for file in built.htmlFiles() {
            let html = try built.text(file)
            let alternates = BuiltHTML.alternates(of: html)
            guard !alternates.isEmpty else { continue }
            clusters += 1
            let language = try XCTUnwrap(BuiltHTML.language(of: html), file)
            XCTAssertEqual(alternates[language], BuiltHTML.canonical(of: html), "\(file) names itself among its alternates")
            XCTAssertEqual(Set(alternates.keys), ["en", "de", "x-default"], file)
            for (hreflang, url) in alternates {
                let sitePath = try XCTUnwrap(Site.sitePath(ofURL: url), "\(file): \(url) is an address of the site")
                XCTAssertTrue(built.exists(Site.file(ofSitePath: sitePath)), "\(file): alternate \(hreflang) \(url) exists")
                let target = try built.page(sitePath)
                if hreflang == "x-default" {
                    XCTAssertEqual(url, alternates["en"], "\(file): x-default is the default language's version")
                    continue
                }
                XCTAssertEqual(BuiltHTML.language(of: target), hreflang, "\(url) is in the language its link says")
                XCTAssertEqual(BuiltHTML.alternates(of: target), alternates, "\(url) links back with the same alternates as \(file)")
            }
        }
        return clusters
    }

    func testTheSitemapIsAnIndexOverOneSitemapPerLanguageWithTheAlternatesOfThePages() throws {
        let built = try Site()
        let index = try XMLElements(Data(built.text("sitemap.xml").utf8), file: "sitemap.xml")
        XCTAssertEqual(index.elements.first?.name, "sitemapindex", "sitemap.xml is a sitemap index")
        let sitemaps = index.named("loc").map(\.text)
        XCTAssertEqual(sitemaps, [Site.baseURL + "en/sitemap.xml", Site.baseURL + "de/sitemap.xml"])

        var listed: [String: String] = [:]
        for (language, sitemap) in zip(["en", "de"], sitemaps) {
            let file = try XCTUnwrap(Site.sitePath(ofURL: sitemap))
            let urls = try XMLElements(Data(built.text(file).utf8), file: file)
            XCTAssertEqual(urls.elements.first?.name, "urlset", file)
            XCTAssertEqual(urls.elements.first?.attributes["xmlns:xhtml"], "http://www.w3.org/1999/xhtml", file)
            for (_, children) in urls.groups("url") {
                let loc = try XCTUnwrap(children.first { $0.name == "loc" }?.text, file)
                listed[loc] = language
                let sitePath = try XCTUnwrap(Site.sitePath(ofURL: loc), loc)
                let html = try built.page(sitePath)
                XCTAssertEqual(BuiltHTML.language(of: html), language, "\(loc) is listed in the sitemap of its language")
                XCTAssertEqual(BuiltHTML.canonical(of: html), loc, "\(loc): only canonical pages are listed")
                var alternates: [String: String] = [:]
                for link in children where link.name == "xhtml:link" {
                    XCTAssertEqual(link.attributes["rel"], "alternate", loc)
                    alternates[link.attributes["hreflang"] ?? ""] = link.attributes["href"]
                }
                XCTAssertEqual(alternates, BuiltHTML.alternates(of: html), "\(loc): the sitemap's alternates are the page's")
            }
        }
        for (path, translated) in Site.translated {
            XCTAssertEqual(listed[Site.baseURL + path], "en", path)
            XCTAssertEqual(listed[Site.baseURL + "de/" + path], translated ? "de" : nil, "de/\(path): translations are listed, fallbacks are not")
        }
        XCTAssertEqual(try built.text("robots.txt"), "User-agent: *\nAllow: /\nSitemap: \(Site.baseURL)sitemap.xml\n", "robots.txt names the index")
    }

    func testOneAtomFeedPerLanguage() throws {
        let built = try Site()
        for (language, file, title) in [("en", "atom.xml", "No training"), ("de", "de/atom.xml", "Keine Weiterbildung")] {
            let feed = try XMLElements(Data(built.text(file).utf8), file: file)
            XCTAssertEqual(feed.elements.first?.attributes["xml:lang"], language, file)
            let selfLink = feed.named("link").first { $0.attributes["rel"] == "self" }?.attributes["href"]
            XCTAssertEqual(selfLink, Site.baseURL + file, file)
            let entries = feed.groups("entry")
            XCTAssertFalse(entries.isEmpty, file)
            for (_, children) in entries {
                let url = try XCTUnwrap(children.first { $0.name == "link" }?.attributes["href"], file)
                let sitePath = try XCTUnwrap(Site.sitePath(ofURL: url), url)
                XCTAssertEqual(BuiltHTML.language(of: try built.page(sitePath)), language, "\(file) lists \(url), a page of its language")
                XCTAssertEqual(BuiltHTML.canonical(of: try built.page(sitePath)), url, "\(file): \(url) is not a fallback")
            }
            XCTAssertTrue(entries.contains { $0.children.contains { $0.name == "title" && $0.text == title } }, "\(file) has “\(title)”")
            // Every page of the language names its own language's feed.
            let pagePath = language == "en" ? "pitfalls/no-training/index.html" : "de/pitfalls/no-training/index.html"
            let feedLink = BuiltHTML.tags("link", in: try built.text(pagePath)).first { $0["type"] == "application/atom+xml" }?["href"]
            XCTAssertEqual(feedLink.flatMap { Site.target(of: $0, onPage: pagePath) }, file)
        }
    }

    func testSearchTagSectionAnd404PagesAndCopiesPerLanguage() throws {
        let built = try Site(editingSiteYML: { $0 + "host: [netlify, nginx]\n" })
        let pages = ["de/search/", "de/tags/", "de/tags/growth/", "de/pitfalls/", "de/404.html",
                     "de/embed/pitfalls/no-training/", "de/standalone/pitfalls/no-training.html"]
        for path in pages {
            let file = Site.file(ofSitePath: path)
            XCTAssertTrue(built.exists(file), "\(path) is published")
            guard built.exists(file) else { continue }
            XCTAssertEqual(BuiltHTML.language(of: try built.text(file)), "de", path)
            // Links into the site from the German page's own content stay in the German site.
            for target in try built.mainLinks(ofPage: file) where !target.hasPrefix("assets/") {
                XCTAssertTrue(target.hasPrefix("de/"), "\(path) links to \(target), outside the German site")
            }
        }
        // The lists of each language list that language's pages.
        XCTAssertTrue(try built.mainLinks(ofPage: "de/tags/growth/index.html").contains("de/pitfalls/no-training/"), "the German tag page lists the translation")
        XCTAssertTrue(BuiltHTML.plainText(try built.page("de/tags/growth/")).contains("Keine Weiterbildung"))
        XCTAssertTrue(BuiltHTML.plainText(try built.page("de/pitfalls/")).contains("Fallstricke"), "the German section index has its German intro's title")
        for path in ["tags/growth/", "pitfalls/", "search/"] {
            XCTAssertEqual(BuiltHTML.language(of: try built.page(path)), "en", path)
            XCTAssertFalse(try built.mainLinks(ofPage: Site.file(ofSitePath: path)).contains { $0.hasPrefix("de/") }, "\(path) lists no German page")
        }
        // Each language's search index, and its pages load it.
        XCTAssertTrue(built.exists("de/search-index.js"), "the German search index")
        let germanSearch = try built.page("de/search/")
        let scripts = BuiltHTML.tags("script", in: germanSearch).compactMap { $0["src"] }.compactMap { Site.target(of: $0, onPage: "de/search/index.html") }
        XCTAssertTrue(scripts.contains("de/search-index.js"), "the German search page loads the German index: \(scripts)")
        // Hosts that serve a 404 page per folder get the German one under de/.
        XCTAssertTrue(try built.text("_redirects").contains("/guides/de/* /guides/de/404.html 404"), "netlify: the German 404")
        let nginx = try built.text("_host/nginx.conf")
        XCTAssertTrue(nginx.contains("error_page 404 @crossroads_not_found;"), nginx)
        XCTAssertTrue(nginx.contains("    rewrite \"^/guides/de/\" /guides/de/404.html break;\n    rewrite ^ /guides/404.html break;\n"), "nginx: the German 404\n\(nginx)")
    }

    func testTheSearchIndexOfEachLanguageHoldsThatLanguagesPagesOnly() throws {
        let built = try Site()
        let english = try searchText(of: built, prefix: "")
        let german = try searchText(of: built, prefix: "de/")
        XCTAssertTrue(german.urls.contains("de/pitfalls/no-training/"), "\(german.urls)")
        XCTAssertTrue(german.urls.allSatisfy { $0.hasPrefix("de/") }, "\(german.urls)")
        XCTAssertFalse(german.urls.contains("de/pitfalls/lone-wolf/"), "a fallback is left to the original's index")
        XCTAssertTrue(english.urls.allSatisfy { !$0.hasPrefix("de/") }, "\(english.urls)")
        XCTAssertTrue(german.text.contains(Site.germanOnlyWord))
        XCTAssertFalse(english.text.contains(Site.germanOnlyWord))
        XCTAssertFalse(german.text.contains(Site.englishOnlyWord))
        XCTAssertTrue(english.text.contains(Site.englishOnlyWord))
    }

    func testExportWritesTheDefaultLanguageAtTheRootAndEveryOtherInItsFolder() throws {
        let built = try Site(building: false)
        func export(_ arguments: [String]) throws -> URL {
            let folder = built.site.url("export-\(arguments.joined(separator: "-"))")
            let result = try CrossroadsBinary.run(["export", "--source", built.site.root.path, "--format", "markdown", "--output", folder.path] + arguments)
            XCTAssertEqual(result.exitCode, 0, result.stderr)
            return folder
        }
        func title(_ file: URL) throws -> String? {
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first.map(String.init)
        }
        let every = try export([])
        XCTAssertEqual(try title(every.appendingPathComponent("pitfalls/no-training.md")), "# No training")
        XCTAssertEqual(try title(every.appendingPathComponent("de/pitfalls/no-training.md")), "# Keine Weiterbildung")
        XCTAssertEqual(try title(every.appendingPathComponent("de/pitfalls/index.md")), "# Fallstricke")
        XCTAssertEqual(try title(every.appendingPathComponent("de/pitfalls/lone-wolf.md")), "# The lone wolf", "the fallback, in its original's words")
        let germanHome = try String(contentsOf: every.appendingPathComponent("de/index.md"), encoding: .utf8)
        XCTAssertTrue(germanHome.contains("](pitfalls/no-training.md)"), "links stay inside the language's export:\n\(germanHome)")
        let exported = FileManager.default.enumerator(atPath: every.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted() ?? []
        XCTAssertEqual(exported, ["de/index.md", "de/pitfalls/index.md", "de/pitfalls/lone-wolf.md", "de/pitfalls/no-training.md",
                                  "index.md", "pitfalls/index.md", "pitfalls/lone-wolf.md", "pitfalls/no-training.md"])

        let german = try export(["--lang", "de"])
        XCTAssertEqual(try title(german.appendingPathComponent("pitfalls/no-training.md")), "# Keine Weiterbildung", "--lang de: German at the root")
        XCTAssertFalse(FileManager.default.fileExists(atPath: german.appendingPathComponent("de").path), "--lang de: one language only")

        let unknown = try CrossroadsBinary.run(["export", "--source", built.site.root.path, "--output", built.site.url("x").path, "--lang", "fr"])
        XCTAssertEqual(unknown.exitCode, 1)
        XCTAssertTrue(unknown.stderr.contains("--lang: error: the site has no language \"fr\" (it has en, de)"), unknown.stderr)
    }

    func testACachedBuildAfterTranslationEditsEqualsACleanBuild() throws {
        let built = try Site()
        // A translation added (a fallback no more), a translated title changed, a translation removed.
        try built.site.write("""
            ---
            title: "Der einsame Wolf"
            summary: "Alles allein lösen."
            ---
            Ein Leuchtturmwärter, allein und stolz darauf.

            """, to: "content/pitfalls/lone-wolf.de.md")
        try built.site.replaceOnce("title: \"Keine Weiterbildung\"", with: "title: \"Ohne Weiterbildung\"", in: "content/pitfalls/no-training.de.md")
        try FileManager.default.removeItem(at: built.site.url("content/pitfalls/_index.de.md"))
        let cached = try built.site.build(extraArguments: ["--base-url", Site.baseURL])
        let clean = try built.site.build(extraArguments: ["--base-url", Site.baseURL, "--no-cache"], output: built.site.url("clean"))
        let files = { (folder: URL) in
            (FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).filter {
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
            }.sorted()
        }
        XCTAssertEqual(files(cached), files(clean))
        for file in files(clean) {
            XCTAssertEqual(FileManager.default.contents(atPath: cached.appendingPathComponent(file).path),
                           FileManager.default.contents(atPath: clean.appendingPathComponent(file).path), "\(file): the cached build differs from a clean one")
        }
        XCTAssertTrue(try built.text("de/sitemap.xml").contains(Site.baseURL + "de/pitfalls/lone-wolf/"), "the new translation is listed")
        XCTAssertFalse(try built.text("de/sitemap.xml").contains(Site.baseURL + "de/pitfalls/</loc>"), "the section index whose intro is no longer translated is not")
    }

    func testCheckFindsNoBrokenLinkInEitherLanguageWithRelativeLinks() throws {
        let built = try Site(baseURL: nil)
        // A copy links the fallback's original from its own place, not from the page's.
        for copy in ["de/embed/pitfalls/lone-wolf/index.html", "de/standalone/pitfalls/lone-wolf.html"] {
            let canonical = try XCTUnwrap(BuiltHTML.canonical(of: try built.text(copy)), copy)
            XCTAssertEqual(Site.target(of: canonical, onPage: copy), "pitfalls/lone-wolf/", "\(copy): \(canonical)")
        }
        for subfolder in [false, true] {
            if subfolder { try built.site.write(try built.site.read("site.yml") + "default_language_in_subfolder: true\n", to: "site.yml") }
            let result = try CrossroadsBinary.run(["check", "--source", built.site.root.path])
            XCTAssertEqual(result.exitCode, 0, "default language in its folder: \(subfolder)\n" + result.stderr + result.stdout)
            XCTAssertFalse(result.stderr.contains("error:"), result.stderr)
        }
    }

    /// The URLs and the lower-cased text of every part of a language's search index.
    private func searchText(of built: Site, prefix: String) throws -> (urls: [String], text: String) {
        let entry = try built.text(prefix + "search-index.js")
        let parts = BuiltHTML.matches(of: #""(\#(prefix)search-index/[0-9]+\.js)""#, in: entry)
        XCTAssertFalse(parts.isEmpty, entry)
        var urls: [String] = [], text = ""
        for part in parts {
            let script = try built.text(part)
            urls += BuiltHTML.matches(of: #""u":"([^"]*)""#, in: script).compactMap { Site.target(of: $0, onPage: "") }
            text += script.lowercased()
        }
        return (urls, text)
    }
}
