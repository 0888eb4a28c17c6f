import Foundation

/// Adds the live-reload script to HTML pages as they are served (the files on disk stay as built).
enum LiveReloadInjection {
    static let scriptPath = "/__crossroads/livereload.js"
    /// An external script, not inline, so a Content-Security-Policy without 'unsafe-inline' still allows it.
    static let scriptTag = "<script src=\"\(scriptPath)\"></script>"

    /// Inserts the tag before the last `</body>` (any case), or appends it when there is none.
    static func inject(into html: String) -> String {
        guard let closingBody = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return html + scriptTag
        }
        var result = html
        result.insert(contentsOf: scriptTag, at: closingBody.lowerBound)
        return result
    }
}
