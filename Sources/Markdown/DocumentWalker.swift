import CCmarkGFM
import Foundation

/// Walks one parsed document once, in document order: rewrites link destinations, renders
/// registered fenced blocks, names headings, and gathers plain text. Structural changes are
/// only recorded during the walk and applied afterwards, because cmark's iterator must not
/// see its tree change under it.
struct DocumentWalker {
    let fencedBlocks: [String: FencedBlockRenderer]
    let rewriteLink: LinkRewriter?
    /// `MarkdownOptions.headingsBelowLevel`.
    var headingsBelowLevel: Int?
    var maxHeadings = Int.max
    var reservedIDs: Set<String> = []

    struct Result {
        var headings: [Heading] = []
        var links: [Link] = []
        var plainText = ""
        /// The plain text with the visible text of fenced blocks where they stand; nil while the
        /// page has had none (the plain text serves then), so pages without blocks pay nothing.
        var searchText: String?
        var errors: [MarkdownError] = []
        /// Tree changes found during the walk, applied by `applyReplacements()`.
        var headingNodes: [(node: OpaquePointer, level: Int, id: String)] = []
        var fencedNodes: [(node: OpaquePointer, html: String)] = []
        var taskItems: [(node: OpaquePointer, checked: Bool)] = []
    }

    func walk(_ root: OpaquePointer) -> Result {
        var result = Result()
        var slugger = HeadingSlugger(reserved: reservedIDs)
        var outline = HeadingOutline(below: headingsBelowLevel)
        var headingText: String?

        func appendText(_ text: String) {
            result.plainText += text
            result.searchText? += text
            headingText? += text
        }
        func endBlock() {
            // The last byte, not the last Character: grapheme breaking backwards was a measurable cost.
            if let last = result.plainText.utf8.last, last != UInt8(ascii: "\n") { result.plainText += "\n" }
            if let last = result.searchText?.utf8.last, last != UInt8(ascii: "\n") { result.searchText? += "\n" }
        }
        /// Readers see a block's text, but it is not prose: searched, never counted as words read.
        func appendBlockText(_ html: String) {
            let text = BlockText.visibleText(ofHTML: html)
            guard !text.isEmpty else { return }
            if result.searchText == nil { result.searchText = result.plainText }
            if let last = result.searchText?.utf8.last, last != UInt8(ascii: "\n") { result.searchText? += "\n" }
            result.searchText? += text
        }

        guard let iterator = cmark_iter_new(root) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                appendText(Self.literal(of: node))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                appendText(" ")
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering { visitLink(node, into: &result) }
            case CMARK_NODE_HEADING:
                if entering {
                    headingText = ""
                } else {
                    let text = Self.collapsingWhitespace(headingText ?? "")
                    headingText = nil
                    let level = outline.level(ofHeadingWritten: Int(cmark_node_get_heading_level(node)))
                    if result.headings.count == maxHeadings {
                        result.errors.append(MarkdownError(
                            line: Self.line(of: node),
                            message: "this page has more than \(maxHeadings) headings, over the limit of \(maxHeadings)",
                            limit: "headings"))
                        return result
                    }
                    let id = slugger.uniqueSlug(for: text)
                    result.headings.append(Heading(level: level, id: id, text: text, line: Self.line(of: node)))
                    result.headingNodes.append((node, level, id))
                    endBlock()
                }
            case CMARK_NODE_ITEM:
                if !entering {
                    endBlock()
                } else if let checked = Self.taskState(of: node) {
                    result.taskItems.append((node, checked))
                }
            case CMARK_NODE_CODE_BLOCK:
                if let html = visitCodeBlock(node, headingLevel: outline.blockHeadingLevel, into: &result) {
                    result.fencedNodes.append((node, html))
                    appendBlockText(html)
                } else {
                    endBlock()
                    appendText(Self.literal(of: node))
                }
                endBlock()
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Markup, not text: left out of the plain text in both safe and unsafe mode.
                break
            default:
                if !entering && Self.isBlock(type) { endBlock() }
            }
        }
        result.plainText = Self.trimmingWhitespace(result.plainText)
        result.searchText = result.searchText.map(Self.trimmingWhitespace)
        return result
    }

    private func visitLink(_ node: OpaquePointer, into result: inout Result) {
        let line = Self.line(of: node)
        var destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        if let rewriteLink {
            do {
                destination = try rewriteLink(destination, line)
                cmark_node_set_url(node, destination)
            } catch {
                result.errors.append(contentsOf: Self.markdownErrors(from: error, line: line, otherwise: .link))
            }
        }
        result.links.append(Link(destination: destination, line: line))
    }

    /// The HTML of a fenced block whose first info word names a registered renderer, or nil
    /// when cmark should render it as ordinary code (or the renderer failed).
    private func visitCodeBlock(_ node: OpaquePointer, headingLevel: Int, into result: inout Result) -> String? {
        // cmark writes through all three out-pointers without checking them for NULL.
        var fenceLength: Int32 = 0
        var fenceOffset: Int32 = 0
        var fenceCharacter: CChar = 0
        guard cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0 else { return nil }
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let words = info.split(maxSplits: 1, whereSeparator: { $0.isWhitespace })
        guard let name = words.first.map(String.init), let renderer = fencedBlocks[name] else { return nil }
        let arguments = words.count > 1 ? String(words[1]).trimmingCharacters(in: .whitespaces) : ""
        let block = FencedBlock(info: name, arguments: arguments, code: Self.literal(of: node), line: Self.line(of: node),
                                headingLevel: headingLevel)
        do {
            return try renderer(block)
        } catch {
            result.errors.append(contentsOf: Self.markdownErrors(from: error, line: block.line, otherwise: .fencedBlock))
            // Still kept out of the plain text: the page will not be published anyway.
            return ""
        }
    }

    /// Whether a list item made by the tasklist extension (`- [x]`) is checked; nil for any other item.
    private static func taskState(of node: OpaquePointer) -> Bool? {
        guard cmark_node_get_syntax_extension(node) != nil,
              let type = cmark_node_get_type_string(node), String(cString: type) == "tasklist" else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(node)
    }

    /// A callback's problems as they were thrown, or any other error as one problem of `kind`.
    private static func markdownErrors(from error: any Error, line: Int, otherwise kind: MarkdownError.Kind) -> [MarkdownError] {
        switch error {
        case let error as MarkdownError: [error]
        case let errors as MarkdownErrors: errors.errors
        default: [MarkdownError(line: line, message: String(describing: error), kind: kind)]
        }
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// 1-based source line of a node. Links made by the autolink extension, and soft breaks,
    /// carry no position, so the line is worked out from the nearest earlier sibling (or the
    /// parent) that has one, plus one for every line break passed on the way.
    static func line(of node: OpaquePointer) -> Int {
        var breaksPassed = 0
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line + breaksPassed }
            let type = cmark_node_get_type(candidate)
            if candidate != node, type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                breaksPassed += 1
            }
            current = cmark_node_previous(candidate) ?? cmark_node_parent(candidate)
        }
        return 1
    }

    /// cmark encodes the block/inline kind in the high bits of the node type
    /// (CMARK_NODE_TYPE_MASK / CMARK_NODE_TYPE_BLOCK); extension node types follow the same rule.
    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & 0xC000 == 0x8000
    }

    /// The text without leading and trailing white space, as `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` would trim it, but without bridging the whole page to NSString.
    static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespaceOrNewline($0) }),
              let last = scalars.lastIndex(where: { !isWhitespaceOrNewline($0) }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return text }
        return String(scalars[first...last])
    }

    /// Membership in `CharacterSet.whitespacesAndNewlines`: Unicode general categories Zs, Zl and
    /// Zp, plus U+0009–U+000D and U+0085.
    static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
        case 0..<0x80: return false
        default:
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    static func collapsingWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        // ASCII text splits on the same six bytes `Character.isWhitespace` accepts there, without
        // a Unicode property lookup for every character of every heading.
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return utf8.split(whereSeparator: { (0x09...0x0D).contains($0) || $0 == 0x20 })
                .map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
