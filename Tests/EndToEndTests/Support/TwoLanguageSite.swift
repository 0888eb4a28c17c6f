import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The two-language fixture (Tests/Fixtures/two-languages: English at the root, German under
/// `de/`) dressed in the repository's theme and theme strings, built by the real binary. A build
/// of it takes a fraction of a second, so each test builds its own.
struct TwoLanguageSite {
    static let fixture = TemporarySite.repositoryRoot.appendingPathComponent("Tests/Fixtures/two-languages")
    static let baseURL = "https://example.com/guides/"

    /// The fixture's pages and sections by site path, and whether the German site has a translation
    /// of each (`false`: the German page is a fallback built from the English one).
    static let translated: [(path: String, translated: Bool)] = [
        ("", true), ("pitfalls/", true), ("pitfalls/no-training/", true), ("pitfalls/lone-wolf/", false),
    ]
    /// A word only the German translation of `pitfalls/no-training/` holds, and one only the
    /// untranslated English `pitfalls/lone-wolf/` holds.
    static let germanOnlyWord = "weiterbildungsbudget"
    static let englishOnlyWord = "lighthouse"
    /// A word both pitfalls hold in English and the German translation holds too.
    static let sharedWord = "feedback"

    let site: TemporarySite
    let output: URL

    /// Builds the fixture, with `baseURL` unless `baseURL` is nil (relative links only, as opened
    /// from disk). `siteYML` edits site.yml first (e.g. to add `host:`).
    init(baseURL: String? = TwoLanguageSite.baseURL, editingSiteYML siteYML: ((String) -> String)? = nil, building: Bool = true) throws {
        try self.init(fixture: Self.fixture, baseURL: baseURL, editingSiteYML: siteYML, building: building)
    }

    /// The repository's default site (English and German) instead of the fixture.
    static func defaultSite() throws -> TwoLanguageSite {
        try TwoLanguageSite(fixture: nil, baseURL: baseURL, editingSiteYML: nil, building: true)
    }

    private init(fixture: URL?, baseURL: String?, editingSiteYML siteYML: ((String) -> String)?, building: Bool) throws {
        site = try TemporarySite(allLanguages: fixture == nil)
        for name in ["site.yml", "content"] {
            guard let fixture else { break }
            try FileManager.default.removeItem(at: site.url(name))
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: site.url(name))
        }
        // The theme's strings go with the theme, when the repository has them.
        let strings = TemporarySite.repositoryRoot.appendingPathComponent("i18n")
        if FileManager.default.fileExists(atPath: strings.path), !FileManager.default.fileExists(atPath: site.url("i18n").path) {
            try FileManager.default.copyItem(at: strings, to: site.url("i18n"))
        }
        if let siteYML { try site.write(siteYML(try site.read("site.yml")), to: "site.yml") }
        output = building ? try site.build(extraArguments: baseURL.map { ["--base-url", $0] } ?? []) : site.output
    }

    func exists(_ outputPath: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(outputPath).path)
    }

    func text(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// The page at a site path (`de/pitfalls/x/`, `""` for the home page).
    func page(_ sitePath: String) throws -> String { try text(Self.file(ofSitePath: sitePath)) }

    /// `pitfalls/x/` -> `pitfalls/x/index.html`; a file's own path stays.
    static func file(ofSitePath sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// The site path an absolute URL of the site names, or nil for another site's URL.
    static func sitePath(ofURL url: String) -> String? {
        url.hasPrefix(baseURL) ? String(url.dropFirst(baseURL.count)) : nil
    }

    /// The site path (`de/pitfalls/x/`) a link on the page at `outputPath` leads to, whether the
    /// link is relative or absolute; nil for a link that leaves the site.
    static func target(of href: String, onPage outputPath: String) -> String? {
        guard let url = URL(string: href, relativeTo: URL(string: baseURL + outputPath)),
              let path = sitePath(ofURL: url.absoluteURL.absoluteString) else { return nil }
        let withoutFragment = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        return withoutFragment.hasSuffix("index.html") && !withoutFragment.hasSuffix(".standalone.html")
            ? String(withoutFragment.dropLast("index.html".count)) : withoutFragment
    }

    /// The site paths the links inside `<main>` of the page at `outputPath` lead to.
    func mainLinks(ofPage outputPath: String) throws -> [String] {
        BuiltHTML.hrefs(in: BuiltHTML.main(of: try text(outputPath))).compactMap { Self.target(of: $0, onPage: outputPath) }
    }

    /// Every HTML file of the output, as output paths.
    func htmlFiles() -> [String] {
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".html") }.sorted()
    }
}

/// What a crawler reads from a built page's markup.
extension BuiltHTML {
    /// The attributes of every `<name …>` start tag, in document order, values' entities decoded.
    static func tags(_ name: String, in html: String) -> [[String: String]] {
        matches(of: "(<\(name)\\b[^>]*>)", in: html).map { tag in
            var attributes: [String: String] = [:]
            guard let expression = try? NSRegularExpression(pattern: #"([A-Za-z_:][-A-Za-z0-9_:.]*)(?:="([^"]*)")?"#) else { return attributes }
            let inner = String(tag.dropFirst(name.count + 1).dropLast())
            for match in expression.matches(in: inner, range: NSRange(inner.startIndex..., in: inner)) {
                guard let key = Range(match.range(at: 1), in: inner) else { continue }
                let value = Range(match.range(at: 2), in: inner).map { decodeEntities(String(inner[$0])) } ?? ""
                attributes[String(inner[key])] = value
            }
            return attributes
        }
    }

    /// `<html lang>`.
    static func language(of html: String) -> String? { tags("html", in: html).first?["lang"] }

    /// `<link rel="canonical">`'s address.
    static func canonical(of html: String) -> String? {
        tags("link", in: html).first { $0["rel"] == "canonical" }?["href"]
    }

    /// `<link rel="alternate" hreflang>` of the head: language (or `x-default`) -> address.
    static func alternates(of html: String) -> [String: String] {
        var result: [String: String] = [:]
        for link in tags("link", in: html) where link["rel"] == "alternate" {
            if let language = link["hreflang"], let href = link["href"] { result[language] = href }
        }
        return result
    }

    /// The markup inside `<main …>…</main>`.
    static func main(of html: String) -> String {
        guard let open = html.range(of: "<main"), let close = html.range(of: "</main>", options: .backwards) else { return "" }
        return String(html[open.lowerBound..<close.lowerBound])
    }
}

/// An XML file (sitemap, feed) as a flat list of its elements in document order.
struct XMLElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        /// The index of the enclosing element, nil for the root.
        var parent: Int?
    }

    let elements: [Element]

    init(_ data: Data, file: String) throws {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw SupportError("\(file) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)")
        }
        elements = reader.elements
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Each `name` element with the elements directly inside it.
    func groups(_ name: String) -> [(element: Element, children: [Element])] {
        elements.indices.filter { elements[$0].name == name }.map { index in
            (elements[index], elements.filter { $0.parent == index })
        }
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: qualifiedName ?? element, attributes: attributes, text: "", parent: open.last))
            open.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { elements[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }
    }
}
