import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// `crossroads export` of a temporary copy of the default site, and what the wiki tests read
/// from an export.
enum WikiExport {
    /// Runs `crossroads export --format <format>` into `<site>/export-<format>` and returns that folder.
    static func run(_ site: TemporarySite, format: String, into name: String? = nil) throws -> URL {
        let output = site.url(name ?? "export-\(format)")
        let result = try CrossroadsBinary.run(["export", "--source", site.root.path, "--format", format, "--output", output.path])
        guard result.exitCode == 0 else {
            throw SupportError("crossroads export --format \(format) failed (exit \(result.exitCode)):\n\(result.stderr)\(result.stdout)")
        }
        return output
    }

    /// The titles (first `# ` heading) of every page of the Markdown export: one per guide,
    /// section and page of the site, the set every wiki format must carry.
    static func markdownTitles(_ site: TemporarySite) throws -> [String] {
        let folder = try run(site, format: "markdown")
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        return try files.sorted().map { file in
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard let first = text.split(separator: "\n").first, first.hasPrefix("# ") else {
                throw SupportError("\(file) in the Markdown export does not start with a title")
            }
            return String(first.dropFirst(2)).replacingOccurrences(of: "\\", with: "")
        }
    }

    /// The `<page>`s of a MediaWiki XML dump: title and wikitext, in order.
    static func dumpPages(_ dump: URL) throws -> [(title: String, text: String)] {
        let reader = DumpReader()
        let parser = try XMLParser(data: Data(contentsOf: dump))
        parser.delegate = reader
        guard parser.parse() else {
            throw SupportError("\(dump.path) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)")
        }
        return reader.pages
    }

    private final class DumpReader: NSObject, XMLParserDelegate {
        var pages: [(title: String, text: String)] = []
        private var title = "", text = "", buffer = ""

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            switch element {
            case "title": title = buffer
            case "text": text = buffer
            case "page": pages.append((title, text))
            default: break
            }
        }
    }
}
