import Foundation
import Yams

/// One Markdown file of the default guides, read straight from `content/` so the tests can
/// compare what an author wrote with what the build produced. A translation (`x.de.md` when the
/// site lists `de`) knows its language and its original, and takes the front matter it does not
/// set from the original, as the build does.
struct GuideSource {
    /// Path of the file inside `content/`, e.g. `pitfalls/no-training.de.md`.
    let contentPath: String
    /// The default language's path of the same page, e.g. `pitfalls/no-training.md`: how links
    /// and the tests name a page in every language.
    let originalPath: String
    let language: GuideLanguage
    let frontMatter: [String: Any]
    /// The Markdown after the front matter.
    let body: String

    /// Front matter a translation takes from its original when it does not set it (lang-design.md).
    static let inheritedFields = ["weight", "tags", "date", "updated", "kind", "template", "aliases", "read_next", "draft"]

    var title: String { frontMatter["title"] as? String ?? "" }
    var kind: String { frontMatter["kind"] as? String ?? "page" }
    var isSectionIntro: Bool { originalPath.hasSuffix("_index.md") }

    /// Where the build writes the page, relative to the output folder.
    var outputPath: String {
        var segments = originalPath.split(separator: "/").map(String.init)
        let file = segments.removeLast()
        if file == "_index.md" || (file == "index.md" && segments.isEmpty) {
            return language.outputPrefix + (segments + ["index.html"]).joined(separator: "/")
        }
        let slug = frontMatter["slug"] as? String ?? String(file.dropLast(".md".count))
        return language.outputPrefix + (segments + [slug, "index.html"]).joined(separator: "/")
    }

    /// The body without fenced code blocks (charts, ladders and the like are data, not prose).
    var prose: String {
        var kept: [Substring] = []
        var fence: Substring?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) && trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                continue
            }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    /// Words of body text outside fenced blocks.
    var proseWordCount: Int {
        prose.split(whereSeparator: { $0.isWhitespace }).filter { word in word.contains { $0.isLetter || $0.isNumber } }.count
    }

    /// The prose before the page's own sources heading ("## Sources", "## Quellen"), and the
    /// section under it.
    var proseAndSourcesSection: (prose: String, sources: String?) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == language.wording.sourcesHeading }) else {
            return (body, nil)
        }
        let rest = lines[(heading + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? rest.endIndex
        return (lines[..<heading].joined(separator: "\n"), rest[..<end].joined(separator: "\n"))
    }

    /// The bodies of every ```` ```name ```` fenced block, in order.
    func fencedBlocks(named name: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            if current != nil {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    blocks.append((current ?? []).joined(separator: "\n"))
                    current = nil
                } else {
                    current?.append(line)
                }
            } else if line.trimmingCharacters(in: .whitespaces) == "```" + name {
                current = []
            }
        }
        return blocks
    }

    /// A line of Markdown reduced to the words a reader sees: link targets, emphasis marks and
    /// code ticks removed, typographic quotes made plain as `BuiltHTML.plainText` makes them.
    static func plainLine(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "", options: .regularExpression)
        for mark in ["[", "]", "*", "`", "_"] { text = text.replacingOccurrences(of: mark, with: "") }
        return BuiltHTML.plainTypography(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Every `.md` file under `content/`, sorted by path, each in its language: `x.<code>.md` is
    /// a translation when `<code>` is one of `languages` (the first is the default language).
    static func all(in contentFolder: URL, languages: [GuideLanguage]) throws -> [GuideSource] {
        guard let walker = FileManager.default.enumerator(atPath: contentFolder.path) else {
            throw SupportError("cannot list \(contentFolder.path)")
        }
        guard let defaultLanguage = languages.first else { throw SupportError("no language given") }
        let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
        let files = try paths.map { path -> (path: String, original: String, language: GuideLanguage, text: String) in
            let text = try String(contentsOf: contentFolder.appendingPathComponent(path), encoding: .utf8)
            let stem = path.dropLast(".md".count)
            let translated = languages.dropFirst().first { stem.hasSuffix("." + $0.code) }
            let original = translated.map { String(stem.dropLast($0.code.count + 1)) + ".md" } ?? path
            return (path, original, translated ?? defaultLanguage, text)
        }
        let originals = try Dictionary(uniqueKeysWithValues: files.filter { $0.language == defaultLanguage }.map {
            ($0.path, try GuideSource(contentPath: $0.path, originalPath: $0.path, language: defaultLanguage, text: $0.text, original: nil))
        })
        return try files.map { file in
            if file.language == defaultLanguage, let source = originals[file.path] { return source }
            return try GuideSource(contentPath: file.path, originalPath: file.original, language: file.language, text: file.text,
                                   original: originals[file.original])
        }
    }

    init(contentPath: String, originalPath: String, language: GuideLanguage, text: String, original: GuideSource?) throws {
        self.contentPath = contentPath
        self.originalPath = originalPath
        self.language = language
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var own: [String: Any] = [:]
        if lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") {
            own = try Yams.load(yaml: lines[1..<close].joined(separator: "\n")) as? [String: Any] ?? [:]
            body = lines[(close + 1)...].joined(separator: "\n")
        } else {
            body = text
        }
        for field in Self.inheritedFields where own[field] == nil {
            own[field] = original?.frontMatter[field]
        }
        frontMatter = own
    }
}

/// Reading built HTML the way a visitor or a crawler sees it.
enum BuiltHTML {
    /// Every `href="…"` value in document order, entities in them decoded.
    static func hrefs(in html: String) -> [String] {
        matches(of: #"href="([^"]*)""#, in: html).map(decodeEntities)
    }

    /// Text with tags removed, entities decoded, typographic quotes made plain and whitespace
    /// collapsed, so prose written in Markdown can be looked for in it.
    static func plainText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<script\b[\s\S]*?</script>"#, with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        text = plainTypography(decodeEntities(text))
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Typographic quotes (English and German) made plain, no-break spaces made spaces.
    static func plainTypography(_ text: String) -> String {
        var result = text
        for (fancy, plain) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201A}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""),
                               ("\u{201E}", "\""), ("\u{00A0}", " "), ("\u{202F}", " ")] {
            result = result.replacingOccurrences(of: fancy, with: plain)
        }
        return result
    }

    static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: character)
        }
        return result
    }

    /// The first capture group of every match of `pattern`.
    static func matches(of pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// The piece of `html` from the first `start` marker up to the matching `endTag` after it.
    static func segment(of html: String, from start: String, to endTag: String) -> String? {
        guard let open = html.range(of: start), let close = html.range(of: endTag, range: open.upperBound..<html.endIndex) else {
            return nil
        }
        return String(html[open.lowerBound..<close.upperBound])
    }
}

/// The default site built once per test into a temporary folder.
struct BuiltDefaultSite {
    let site: TemporarySite
    let output: URL
    /// The site's languages, the default first.
    let languages: [GuideLanguage]
    /// Every guide source, in every language.
    let guides: [GuideSource]

    init() throws {
        site = try TemporarySite(allLanguages: true)
        output = try site.build()
        languages = try GuideLanguage.all(ofSiteAt: site.root)
        guides = try GuideSource.all(in: site.url("content"), languages: languages)
    }

    var defaultLanguage: GuideLanguage { languages[0] }

    func guides(in language: GuideLanguage) -> [GuideSource] { guides.filter { $0.language == language } }

    /// The page `originalPath` (a default-language content path) in `language`, if it is written.
    func guide(_ originalPath: String, in language: GuideLanguage) -> GuideSource? {
        guides.first { $0.originalPath == originalPath && $0.language == language }
    }

    func html(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// Guide pages proper: not the section intros.
    var pages: [GuideSource] { guides.filter { !$0.isSectionIntro } }

    func pages(in language: GuideLanguage) -> [GuideSource] { pages.filter { $0.language == language } }
}
