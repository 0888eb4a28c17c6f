import Foundation
import Yams

/// One Markdown file of the default guides, read straight from `content/` so the tests can
/// compare what an author wrote with what the build produced.
struct GuideSource {
    /// Path inside `content/`, e.g. `pitfalls/no-training.md`.
    let contentPath: String
    let frontMatter: [String: Any]
    /// The Markdown after the front matter.
    let body: String

    var title: String { frontMatter["title"] as? String ?? "" }
    var kind: String { frontMatter["kind"] as? String ?? "page" }
    var isSectionIntro: Bool { contentPath.hasSuffix("_index.md") }

    /// Where the build writes the page, relative to the output folder.
    var outputPath: String {
        var segments = contentPath.split(separator: "/").map(String.init)
        let file = segments.removeLast()
        if file == "_index.md" || (file == "index.md" && segments.isEmpty) {
            return (segments + ["index.html"]).joined(separator: "/")
        }
        let slug = frontMatter["slug"] as? String ?? String(file.dropLast(".md".count))
        return (segments + [slug, "index.html"]).joined(separator: "/")
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

    /// The prose before the page's own "Sources" heading, and the section under it.
    var proseAndSourcesSection: (prose: String, sources: String?) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "## Sources" }) else {
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
    /// code ticks removed, typographic quotes made plain.
    static func plainLine(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: #"\]\([^)]*\)"#, with: "", options: .regularExpression)
        for mark in ["[", "]", "*", "`", "_"] { text = text.replacingOccurrences(of: mark, with: "") }
        text = text.replacingOccurrences(of: "\u{2019}", with: "'")
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Every `.md` file under `content/`, sorted by path.
    static func all(in contentFolder: URL) throws -> [GuideSource] {
        guard let walker = FileManager.default.enumerator(atPath: contentFolder.path) else {
            throw SupportError("cannot list \(contentFolder.path)")
        }
        let paths = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
        return try paths.map { path in
            let text = try String(contentsOf: contentFolder.appendingPathComponent(path), encoding: .utf8)
            return try GuideSource(contentPath: path, text: text)
        }
    }

    init(contentPath: String, text: String) throws {
        self.contentPath = contentPath
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else {
            frontMatter = [:]
            body = text
            return
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        frontMatter = try Yams.load(yaml: yaml) as? [String: Any] ?? [:]
        body = lines[(close + 1)...].joined(separator: "\n")
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
        text = decodeEntities(text)
        for (fancy, plain) in [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{201C}", "\""), ("\u{201D}", "\""), ("\u{00A0}", " ")] {
            text = text.replacingOccurrences(of: fancy, with: plain)
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
    let guides: [GuideSource]

    init() throws {
        site = try TemporarySite()
        output = try site.build()
        guides = try GuideSource.all(in: site.url("content"))
    }

    func html(_ outputPath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(outputPath), encoding: .utf8)
    }

    /// Guide pages proper: not the section intros.
    var pages: [GuideSource] { guides.filter { !$0.isSectionIntro } }
}
