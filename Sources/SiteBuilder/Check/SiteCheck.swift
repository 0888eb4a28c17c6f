import Foundation

/// `crossroads check`: builds the site into a throw-away folder and verifies every internal link
/// and heading anchor. Links written in Markdown are reported at their file and line; links that
/// templates print are reported at the output file that carries them.
public enum SiteCheck {
    public static func run(source: URL, includeDrafts: Bool = false) throws -> [SiteError] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("site")
        let report = try SiteBuild.build(BuildOptions(source: source, output: output, includeDrafts: includeDrafts))
        return check(output: output, markdownLinks: report.links)
    }

    /// Checks a built site in `output`.
    static func check(output: URL, markdownLinks: [CheckedLink]) -> [SiteError] {
        var resolver = TargetResolver(output: output)
        var problems: [SiteError] = []
        var reported: Set<String> = []
        for link in markdownLinks {
            let page = SitePath.outputFile(for: link.fromSitePath)
            if let problem = resolver.problem(with: link.destination, fromFile: page) {
                problems.append(SiteError(file: link.file, line: link.line, message: problem,
                                          fix: "correct the link; link to other guides as @/folder/page.md#heading-id"))
                reported.insert("\(page)\u{0}\(link.destination)")
            }
        }
        for file in htmlFiles(in: output) {
            guard let html = resolver.html(file) else { continue }
            // A language's 404 page (`de/404.html`) is written for the site's root, as the root's is:
            // hosts show it at any depth, and its script finds the root (`NotFoundJob`).
            let linksFrom = file.hasSuffix("/404.html") ? "404.html" : file
            for destination in Self.destinations(in: html) where !reported.contains("\(file)\u{0}\(destination)") {
                if let problem = resolver.problem(with: destination, fromFile: linksFrom) {
                    reported.insert("\(file)\u{0}\(destination)")
                    problems.append(SiteError(file: "output \(file)", message: problem,
                                              fix: "the link comes from a template or a data file; correct it there"))
                }
            }
        }
        return problems
    }

    static func htmlFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".html") && !path.hasPrefix("embed/") { files.append(path) }
        return files.sorted()
    }

    /// Values of href and src attributes, except host-absolute links (`/`) inside `<noscript>`:
    /// the 404 page's way home for readers without JavaScript, which is shown at any address and
    /// cannot know the site's folder (its script finds it when JavaScript runs).
    static func destinations(in html: String) -> [String] {
        let fallbacks = noscriptRanges(in: html)
        var result: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var searchRange = html.startIndex..<html.endIndex
            while let start = html.range(of: attribute, range: searchRange) {
                guard let end = html[start.upperBound...].firstIndex(of: "\"") else { break }
                let value = String(html[start.upperBound..<end]).replacingOccurrences(of: "&amp;", with: "&")
                if !(value.hasPrefix("/") && !value.hasPrefix("//") && fallbacks.contains { $0.contains(start.lowerBound) }) {
                    result.append(value)
                }
                searchRange = end..<html.endIndex
            }
        }
        return result
    }

    private static func noscriptRanges(in html: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var searchRange = html.startIndex..<html.endIndex
        while let open = html.range(of: "<noscript>", range: searchRange),
              let close = html.range(of: "</noscript>", range: open.upperBound..<html.endIndex) {
            ranges.append(open.lowerBound..<close.upperBound)
            searchRange = close.upperBound..<html.endIndex
        }
        return ranges
    }
}

/// Resolves a link written in one output file against the built site.
struct TargetResolver {
    let output: URL
    private var htmlCache: [String: String] = [:]
    private var idCache: [String: Set<String>] = [:]

    init(output: URL) { self.output = output }

    mutating func html(_ file: String) -> String? {
        if let cached = htmlCache[file] { return cached }
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(file).path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        htmlCache[file] = text
        return text
    }

    mutating func ids(in file: String) -> Set<String> {
        if let cached = idCache[file] { return cached }
        var ids: Set<String> = []
        if let html = html(file) {
            var searchRange = html.startIndex..<html.endIndex
            while let start = html.range(of: " id=\"", range: searchRange) {
                guard let end = html[start.upperBound...].firstIndex(of: "\"") else { break }
                ids.insert(String(html[start.upperBound..<end]))
                searchRange = end..<html.endIndex
            }
        }
        idCache[file] = ids
        return ids
    }

    /// nil when the link works; otherwise what is wrong with it.
    mutating func problem(with destination: String, fromFile file: String) -> String? {
        if destination.isEmpty { return nil }
        if let colon = destination.firstIndex(of: ":"), !destination[..<colon].contains("/"), !destination[..<colon].contains("#") {
            return nil  // has a scheme: external (http, https, mailto, ...)
        }
        if destination.hasPrefix("//") { return nil }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...]).removingPercentEncoding
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        let target: String
        if path.isEmpty {
            target = file
        } else if path.hasPrefix("/") {
            return "link \(destination) starts with / and breaks when the site is served under a sub-path or opened from disk"
        } else {
            let base = (file as NSString).deletingLastPathComponent
            var components = base.isEmpty ? [] : base.split(separator: "/").map(String.init)
            for part in path.split(separator: "/", omittingEmptySubsequences: true) {
                if part == "." { continue }
                if part == ".." {
                    if components.isEmpty { return "link \(destination) points above the site's root folder" }
                    components.removeLast()
                } else {
                    components.append(String(part).removingPercentEncoding ?? String(part))
                }
            }
            var resolved = components.joined(separator: "/")
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: output.appendingPathComponent(resolved).path, isDirectory: &isFolder)
            if exists && isFolder.boolValue {
                resolved += resolved.isEmpty ? "index.html" : "/index.html"
                guard FileManager.default.fileExists(atPath: output.appendingPathComponent(resolved).path) else {
                    return "link \(destination) points at a folder with no index.html"
                }
            } else if !exists {
                return "broken link: \(destination) does not exist in the built site"
            }
            target = resolved
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !ids(in: target).contains(fragment) {
            return "missing anchor: \(target) has no heading or element with id \"\(fragment)\""
        }
        return nil
    }
}
