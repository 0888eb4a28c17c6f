import CCmarkGFM
import Foundation
import Synchronization

/// A cmark parser and the document it produced, freed together.
///
/// The parser is kept alive until rendering because `cmark_render_html` needs the parser's
/// list of syntax extensions (without it the tagfilter extension is skipped silently).
final class ParsedDocument {
    let root: OpaquePointer
    let options: Int32
    private let parser: OpaquePointer

    /// `cmark_parser_finish` edits a process-wide table of special inline characters while
    /// it runs the extensions, so two parses at once can corrupt each other. Every parse in
    /// the process goes through this one lock; walking and rendering need no lock.
    private static let parseLock = Mutex(())

    init?(_ source: String, options: Int32) {
        self.options = options
        var text = source
        let parsed: (parser: OpaquePointer, root: OpaquePointer)? = Self.parseLock.withLock { _ in
            guard let parser = cmark_parser_new(options) else { return nil }
            CmarkExtensions.attach(to: parser)
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
        guard let parsed else { return nil }
        self.parser = parsed.parser
        self.root = parsed.root
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
