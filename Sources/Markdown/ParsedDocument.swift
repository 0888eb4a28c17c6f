import CCmarkGFM
import Foundation

/// A cmark parser and the document it produced, freed together.
///
/// The parser is kept alive until rendering because `cmark_render_html` needs the parser's
/// list of syntax extensions (without it the tagfilter extension is skipped silently).
final class ParsedDocument {
    let root: OpaquePointer
    let options: Int32
    private let parser: OpaquePointer

    init?(_ source: String, options: Int32) {
        self.options = options
        var text = source
        let hasTilde = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(UInt8(ascii: "~")), bytes.count) != nil
        }
        // Parses run in parallel, except those that need strikethrough (see `CmarkExtensions`).
        let parsed = hasTilde
            ? CmarkExtensions.strikethroughLock.withLock { _ in Self.parse(source, options: options, strikethrough: true) }
            : Self.parse(source, options: options, strikethrough: false)
        guard let parsed else { return nil }
        self.parser = parsed.parser
        self.root = parsed.root
    }

    private static func parse(_ source: String, options: Int32, strikethrough: Bool) -> (parser: OpaquePointer, root: OpaquePointer)? {
        guard let parser = cmark_parser_new(options) else { return nil }
        CmarkExtensions.attach(to: parser, strikethrough: strikethrough)
        var text = source
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { characters in
                cmark_parser_feed(parser, characters, bytes.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            return nil
        }
        return (parser, root)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    func renderHTML() -> String {
        guard let rendered = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
