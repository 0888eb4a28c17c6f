import ByteText
import Foundation

/// Makes every link of an embedded page open the full site in a new tab: an iframe is too small
/// to read the site in, and navigating it would leave the host page's reader stranded.
///
/// Explicit attributes rather than `<base target="_blank">`, because a base target would also
/// send in-page links (`#section`) to a new tab. Links the questionnaire script creates later are
/// handled the same way by `embed.js` when they are clicked.
enum NewTabLinks {
    static func apply(to html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + 1024)
        var rest = html[...]
        while let start = ByteSearch.range(of: "<a ", in: rest) {
            output += rest[..<start.lowerBound]
            guard let end = ByteSearch.range(of: ">", in: rest[start.lowerBound...])?.lowerBound else {
                rest = rest[start.lowerBound...]
                break
            }
            let tag = rest[start.lowerBound..<end]
            output += tag
            if opensElsewhere(tag) { output += " target=\"_blank\" rel=\"noopener\"" }
            rest = rest[end...]
        }
        output += rest
        return output
    }

    /// A link with an `href` that leaves the page and no target of its own.
    private static func opensElsewhere(_ tag: Substring) -> Bool {
        guard ByteSearch.range(of: " target=", in: tag) == nil, let hrefStart = ByteSearch.range(of: " href=\"", in: tag) else { return false }
        return tag[hrefStart.upperBound...].first != "#"
    }
}
