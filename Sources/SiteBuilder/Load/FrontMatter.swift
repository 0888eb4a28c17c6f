/// Splits a page into its YAML front matter and its Markdown body.
///
/// A page starts with a line `---`, then YAML, then a closing line `---` (or `...`). A page
/// without an opening `---` has no front matter; an opening without a closing line is an error,
/// because silently treating the whole page as YAML or as Markdown would hide the mistake.
public struct FrontMatter: Sendable, Equatable {
    public var yaml: String
    public var body: String
    /// Line of the file on which the body's first line stands (1-based).
    public var bodyFirstLine: Int
    /// Line of the file on which the YAML's first line stands (1-based).
    public var yamlFirstLine: Int

    public enum SplitError: Error, Equatable {
        case unclosed(openingLine: Int)
    }

    public static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        var source = Substring(text)
        if source.hasPrefix("\u{FEFF}") { source = source.dropFirst() }
        // "\r\n" is a single Character in Swift, so splitting on "\n" alone would see a file
        // saved with Windows line endings as one long line.
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else {
            return .success(FrontMatter(yaml: "", body: String(source), bodyFirstLine: 1, yamlFirstLine: 1))
        }
        for index in 1..<lines.count {
            let line = lines[index].trimmingTrailingWhitespace
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return .success(FrontMatter(yaml: yaml, body: body, bodyFirstLine: index + 2, yamlFirstLine: 2))
            }
        }
        return .failure(.unclosed(openingLine: 1))
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, let last = self[index(before: end)...].first, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
