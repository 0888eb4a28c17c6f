/// The client-side search index, written as a script (`search-index.js`) rather than JSON so it
/// loads from `file://` too, where browsers refuse to fetch JSON.
struct SearchIndex {
    struct Entry {
        var title: String
        var url: String
        var kindTitle: String
        var summary: String
        var headings: [String]
        var text: String
    }

    /// Enough body text to find a page by the words in it, without a huge index for big sites.
    static let maxTextCharacters = 6_000

    static func script(_ entries: [Entry]) -> String {
        var parts: [String] = []
        parts.reserveCapacity(entries.count)
        for entry in entries {
            let text = collapse(entry.text)
            parts.append("{\"t\":\(JSONText.string(entry.title)),\"u\":\(JSONText.string(entry.url)),\"k\":\(JSONText.string(entry.kindTitle)),"
                + "\"s\":\(JSONText.string(entry.summary)),\"h\":\(JSONText.array(entry.headings.map(JSONText.string))),"
                + "\"x\":\(JSONText.string(String(text.prefix(maxTextCharacters))))}")
        }
        return "window.crossroadsSearchIndex={\"pages\":[\n" + parts.joined(separator: ",\n") + "\n]};\n"
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
