/// A theme string a template prints: `{{i18n.read_next}}` (or a section over it) at a file and
/// line. Found in the template's text, so a key is known to be read before any page renders,
/// whichever pages show it.
struct ThemeKeyRead: Sendable, Equatable {
    var file: String
    var line: Int
    var key: String

    /// Every `i18n.<key>` inside a `{{…}}` tag of `text`, in order.
    static func all(in text: String, file: String) -> [ThemeKeyRead] {
        var reads: [ThemeKeyRead] = []
        var line = 1
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].count { $0 == "\n" }
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let tag = rest[open.upperBound..<close.lowerBound]
            var search = tag[...]
            while let found = search.range(of: "i18n.") {
                let before = tag[..<found.lowerBound].last
                let key = tag[found.upperBound...].prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
                if !key.isEmpty, before.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }) ?? true {
                    reads.append(ThemeKeyRead(file: file, line: line + tag[..<found.lowerBound].count { $0 == "\n" }, key: String(key)))
                }
                search = tag[found.upperBound...]
            }
            line += tag.count { $0 == "\n" }
            rest = rest[close.lowerBound...]
        }
        return reads
    }
}
