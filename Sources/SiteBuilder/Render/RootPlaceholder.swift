import ByteText
import Foundation

/// Stands in for the root prefix (`./`, `../../`, the base URL) at the start of every link the
/// Markdown rewriting produces, so a page body is rendered through Markdown once and then
/// printed at several depths (the page, its embed copy, its standalone file) by substituting
/// each output's own root.
///
/// The text is random per process, so no content can contain it, and made of letters, digits
/// and hyphens only, so cmark prints it in an `href` unchanged.
enum RootPlaceholder {
    static let text = "crossroads-root-" + UUID().uuidString.lowercased() + "-"

    /// Whether `root` printed in place of the placeholder gives the bytes cmark would have
    /// printed for `root` itself: every character is one cmark leaves unescaped in a URL, and
    /// the root cannot make the link one cmark drops as unsafe (`javascript:` and the like).
    static func canStandIn(for root: String) -> Bool {
        guard let first = root.utf8.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "/")
            || root.hasPrefix("http://") || root.hasPrefix("https://") else { return false }
        return root.utf8.allSatisfy(isPrintedUnchanged)
    }

    /// `text` replaced by `root` wherever it occurs.
    static func resolve(_ rendered: String, root: String) -> String {
        ByteSearch.replacing(text, with: root, in: rendered)
    }

    /// Characters cmark's URL escaping prints as they are (`&` and `'` become entities, the rest
    /// is percent-encoded).
    private static func isPrintedUnchanged(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}
