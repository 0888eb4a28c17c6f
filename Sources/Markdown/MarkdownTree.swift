import CCmarkGFM

/// A GFM document as plain Swift values, read from cmark-gfm's own tree, for writers of other
/// markup (the wiki exports) that need the structure rather than HTML. Headings carry the same
/// ids `MarkdownRenderer` gives them with default options, so links' `#fragments` can be matched.
public struct MarkdownTree: Sendable, Equatable {
    public indirect enum Block: Sendable, Equatable {
        case heading(level: Int, id: String, content: [Inline])
        case paragraph([Inline])
        /// Each item is its own blocks; `checked` is set for task-list items.
        case list(ordered: Bool, start: Int, items: [ListItem])
        case blockQuote([Block])
        case codeBlock(language: String, code: String)
        /// Raw HTML the source carried: the wiki writers show it as text, never as markup.
        case html(String)
        case thematicBreak
        case table(header: [[Inline]], rows: [[[Inline]]])
    }

    public struct ListItem: Sendable, Equatable {
        public var checked: Bool?
        public var blocks: [Block]
    }

    public indirect enum Inline: Sendable, Equatable {
        case text(String)
        case code(String)
        case emphasis([Inline])
        case strong([Inline])
        case strikethrough([Inline])
        case link(destination: String, title: String, content: [Inline])
        case image(source: String, title: String, alt: [Inline])
        case html(String)
        case softBreak
        case lineBreak
    }

    public var blocks: [Block]

    public init(parsing source: String) throws {
        guard let document = ParsedDocument(source, options: CMARK_OPT_DEFAULT) else {
            throw MarkdownError(line: 1, message: "cmark could not parse the Markdown", kind: .unparsable)
        }
        var slugger = HeadingSlugger()
        blocks = Self.blocks(under: document.root, slugger: &slugger)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            nodes.append(current)
            child = cmark_node_next(current)
        }
        return nodes
    }

    private static func extensionType(of node: OpaquePointer) -> String? {
        guard cmark_node_get_syntax_extension(node) != nil, let type = cmark_node_get_type_string(node) else { return nil }
        return String(cString: type)
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func blocks(under node: OpaquePointer, slugger: inout HeadingSlugger) -> [Block] {
        children(of: node).compactMap { block($0, slugger: &slugger) }
    }

    private static func block(_ node: OpaquePointer, slugger: inout HeadingSlugger) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            let content = inlines(under: node)
            let id = slugger.uniqueSlug(for: DocumentWalker.collapsingWhitespace(plainText(content)))
            return .heading(level: Int(cmark_node_get_heading_level(node)), id: id, content: content)
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(under: node))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in
                ListItem(checked: extensionType(of: item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil,
                         blocks: blocks(under: item, slugger: &slugger))
            }
            return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                         start: Int(cmark_node_get_list_start(node)), items: items)
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(under: node, slugger: &slugger))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(language: String(info.prefix { !$0.isWhitespace }), code: literal(of: node))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(of: node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            guard extensionType(of: node) == "table" else { return nil }
            var header: [[Inline]] = []
            var rows: [[[Inline]]] = []
            for row in children(of: node) {
                let cells = children(of: row).map { inlines(under: $0) }
                if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            }
            return .table(header: header, rows: rows)
        }
    }

    /// Adjacent text nodes joined: cmark leaves brackets and other would-be delimiters that
    /// formed nothing as text nodes of their own, and a writer escapes a run of text as a whole.
    private static func inlines(under node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        for child in children(of: node) {
            guard let next = inline(child) else { continue }
            if case .text(let text) = next, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(next)
            }
        }
        return result
    }

    private static func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return .html(literal(of: node))
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let content = inlines(under: node)
            return cmark_node_get_type(node) == CMARK_NODE_LINK
                ? .link(destination: destination, title: title, content: content)
                : .image(source: destination, title: title, alt: content)
        default:
            return extensionType(of: node) == "strikethrough" ? .strikethrough(inlines(under: node)) : nil
        }
    }

    /// The inlines' text without markup, as a heading's id is made from it.
    public static func plainText(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .emphasis(let content), .strong(let content), .strikethrough(let content): plainText(content)
            case .link(_, _, let content): plainText(content)
            case .image(_, _, let alt): plainText(alt)
            case .softBreak, .lineBreak: " "
            case .html: ""
            }
        }.joined()
    }
}
