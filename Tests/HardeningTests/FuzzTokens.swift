import Foundation

/// Fragments that matter to YAML, front matter, Markdown and placeholders, for token-soup inputs.
enum FuzzTokens {
    static let yaml = [
        "---", "...", "\n", "\r\n", "\n", "\n", " ", "  ", "\t", ":", ": ", "- ", "-", "\"", "'", "#", "[", "]", "{", "}", ",",
        "title", "kind", "weight", "date", "draft", "tags", "slug", "aliases", "read_next", "template", "summary", "updated",
        "pitfall", "page", "comparison", "high", "7", "-3", "99999999999999999999", "1e9", "2024-02-30", "2024-01-15", "soon",
        "true", "yes", "null", "~", "&a ", "*a", "<<: *a", "!!binary", "!!str ", "!custom ", "|", ">-", "%YAML 1.2", "\u{FEFF}",
        "é", "🙂", "\u{0}", "\u{7}", "\u{2028}", "\\", "{{", "}}", "\\{{", "scoring.total.min", "../", "/", ".",
    ]
}
