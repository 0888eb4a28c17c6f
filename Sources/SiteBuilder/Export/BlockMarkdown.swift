/// Turns the HTML of a rendered fenced block (from `BlockRenderers`) into plain GFM:
/// tables stay tables, the ladder becomes nested lists, a chart becomes an SVG image plus a
/// table of its values.
enum BlockMarkdown {
    struct Table {
        var caption: String?
        var header: [String]
        var rows: [[String]]
    }

    /// A chart's drawing, to be written as its own file.
    struct ChartImage {
        var title: String
        var svg: String
    }

    /// Every `<table>` in the fragment, header row first.
    static func tables(in html: String) -> [Table] {
        let fragment = HTMLFragment(html)
        var tables: [Table] = []
        var current: Table?
        var row: [String]?
        var inHead = false
        var index = 0
        while index < fragment.tokens.count {
            switch fragment.tokens[index] {
            case .open("table", _): current = Table(caption: nil, header: [], rows: [])
            case .open("caption", _):
                let (text, next) = fragment.text(from: index, until: "caption")
                current?.caption = text
                index = next
                continue
            case .open("thead", _): inHead = true
            case .close("thead"): inHead = false
            case .open("tr", _): row = []
            case .open(let name, _) where name == "th" || name == "td":
                let (text, next) = fragment.text(from: index, until: name)
                row?.append(text)
                index = next
                continue
            case .close("tr"):
                if let finished = row {
                    if inHead { current?.header = finished } else { current?.rows.append(finished) }
                }
                row = nil
            case .close("table"):
                if var table = current {
                    if table.header.isEmpty, !table.rows.isEmpty { table.header = table.rows.removeFirst() }
                    tables.append(table)
                }
                current = nil
            default: break
            }
            index += 1
        }
        return tables
    }

    static func markdown(_ table: Table, withCaption: Bool = true) -> String {
        var text = ""
        if withCaption, let caption = table.caption, !caption.isEmpty { text += "*" + GFMText.escape(caption) + "*\n\n" }
        return text + GFMText.table(header: table.header, rows: table.rows)
    }

    /// The parts of the ladder's HTML the export keeps, by element and class, in the order they are
    /// tried: a track's name starts a list (after a blank line), a level's name an item in it, and
    /// a summary or scope is added to the line above.
    private static let ladderParts: [(element: String?, className: String, listMarker: String?)] = [
        (nil, "ladder-name", "- "), ("p", "ladder-summary", nil), ("span", "ladder-level-name", "  - "), ("p", "ladder-level-scope", nil),
    ]

    /// The ladder as one table per track, top level first, each level with its scope, under the
    /// track's name and summary: a table every wiki renders natively.
    static func ladder(_ html: String) -> String {
        let fragment = HTMLFragment(html)
        var tracks: [(title: String, levels: [[String]])] = []
        var index = 0
        while index < fragment.tokens.count {
            guard case .open(let name, let attributes) = fragment.tokens[index] else { index += 1; continue }
            let classes = attributes["class"] ?? ""
            let part: String?
            if classes.contains("ladder-name") || (name == "p" && classes.contains("ladder-summary"))
                || (name == "span" && classes.contains("ladder-level-name")) || (name == "p" && classes.contains("ladder-level-scope")) {
                let (text, next) = fragment.text(from: index, until: name)
                part = text
                index = next
            } else {
                part = nil
                index += 1
            }
            guard let text = part else { continue }
            if classes.contains("ladder-name") {
                tracks.append(("**" + GFMText.escape(text) + "**", []))
            } else if classes.contains("ladder-summary"), !tracks.isEmpty {
                tracks[tracks.count - 1].title += ": " + GFMText.escape(text)
            } else if classes.contains("ladder-level-name"), !tracks.isEmpty {
                tracks[tracks.count - 1].levels.append([text])
            } else if !tracks.isEmpty, !tracks[tracks.count - 1].levels.isEmpty {
                tracks[tracks.count - 1].levels[tracks[tracks.count - 1].levels.count - 1].append(text)
            }
        }
        return tracks.map { $0.title + "\n\n" + GFMText.table(header: ["Level", "Scope"], rows: $0.levels) }.joined(separator: "\n")
    }

    /// The level map as its table, then each track's steps as a list: the step, both levels'
    /// scopes, and what changes.
    static func levelMap(_ html: String) -> String {
        var parts = tables(in: html).map { markdown($0) }
        var lines: [String] = []
        let found = HTMLFragment(html).texts { name, classes -> (name: String, classes: String)? in
            switch (name, classes) {
            case (_, "level-map-note"), (_, "level-map-steps-title"), ("summary", _), ("dt", _), ("dd", _), ("li", _),
                 (_, "level-step-changes-title"), (_, "level-step-empty"):
                (name, classes)
            default:
                nil
            }
        }
        for (element, raw) in found {
            let text = GFMText.escape(raw)
            switch element {
            case (_, "level-map-note"): parts.append(text + "\n")
            case (_, "level-map-steps-title"):
                if !lines.isEmpty { parts.append(lines.joined(separator: "\n") + "\n"); lines = [] }
                lines.append("**" + text + "**\n")
            case ("summary", _): lines.append("- " + text)
            case ("dt", _): lines.append("  - " + text)
            case ("dd", _): lines[lines.count - 1] += ": " + text
            case (_, "level-step-changes-title"), (_, "level-step-empty"): lines.append("  - " + text)
            default: lines.append("    - " + text)
            }
        }
        if !lines.isEmpty { parts.append(lines.joined(separator: "\n") + "\n") }
        return parts.joined(separator: "\n")
    }

    /// The chart's `<svg>` as a standalone file: the same drawing the site shows, with the XML
    /// namespace and the light theme's colours added, since no site stylesheet reaches an image.
    static func chartImage(_ html: String) -> ChartImage? {
        guard let start = html.range(of: "<svg"), let end = html.range(of: "</svg>", range: start.upperBound..<html.endIndex) else { return nil }
        var svg = String(html[start.lowerBound..<end.upperBound])
        svg = svg.replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ", options: [], range: svg.startIndex..<svg.index(svg.startIndex, offsetBy: 5))
        if let titleEnd = svg.range(of: "</desc>") {
            svg.insert(contentsOf: "\n<style>" + chartStyle + "</style>", at: titleEnd.upperBound)
        }
        let fragment = HTMLFragment(svg)
        var title = ""
        if let open = fragment.tokens.firstIndex(where: { if case .open("title", _) = $0 { return true } else { return false } }) {
            title = fragment.text(from: open, until: "title").text
        }
        return ChartImage(title: title, svg: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n")
    }

    /// The site stylesheet's chart rules with its light-theme colours written out.
    private static let chartStyle = [
        "text{fill:#1f2328;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:14px}",
        ".chart-value{font-weight:600}",
        ".s1{fill:#2b67c9}.s2{fill:#d0761c}.s3{fill:#23906a}.s4{fill:#b04a95}.s5{fill:#6f62d0}.s6{fill:#7c828c}",
    ].joined()
}
