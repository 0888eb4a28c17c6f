import CCmarkGFM
import Synchronization

/// The GFM extensions every parser gets, registered with cmark exactly once per process.
///
/// cmark-gfm 0.29 keeps the inline special characters in one process-wide table. Each parse adds
/// its extensions' characters (autolink's `:` and `w`, strikethrough's `~`) when its inline pass
/// starts and removes them when it ends, so a parse that ends takes them away from another still
/// running. Autolink's are therefore added once, for good, and its own list emptied: no parse
/// touches them again. Strikethrough's `~` cannot be treated so, because the parser finds the
/// extension that closes a `~~` run through that list; a document with a `~` is parsed with
/// strikethrough under `strikethroughLock`, and one without is parsed without it, which cannot
/// change its output and never reads the table's `~` entry (see ConcurrencyTests).
enum CmarkExtensions {
    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let strikethrough = "strikethrough"

    /// Held by every parse that attaches strikethrough, the one extension whose characters each
    /// parse still adds and removes.
    static let strikethroughLock = Mutex(())

    /// Runs once, under Swift's thread-safe lazy initialisation, before any parse.
    /// (`cmark_gfm_core_extensions_ensure_registered` guards itself with a plain, non-atomic flag.)
    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        let extensions = names.compactMap { name in cmark_find_syntax_extension(name).map { (name, $0) } }
        for (_, syntaxExtension) in extensions { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
        cmark_manage_extensions_special_characters(parser, 1)
        for (name, syntaxExtension) in extensions where name != strikethrough {
            cmark_syntax_extension_set_special_inline_chars(syntaxExtension, nil)
        }
    }()

    static func attach(to parser: OpaquePointer, strikethrough withStrikethrough: Bool) {
        _ = registration
        for name in names where withStrikethrough || name != strikethrough {
            // The registry is only written during registration, so lookups are plain reads.
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
    }
}
