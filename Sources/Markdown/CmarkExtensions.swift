import CCmarkGFM

/// The GFM extensions every parser gets, registered with cmark exactly once per process.
enum CmarkExtensions {
    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// `cmark_gfm_core_extensions_ensure_registered` guards itself with a plain, non-atomic
    /// flag; a `static let` runs it once under Swift's thread-safe lazy initialisation.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    static func attach(to parser: OpaquePointer) {
        _ = registration
        for name in names {
            // The registry is only written during registration, so lookups are plain reads.
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
    }
}
