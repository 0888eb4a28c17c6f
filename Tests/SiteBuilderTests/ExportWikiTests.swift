import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Scoring
@testable import SiteBuilder
import XCTest

/// The default site exported for each wiki: every page is there, every link between pages names
/// an exported page (and heading), the files parse, and the scoring guide's numbers are Scoring's.
final class ExportWikiTests: XCTestCase {
    private func export(_ format: ExportFormat) throws -> (folder: URL, report: ExportReport, site: Site, wiki: WikiSite) {
        let output = try ExportFixture.temporaryFolder("export-\(format.rawValue)")
        addTeardownBlock { try? FileManager.default.removeItem(at: output) }
        let report = try SiteExport.export(ExportOptions(source: ExportFixture.siteRoot, output: output, format: format))
        let site = try SiteLoader(sourceFolder: ExportFixture.siteRoot).load()
        let wiki = try WikiSite(ExportDocuments(site: site).render())
        return (output, report, site, wiki)
    }

    /// Every guide and section page of the site is a wiki page under its own title.
    private func assertEveryPageIsExported(_ titles: Set<String>, site: Site, wiki: WikiSite, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(titles, Set(wiki.pages.map(\.title)), file: file, line: line)
        XCTAssertEqual(wiki.pages.count, site.pages.count + site.sections.count, file: file, line: line)
        for page in site.pages {
            XCTAssertTrue(titles.contains(WikiSite.safeTitle(page.metadata.title)), "\(page.contentPath) exported", file: file, line: line)
        }
    }

    // MARK: - MediaWiki

    func testMediaWikiDumpHoldsEveryPageAndEveryLinkResolves() throws {
        let (folder, report, site, wiki) = try export(.mediawiki)
        let dump = try MediaWikiDump(url: folder.appendingPathComponent("dump.xml"))
        XCTAssertEqual(dump.rootNamespace, MediaWikiExport.namespace)
        XCTAssertEqual(dump.rootVersion, "0.11")
        assertEveryPageIsExported(Set(dump.pages.keys), site: site, wiki: wiki)
        XCTAssertEqual(report.pageCount, dump.pages.count)
        var checked = 0
        for (title, text) in dump.pages {
            XCTAssertEqual(dump.namespaces[title], "0")
            XCTAssertEqual(try ExportFixture.text(folder.appendingPathComponent("pages/\(try XCTUnwrap(wiki.pages.first { $0.title == title }).slug).wiki")), text)
            for link in MediaWikiDump.links(in: text) {
                if link.target.hasPrefix("File:") {
                    let name = String(link.target.dropFirst("File:".count))
                    XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("images/" + name).path), "\(title): \(name)")
                    continue
                }
                let target = try XCTUnwrap(dump.pages[link.target], "\(title): [[\(link.target)]] is not an exported page")
                if let anchor = link.anchor {
                    XCTAssertTrue(MediaWikiDump.headings(in: target).contains(anchor), "\(title): #\(anchor) is not a heading of \(link.target)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20, "the guides link to each other")
        XCTAssertFalse(report.files.filter { $0.hasPrefix("images/") && $0.hasSuffix(".svg") }.isEmpty, "the charts")
        XCTAssertTrue(report.files.contains("README.txt"))
        // The blocks as native tables: the ladder (a table per track), the comparison, the level map.
        for (file, header) in [("comparisons/ladders.md", ["Level", "Scope"]), ("comparisons/five-dimensions.md", nil), ("comparisons/level-map.md", nil)] {
            let page = try XCTUnwrap(wiki.page(file))
            let tables = MediaWikiDump.tables(in: try XCTUnwrap(dump.pages[page.title]))
            XCTAssertFalse(tables.isEmpty, "\(file) has a wikitable")
            if let header { XCTAssertEqual(tables.filter { $0.header == header }.count, 2, "\(file): one table per track") }
        }
    }

    func testMediaWikiScoringGuideIsCompleteWithScoringsBandEdges() throws {
        let (folder, _, site, wiki) = try export(.mediawiki)
        let questionnaire = try XCTUnwrap(site.questionnaire)
        let dump = try MediaWikiDump(url: folder.appendingPathComponent("dump.xml"))
        let paperPage = try XCTUnwrap(wiki.pages.first { $0.file == "questionnaire.md" })
        let text = try XCTUnwrap(dump.pages[paperPage.title])
        let tables = MediaWikiDump.tables(in: text)
        let expected = questionnaire.bands.map { [$0.label, "\($0.min)–\($0.max)", $0.summary] }
        XCTAssertTrue(tables.contains { $0.header == PaperQuestionnaire.bandHeader && $0.rows == expected }, "the band table: \(tables.map(\.header))")
        let plain = MediaWikiDump.unescaped(text)
        for item in questionnaire.items { XCTAssertTrue(plain.contains(item.text), item.id) }
        let reversed = questionnaire.items.enumerated().filter { $0.element.reverse }.map { String($0.offset + 1) }.joined(separator: ", ")
        XCTAssertTrue(plain.contains("Reverse-keyed statements: \(reversed)."))
        if questionnaire.hasMap {
            let regions = questionnaire.regions.map { ["\($0.mastery.min)–\($0.mastery.max) %", "\($0.management.min)–\($0.management.max) %", $0.label] }
            XCTAssertTrue(tables.contains { $0.rows.map { Array($0.prefix(3)) } == regions }, "the region table")
        }
    }

    // MARK: - DokuWiki

    func testDokuWikiPagesHoldEveryPageAndEveryLinkResolves() throws {
        let (folder, report, site, wiki) = try export(.dokuwiki)
        let namespace = DokuWikiExport.namespace(siteTitle: site.config.title)
        let pageFiles = report.files.filter { $0.hasPrefix("data/pages/\(namespace)/") && $0.hasSuffix(".txt") }
        XCTAssertEqual(pageFiles.count, wiki.pages.count)
        XCTAssertEqual(report.pageCount, pageFiles.count)
        var texts: [String: String] = [:]
        for file in pageFiles {
            let id = String(file.dropFirst("data/pages/".count).dropLast(".txt".count)).replacingOccurrences(of: "/", with: ":")
            XCTAssertEqual(DokuWikiSyntax.cleanID(id), id, "\(file) is a DokuWiki id")
            texts[id] = try ExportFixture.text(folder.appendingPathComponent(file))
        }
        let titles = Set(texts.values.compactMap { DokuWikiText.headings(in: $0).first })
        assertEveryPageIsExported(titles, site: site, wiki: wiki)
        var checked = 0
        for (id, text) in texts {
            for link in DokuWikiText.links(in: text) where !link.target.contains("://") {
                let target = try XCTUnwrap(texts[link.target], "\(id): [[\(link.target)]] is not an exported page")
                if let anchor = link.anchor {
                    XCTAssertTrue(DokuWikiText.headings(in: target).map(DokuWikiSyntax.sectionID).contains(anchor), "\(id): #\(anchor) is not a heading of \(link.target)")
                }
                checked += 1
            }
            for media in DokuWikiText.media(in: text) {
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data/media/" + media.replacingOccurrences(of: ":", with: "/")).path), "\(id): \(media)")
            }
        }
        XCTAssertGreaterThan(checked, 20, "the guides link to each other")
        XCTAssertFalse(report.files.filter { $0.hasPrefix("data/media/\(namespace)/") && $0.hasSuffix(".svg") }.isEmpty, "the charts")
    }

    func testDokuWikiScoringGuideIsCompleteWithScoringsBandEdges() throws {
        let (folder, _, site, _) = try export(.dokuwiki)
        let questionnaire = try XCTUnwrap(site.questionnaire)
        let text = try ExportFixture.text(folder.appendingPathComponent("data/pages/\(DokuWikiExport.namespace(siteTitle: site.config.title))/questionnaire.txt"))
        let tables = DokuWikiText.tables(in: text)
        let expected = questionnaire.bands.map { [$0.label, "\($0.min)–\($0.max)", $0.summary] }
        XCTAssertTrue(tables.contains { $0.header == PaperQuestionnaire.bandHeader && $0.rows == expected }, "the band table: \(tables.map(\.header))")
        let plain = DokuWikiText.unescaped(text)
        for item in questionnaire.items { XCTAssertTrue(plain.contains(item.text), item.id) }
    }

    // MARK: - Confluence

    func testConfluencePagesParseAndEveryLinkNamesAPageOfTheManifest() throws {
        let (folder, report, site, wiki) = try export(.confluence)
        let manifest = try JSONDecoder().decode(ConfluenceExport.Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
        let titles = Set(manifest.pages.map(\.title))
        XCTAssertEqual(titles.count, manifest.pages.count, "titles are unique")
        assertEveryPageIsExported(titles, site: site, wiki: wiki)
        XCTAssertEqual(report.pageCount, manifest.pages.count)
        XCTAssertTrue(report.files.contains("README.md"))
        var created: Set<String> = []
        var linked = 0
        for page in manifest.pages {
            if let parent = page.parent { XCTAssertTrue(created.contains(parent), "\(page.title): its parent \(parent) comes first") }
            created.insert(page.title)
            let storage = try ConfluenceStorage(url: folder.appendingPathComponent(page.file))
            for title in storage.pageLinks {
                XCTAssertTrue(titles.contains(title), "\(page.file): ri:page \(title) is not in the manifest")
                linked += 1
            }
            XCTAssertEqual(Set(storage.attachments), Set(page.attachments.map { ($0 as NSString).lastPathComponent }), page.file)
            for attachment in page.attachments {
                XCTAssertTrue(attachment.hasPrefix("attachments/\(((page.file as NSString).lastPathComponent as NSString).deletingPathExtension)/"))
                XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(attachment).path), attachment)
            }
        }
        XCTAssertGreaterThan(linked, 20, "the guides link to each other")
        XCTAssertEqual(manifest.pages.filter { $0.parent == nil }.count, 1, "one top page")
    }

    func testConfluenceScoringGuideIsCompleteWithScoringsBandEdges() throws {
        let (folder, _, site, wiki) = try export(.confluence)
        let questionnaire = try XCTUnwrap(site.questionnaire)
        let slug = try XCTUnwrap(wiki.page("questionnaire.md")).slug
        let storage = try ConfluenceStorage(url: folder.appendingPathComponent("pages/\(slug).xml"))
        let expected = questionnaire.bands.map { [$0.label, "\($0.min)–\($0.max)", $0.summary] }
        XCTAssertTrue(storage.tables.contains { $0.first == PaperQuestionnaire.bandHeader && Array($0.dropFirst()) == expected })
        for item in questionnaire.items { XCTAssertTrue(storage.text.contains(item.text), item.id) }
    }
}

/// A MediaWiki XML dump read back with Foundation's XMLParser, and the wikitext read back just
/// enough to check links, headings and tables.
struct MediaWikiDump {
    var rootNamespace: String?
    var rootVersion: String?
    /// Title -> wikitext.
    var pages: [String: String] = [:]
    var namespaces: [String: String] = [:]

    init(url: URL) throws {
        let reader = Reader()
        parseXML(try Data(contentsOf: url), into: reader, name: "dump.xml")
        rootNamespace = reader.rootNamespace
        rootVersion = reader.rootVersion
        pages = reader.pages
        namespaces = reader.namespaces
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var rootNamespace: String?
        var rootVersion: String?
        var pages: [String: String] = [:]
        var namespaces: [String: String] = [:]
        private var characters = ""
        private var title = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "mediawiki" { rootNamespace = namespaceURI; rootVersion = attributes["version"] }
            characters = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { characters += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "title": title = characters
            case "ns": namespaces[title] = characters
            case "text": pages[title] = characters
            default: break
            }
        }
    }

    /// The text without `<nowiki>` tags and with entities decoded.
    static func unescaped(_ text: String) -> String {
        HTMLFragment.decodeEntities(text.replacingOccurrences(of: "<nowiki/>", with: "")
            .replacingOccurrences(of: "<nowiki>", with: "").replacingOccurrences(of: "</nowiki>", with: ""))
    }

    /// The text with whatever `<nowiki>` protects taken out.
    static func outsideNowiki(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "<nowiki>") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</nowiki>") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Every `[[target#anchor|label]]` outside `<nowiki>`.
    static func links(in text: String) -> [(target: String, anchor: String?)] {
        var links: [(String, String?)] = []
        var rest = outsideNowiki(text)[...]
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let inside = rest[open.upperBound..<close.lowerBound]
            let target = inside.prefix { $0 != "|" }
            let parts = target.split(separator: "#", maxSplits: 1)
            links.append((String(parts.first ?? ""), parts.count > 1 ? unescaped(String(parts[1])) : nil))
            rest = rest[close.upperBound...]
        }
        return links
    }

    static func headings(in text: String) -> Set<String> {
        Set(text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("="), line.hasSuffix("=") else { return nil }
            return unescaped(line.trimmingCharacters(in: CharacterSet(charactersIn: "= ")))
        })
    }

    /// Every `{| ... |}` table, cells unescaped.
    static func tables(in text: String) -> [(header: [String], rows: [[String]])] {
        var tables: [(header: [String], rows: [[String]])] = []
        var current: (header: [String], rows: [[String]])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("{|") { current = ([], []) } else if line == "|}" {
                if let table = current { tables.append(table) }
                current = nil
            } else if line == "|-" { current?.rows.append([]) } else if line.hasPrefix("! ") {
                current?.header.append(unescaped(String(line.dropFirst(2))))
            } else if line.hasPrefix("| "), current != nil, let last = current?.rows.indices.last {
                current?.rows[last].append(unescaped(String(line.dropFirst(2))))
            }
        }
        return tables
    }
}

/// DokuWiki text read back just enough to check links, media, headings and tables.
enum DokuWikiText {
    /// The text with `%%…%%` and `<nowiki>…</nowiki>` replaced by what they protect, each marked
    /// by a private-use character so that nothing inside is taken for markup.
    static func protected(_ text: String) -> (outside: String, unescaped: String) {
        var outside = ""
        var unescaped = ""
        var rest = text[...]
        while let open = [rest.range(of: "%%"), rest.range(of: "<nowiki>")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
            let closing = rest[open] == "%%" ? "%%" : "</nowiki>"
            outside += rest[..<open.lowerBound]
            unescaped += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: closing) else { return (outside, unescaped) }
            outside += "\u{E000}"
            unescaped += rest[open.upperBound..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        return (outside + rest, unescaped + rest)
    }

    static func unescaped(_ text: String) -> String { protected(text).unescaped }

    static func links(in text: String) -> [(target: String, anchor: String?)] {
        var links: [(String, String?)] = []
        var rest = protected(text).outside[...]
        while let open = rest.range(of: "[["), let close = rest[open.upperBound...].range(of: "]]") {
            let target = rest[open.upperBound..<close.lowerBound].prefix { $0 != "|" }
            let parts = target.split(separator: "#", maxSplits: 1)
            links.append((String(parts.first ?? ""), parts.count > 1 ? String(parts[1]) : nil))
            rest = rest[close.upperBound...]
        }
        return links
    }

    static func media(in text: String) -> [String] {
        var media: [String] = []
        var rest = protected(text).outside[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            media.append(String(rest[open.upperBound..<close.lowerBound].prefix { $0 != "?" && $0 != "|" }))
            rest = rest[close.upperBound...]
        }
        return media
    }

    static func headings(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("=="), line.hasSuffix("==") else { return nil }
            return line.trimmingCharacters(in: CharacterSet(charactersIn: "= "))
        }
    }

    /// Every table: `^` header cells, then `|` rows, cells split outside `%%…%%`.
    static func tables(in text: String) -> [(header: [String], rows: [[String]])] {
        var tables: [(header: [String], rows: [[String]])] = []
        var current: (header: [String], rows: [[String]])?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("^") {
                if let table = current { tables.append(table) }
                current = (cells(String(line)), [])
            } else if line.hasPrefix("|"), current != nil {
                current?.rows.append(cells(String(line)))
            } else if let table = current {
                tables.append(table)
                current = nil
            }
        }
        if let table = current { tables.append(table) }
        return tables
    }

    private static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var protectedText = false
        var characters = line.dropFirst()[...]
        while let character = characters.first {
            if characters.hasPrefix("%%") {
                protectedText.toggle()
                characters = characters.dropFirst(2)
                continue
            }
            if !protectedText, character == "|" || character == "^" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
            characters = characters.dropFirst()
        }
        return cells
    }
}

/// A Confluence storage-format file parsed inside a root that declares `ac:` and `ri:`.
struct ConfluenceStorage {
    var pageLinks: [String] = []
    var attachments: [String] = []
    /// Each table's rows of cell texts, header row first.
    var tables: [[[String]]] = []
    var text = ""

    init(url: URL) throws {
        self.init(fragment: try ExportFixture.text(url), name: url.lastPathComponent)
    }

    init(fragment: String, name: String) {
        let root = "<root " + ConfluenceSyntax.namespaces.sorted { $0.key < $1.key }.map { "xmlns:\($0.key)=\"\($0.value)\"" }.joined(separator: " ") + ">"
        let reader = Reader()
        parseXML(Data((root + fragment + "</root>").utf8), into: reader, name: name)
        pageLinks = reader.pageLinks
        attachments = reader.attachments
        tables = reader.tables
        text = reader.text
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var pageLinks: [String] = []
        var attachments: [String] = []
        var tables: [[[String]]] = []
        var text = ""
        private var cell: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch (namespaceURI, name) {
            case (ConfluenceSyntax.namespaces["ri"], "page"):
                XCTAssertNotNil(attributes["ri:content-title"] ?? attributes["content-title"])
                pageLinks.append(attributes["ri:content-title"] ?? attributes["content-title"] ?? "")
            case (ConfluenceSyntax.namespaces["ri"], "attachment"):
                attachments.append(attributes["ri:filename"] ?? attributes["filename"] ?? "")
            case (_, "table"): tables.append([])
            case (_, "tr"): tables[tables.count - 1].append([])
            case (_, "th"), (_, "td"): cell = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            cell? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "th" || name == "td", let finished = cell, !tables.isEmpty, let row = tables[tables.count - 1].indices.last {
                tables[tables.count - 1][row].append(finished)
                cell = nil
            }
        }
    }
}

/// Parses XML, namespaces resolved, into `reader`; a failure to parse fails the test.
func parseXML(_ data: Data, into reader: XMLParserDelegate, name: String, file: StaticString = #filePath, line: UInt = #line) {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    parser.delegate = reader
    XCTAssertTrue(parser.parse(), "\(name) parses: \(String(describing: parser.parserError))", file: file, line: line)
}
