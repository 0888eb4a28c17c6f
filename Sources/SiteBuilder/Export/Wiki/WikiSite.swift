import Foundation
import Markdown

/// The exported GFM pages of one site as wiki pages: each with a title the wiki shows, a slug
/// for file names, its parent in the page tree, and its parsed body, plus the chart images under
/// flat names. The one place that resolves a GFM link or image path to a page or a file, so every
/// wiki syntax links the same pages.
struct WikiSite {
    struct Page {
        /// The exported GFM file (`pitfalls/no-training.md`), the key of every page.
        var file: String
        /// `pitfalls-no-training`: the file's path without `.md`, folders joined by `-`.
        var slug: String
        /// The page's own first heading, made safe for every wiki's titles, unique in the site.
        var title: String
        /// The file of the page above this one (the section's index, else the home page).
        var parent: String?
        /// The page after its title heading.
        var body: [MarkdownTree.Block]
        /// Heading id (as the site and the GFM export give it) -> heading text.
        var headings: [String: String]
        /// Flat names of the chart images this page shows.
        var images: [String] = []
    }

    enum Target {
        case page(Page, anchor: String?)
        case external(String)
        /// A link that leads nowhere in the wiki (a relative path to something not exported).
        case none
    }

    private(set) var pages: [Page] = []
    private var index: [String: Int] = [:]
    /// Exported image path (`pitfalls/images/x-chart-1.svg`) -> flat name (`pitfalls-x-chart-1.svg`).
    private(set) var imageNames: [String: String] = [:]
    /// Flat image name -> SVG text.
    private(set) var images: [String: String] = [:]

    init(_ documents: ExportDocuments) throws {
        try self.init(files: documents.files, images: documents.images, navigation: documents.navigation)
    }

    /// `files`: exported GFM file -> text; `images`: exported image path -> SVG text.
    init(files: [String: String], images documentImages: [String: String], navigation: [ExportDocuments.NavigationEntry]) throws {
        for (path, svg) in documentImages {
            let name = Self.flatImageName(path)
            imageNames[path] = name
            images[name] = svg
        }
        var parents: [String: String] = [:]
        let home = files["index.md"] == nil ? nil : "index.md"
        for case .section(_, let members) in navigation {
            guard let sectionIndex = members.first?.file else { continue }
            for child in members.dropFirst() { parents[child.file] = sectionIndex }
        }
        var usedTitles: Set<String> = []
        for file in files.keys.sorted() {
            guard let text = files[file] else { continue }
            var blocks = try MarkdownTree(parsing: text).blocks
            var headings: [String: String] = [:]
            Self.collectHeadings(blocks, into: &headings)
            var title = Self.slug(file)
            if case .heading(1, _, let content)? = blocks.first {
                title = MarkdownTree.plainText(content)
                blocks.removeFirst()
            }
            title = Self.uniqueTitle(Self.safeTitle(title), fallback: Self.slug(file), used: &usedTitles)
            let parent = file == home ? nil : (parents[file] ?? home)
            index[file] = pages.count
            pages.append(Page(file: file, slug: Self.slug(file), title: title, parent: parent, body: blocks, headings: headings))
        }
        // Parents first, so a wiki that needs a parent to exist before its child can go in order.
        let depths = Dictionary(uniqueKeysWithValues: pages.map { ($0.file, depth(of: $0)) })
        pages.sort { (depths[$0.file] ?? 0, $0.file) < (depths[$1.file] ?? 0, $1.file) }
        index = Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($0.element.file, $0.offset) })
        for position in pages.indices {
            pages[position].images = Self.imageSources(pages[position].body).compactMap { resolveImage($0, from: pages[position].file) }
        }
    }

    func page(_ file: String) -> Page? { index[file].map { pages[$0] } }

    private func depth(of page: Page) -> Int {
        var depth = 0
        var current = page.parent
        while let file = current, depth < pages.count, let position = index[file] {
            depth += 1
            current = pages[position].parent
        }
        return depth
    }

    /// Where a link of the page `file` leads.
    func resolveLink(_ destination: String, from file: String) -> Target {
        if let scheme = destination.range(of: "://"), destination[..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) {
            return .external(destination)
        }
        if destination.hasPrefix("mailto:") { return .external(destination) }
        let hash = destination.firstIndex(of: "#")
        let path = String(destination[..<(hash ?? destination.endIndex)])
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        let targetFile = path.isEmpty ? file : Self.resolve(path, from: file)
        guard let target = page(targetFile) else { return .none }
        return .page(target, anchor: fragment.flatMap { target.headings[$0] })
    }

    /// The flat name of an image a page's GFM shows (`images/x-chart-1.svg`), nil when not exported.
    func resolveImage(_ source: String, from file: String) -> String? {
        imageNames[Self.resolve(source, from: file)]
    }

    /// `../b.md` from `pitfalls/a.md` = `b.md`; `images/x.svg` from `pitfalls/a.md` = `pitfalls/images/x.svg`.
    static func resolve(_ relative: String, from file: String) -> String {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func slug(_ file: String) -> String {
        String(file.dropLast(file.hasSuffix(".md") ? 3 : 0)).replacingOccurrences(of: "/", with: "-")
    }

    static func flatImageName(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "images" }.joined(separator: "-")
    }

    /// Without the characters no wiki allows in a title (MediaWiki: `# < > [ ] | { }`, and `_`
    /// which it reads as a space), spaces collapsed, first letter upper-cased as MediaWiki stores it.
    static func safeTitle(_ title: String) -> String {
        var cleaned = ""
        for character in title {
            if "#<>[]|{}".contains(character) { cleaned.append(" ") } else if character == "_" { cleaned.append(" ") } else { cleaned.append(character) }
        }
        cleaned = HTMLFragment.collapse(cleaned)
        guard let first = cleaned.first else { return cleaned }
        return first.uppercased() + cleaned.dropFirst()
    }

    private static func uniqueTitle(_ title: String, fallback: String, used: inout Set<String>) -> String {
        var candidate = title.isEmpty ? fallback : title
        if used.contains(candidate) { candidate += " (\(fallback))" }
        var number = 2
        let base = candidate
        while used.contains(candidate) {
            candidate = "\(base) \(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }

    private static func collectHeadings(_ blocks: [MarkdownTree.Block], into headings: inout [String: String]) {
        for block in blocks {
            switch block {
            case .heading(_, let id, let content): headings[id] = HTMLFragment.collapse(MarkdownTree.plainText(content))
            case .blockQuote(let inner): collectHeadings(inner, into: &headings)
            case .list(_, _, let items): for item in items { collectHeadings(item.blocks, into: &headings) }
            default: break
            }
        }
    }

    private static func imageSources(_ blocks: [MarkdownTree.Block]) -> [String] {
        func inImages(_ inlines: [MarkdownTree.Inline]) -> [String] {
            inlines.flatMap { inline -> [String] in
                switch inline {
                case .image(let source, _, _): [source]
                case .emphasis(let inner), .strong(let inner), .strikethrough(let inner), .link(_, _, let inner): inImages(inner)
                default: []
                }
            }
        }
        return blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, _, let content), .paragraph(let content): inImages(content)
            case .blockQuote(let inner): imageSources(inner)
            case .list(_, _, let items): items.flatMap { imageSources($0.blocks) }
            case .table(let header, let rows): (header + rows.flatMap { $0 }).flatMap(inImages)
            default: []
            }
        }
    }
}
