import Blocks

/// HTML text and attribute escaping for the few pages the builder writes without templates:
/// the same escaping the fenced blocks use.
enum HTMLText {
    static func escape(_ text: String) -> String { escapeHTML(text) }
}
