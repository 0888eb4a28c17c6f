import Foundation
import TestSupport
import SiteBuilder
import XCTest

/// Hostile Markdown, front matter, data and questionnaire text must come out inert: nothing in
/// the built pages can run: every tag and attribute of every page is checked. (The headless
/// Chromium run of the same pages is not written yet; see docs/errors.md, "Security".)
final class HostileContentTests: XCTestCase {
    private var scratch: ScratchFolder?

    override func tearDown() {
        scratch?.remove()
        super.tearDown()
    }

    private func buildHostileSite() throws -> URL {
        let scratch = try ScratchFolder("hostile")
        self.scratch = scratch
        let site = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try HostileSite.write(into: site)
        let output = scratch.url.appendingPathComponent("public")
        _ = try SiteBuild.build(BuildOptions(source: site, output: output))
        return output
    }

    private func buildDefaultSite(into output: URL) throws {
        _ = try SiteBuild.build(BuildOptions(source: Repository.root, output: output))
    }

    func testNothingExecutableSurvivesInTheBuiltHTML() throws {
        let output = try buildHostileSite()
        let pages = Self.htmlFiles(in: output)
        XCTAssertGreaterThan(pages.count, 10)
        let hostile = try String(contentsOf: output.appendingPathComponent("pitfalls/hostile/index.html"), encoding: .utf8)
        // The payloads reached the page as text (so the checks below are not vacuous).
        for text in ["alert(", "onerror", "chart label", "ladder name", "level"] {
            XCTAssertTrue(hostile.contains(text), "the hostile page should show “\(text)” as text")
        }
        var problems: [String] = []
        for page in pages {
            let html = try String(contentsOf: page, encoding: .utf8)
            problems += Self.executableParts(of: html).map { "\(page.path.dropFirst(output.path.count)): \($0)" }
        }
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testSearchIndexIsPureDataEvenWithHostileText() throws {
        let output = try buildHostileSite()
        let script = try String(contentsOf: output.appendingPathComponent("search-index.js"), encoding: .utf8)
        XCTAssertEqual(script, "window.crossroadsSearchIndex={\"parts\":[\"search-index/0.js\"]};\n")
        let part = try String(contentsOf: output.appendingPathComponent("search-index/0.js"), encoding: .utf8)
        let prefix = "(window.crossroadsSearchParts=window.crossroadsSearchParts||[])[0]=", suffix = ";\n"
        XCTAssertTrue(part.hasPrefix(prefix) && part.hasSuffix(suffix), "a search-index part should be a single assignment")
        // JSON is a subset of JavaScript (U+2028 included since ES2019): if the right-hand side is
        // valid JSON, no text in it can break out into code.
        let json = Data(part.dropFirst(prefix.count).dropLast(suffix.count).utf8)
        let entries = try JSONSerialization.jsonObject(with: json) as? [[String: Any]] ?? []
        let hostile = entries.first { ($0["u"] as? String)?.contains("hostile") == true }
        XCTAssertNotNil(hostile, "the hostile page should be in the search index")
    }

    func testQuestionnaireDataBlockCannotBeClosedEarly() throws {
        let output = try buildHostileSite()
        var found = false
        for page in Self.htmlFiles(in: output) {
            let html = try String(contentsOf: page, encoding: .utf8)
            for body in Self.jsonScriptBodies(html) where body.contains("questionnaire") {
                XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(body.utf8)), "the JSON block in \(page.lastPathComponent) must stay valid JSON")
                found = found || body.contains("alert('questionnaire')") || body.contains("alert(\\u0027questionnaire\\u0027)")
            }
        }
        XCTAssertTrue(found, "the hostile statement should travel inside a JSON data block, as data")
    }

    func testEveryPageCarriesAContentSecurityPolicy() throws {
        let scratch = try ScratchFolder("csp")
        defer { scratch.remove() }
        try buildDefaultSite(into: scratch.url)
        for page in Self.htmlFiles(in: scratch.url) {
            let html = try String(contentsOf: page, encoding: .utf8)
            // Alias redirects are tiny documents with no script and no layout.
            if html.contains("http-equiv=\"refresh\"") { continue }
            let policy = HTMLTag.scan(html).first { $0.name == "meta" && $0.value(of: "http-equiv")?.lowercased() == "content-security-policy" }
            XCTAssertNotNil(policy, "\(page.path.dropFirst(scratch.url.path.count)) has no Content-Security-Policy meta element")
            if let content = policy?.value(of: "content") {
                XCTAssertTrue(content.contains("object-src 'none'") || content.contains("default-src 'none'"), "\(page.lastPathComponent): plugins must be off: \(content)")
                XCTAssertFalse(content.contains("'unsafe-eval'"), "\(page.lastPathComponent): \(content)")
                XCTAssertFalse(content.contains("script-src") && content.range(of: "script-src[^;]*'unsafe-inline'", options: .regularExpression) != nil,
                               "\(page.lastPathComponent): inline scripts must not be allowed wholesale: \(content)")
            }
        }
    }

    // MARK: - Static checks

    static func htmlFiles(in folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// What in `html` could run code: inline scripts other than JSON data, event-handler
    /// attributes, script URLs, plugin and frame elements, `<base>` and meta refreshes to scripts.
    static func executableParts(of html: String) -> [String] {
        var problems: [String] = []
        // Self-contained pages and the 404 page allow their own inline scripts by hash in their
        // policy (InlineScripts).
        let inlineAllowedByHash = html.range(of: "script-src[^;\"]*'sha256-", options: .regularExpression) != nil
        for tag in HTMLTag.scan(html) {
            switch tag.name {
            case "script":
                let type = tag.value(of: "type")?.lowercased()
                if let source = tag.value(of: "src") {
                    if let scheme = HTMLEntities.scheme(of: source) { problems.append("<script src> with scheme \(scheme): \(source)") }
                } else if type != "application/json" && type != "application/ld+json" && !inlineAllowedByHash {
                    problems.append("inline <script type=\(type ?? "none")>")
                }
            case "object", "embed", "applet", "base", "iframe", "frame", "frameset":
                problems.append("<\(tag.name)> element")
            default: break
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("<\(tag.name) \(name)=…> event handler") }
                if name == "srcdoc" { problems.append("<\(tag.name) srcdoc>") }
                guard ["href", "src", "xlink:href", "action", "formaction", "data", "poster", "background"].contains(name),
                      let scheme = HTMLEntities.scheme(of: value) else { continue }
                if scheme == "javascript" || scheme == "vbscript" { problems.append("<\(tag.name) \(name)=\(value)>") }
                if scheme == "data" && !(tag.name == "img" && name == "src" && value.lowercased().hasPrefix("data:image/") && !value.lowercased().hasPrefix("data:image/svg"))
                    && !isInertIcon(tag, value) {
                    problems.append("<\(tag.name) \(name)=data:…>")
                }
            }
            if tag.name == "meta", tag.value(of: "http-equiv")?.lowercased() == "refresh",
               let content = tag.value(of: "content"), content.lowercased().contains("javascript:") {
                problems.append("meta refresh to a script URL")
            }
        }
        return problems
    }

    /// The theme's icon inline in a self-contained page: `<link rel="icon">` with a base64 SVG that
    /// itself holds nothing executable (a browser never runs an icon's scripts anyway).
    private static func isInertIcon(_ tag: HTMLTag, _ value: String) -> Bool {
        let prefix = "data:image/svg+xml;base64,"
        guard tag.name == "link", tag.value(of: "rel")?.split(separator: " ").contains("icon") == true,
              value.hasPrefix(prefix), let svg = Data(base64Encoded: String(value.dropFirst(prefix.count))) else { return false }
        let text = String(decoding: svg, as: UTF8.self)
        return text.hasPrefix("<svg") && executableParts(of: text).isEmpty && !text.lowercased().contains("<script")
    }

    static func jsonScriptBodies(_ html: String) -> [String] {
        var bodies: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<script type=\"application/json\"", options: .caseInsensitive),
              let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest[tagEnd...].range(of: "</script", options: .caseInsensitive) {
            bodies.append(String(rest[rest.index(after: tagEnd)..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return bodies
    }
}
