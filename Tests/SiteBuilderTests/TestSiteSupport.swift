import Foundation
import SiteBuilder
import TestSupport
import XCTest

/// A folder under the system temporary folder, removed when the test case tears down.
final class TemporaryFolder {
    let url: URL

    init(_ label: String = "site") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("crossroads-sitebuilder-tests-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func delete(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent(relativePath))
    }
}

/// The repository's own default site (site.yml, content/, templates/ at the package root).
enum DefaultSite {
    static var root: URL {
        // Tests/SiteBuilderTests/TestSiteSupport.swift -> the package root.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Copies the default site's sources into `folder`, so a test may change them freely: the
    /// default language alone (`DefaultSiteLanguages`), since these tests are about the engine;
    /// the tests of several languages build their own sites or the whole repository site.
    static func copy(into folder: URL) throws {
        for part in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        try DefaultSiteLanguages.keepOnlyTheDefaultLanguage(in: folder)
    }

    /// One copy per test process of the default site in its default language, for tests that
    /// read the site without changing it.
    static let oneLanguageRoot: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-one-language-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try copy(into: folder)
            atexit { try? FileManager.default.removeItem(atPath: DefaultSite.oneLanguageRoot.path) }
            return folder
        } catch {
            return root
        }
    }()
}

/// A small site whose templates are written inline, so each test states exactly what it relies on.
enum MinimalSite {
    static let siteYML = """
    title: Test guides
    description: Guides written for tests.
    language: en
    author: Tester
    nav:
      - {title: Pitfalls, path: pitfalls/}

    """

    static let base = """
    <!doctype html>
    <html><head><title>{{$title}}{{page.title}} · {{site.title}}{{/title}}</title>
    <meta name="description" content="{{page.summary}}">
    {{#page.canonical}}{{^empty(.)}}<link rel="canonical" href="{{page.canonical}}">{{/empty(.)}}{{/page.canonical}}
    <link rel="stylesheet" href="{{root}}{{assets.site_css}}">
    </head><body>
    {{>partials/nav}}
    <main>{{$main}}{{/main}}</main>
    </body></html>

    """

    static let nav = """
    <nav class="site-nav"><a href="{{root}}{{site.home_url}}">Home</a>{{#site.sections}} <a href="{{root}}{{url}}">{{title}}</a>{{/site.sections}}{{#site.nav}} <a class="nav" href="{{root}}{{url}}">{{title}}</a>{{/site.nav}}</nav>

    """

    static let article = """
    {{<base}}{{$main}}
    <article><h1>{{page.title}}</h1><p class="summary">{{page.summary}}</p>
    {{#page.has_toc}}<nav class="toc">{{#page.toc}}<a href="#{{id}}">{{title}}</a>{{/page.toc}}</nav>{{/page.has_toc}}
    <div class="content">{{{page.content}}}</div>
    <ul class="tags">{{#page.tags}}<li><a href="{{root}}{{url}}">{{name}}</a></li>{{/page.tags}}</ul>
    {{#page.prev}}<a rel="prev" href="{{root}}{{url}}">{{title}}</a>{{/page.prev}}{{#page.next}}<a rel="next" href="{{root}}{{url}}">{{title}}</a>{{/page.next}}
    </article>
    {{/main}}{{/base}}

    """

    static let list = """
    {{<base}}{{$title}}{{list.title}} · {{site.title}}{{/title}}{{$main}}
    <h1>{{list.title}}</h1><div class="intro">{{{list.content}}}</div>
    <ul class="pages">{{#list.pages}}<li><a href="{{root}}{{url}}">{{title}}</a> <span class="summary">{{summary}}</span></li>{{/list.pages}}</ul>
    {{/main}}{{/base}}

    """

    static let tags = """
    {{<base}}{{$title}}Tags{{/title}}{{$main}}<ul>{{#tags}}<li><a href="{{root}}{{url}}">{{name}} ({{count}})</a></li>{{/tags}}</ul>{{/main}}{{/base}}

    """

    static let notFound = """
    {{<base}}{{$title}}Not found{{/title}}{{$main}}<p>Nothing here. <a href="{{root}}{{site.home_url}}">Home</a></p>{{/main}}{{/base}}

    """

    static let search = """
    {{<base}}{{$title}}Search{{/title}}{{$main}}<p>Search</p>{{/main}}{{/base}}

    """

    static let css = "body { color: #222; }\n"

    /// Every template the builder asks for: one per kind, the home page, lists, tags, 404 and search.
    static var templates: [String: String] {
        var files: [String: String] = [
            "templates/base.mustache": base,
            "templates/partials/nav.mustache": nav,
            "templates/list.mustache": list,
            "templates/tag.mustache": list,
            "templates/tags.mustache": tags,
            "templates/404.mustache": notFound,
            "templates/search.mustache": search,
            "templates/assets/site.css": css,
        ]
        for name in ["home", "page", "comparison", "pitfall", "pendulum", "mastery-stage"] {
            files["templates/\(name).mustache"] = article
        }
        return files
    }

    static let pages: [String: String] = [
        "content/index.md": """
        ---
        title: Welcome
        summary: The home page.
        ---
        Start with [the first pitfall](@/pitfalls/first.md).

        """,
        "content/pitfalls/first.md": """
        ---
        title: First pitfall
        kind: pitfall
        summary: The first one.
        weight: 1
        tags: [growth, people]
        date: 2026-01-10
        ---
        ## Why it happens

        Read [the comparison](@/comparisons/paths.md#money).

        """,
        "content/pitfalls/second.md": """
        ---
        title: Second pitfall
        kind: pitfall
        weight: 2
        tags: [people]
        ---
        Back to [the first](@/pitfalls/first.md#why-it-happens).

        """,
        "content/comparisons/paths.md": """
        ---
        title: Two paths
        kind: comparison
        date: 2026-02-01
        ---
        ## Money

        Both pay.

        """,
        "content/pendulum/swing.md": """
        ---
        title: Swinging back
        kind: pendulum
        ---
        Text.

        """,
        "content/mastery/stage.md": """
        ---
        title: First stage
        kind: mastery-stage
        ---
        Text.

        """,
        "content/about.md": """
        ---
        title: About
        ---
        About these guides.

        """,
    ]

    /// Writes the site into `folder`; `extra` adds or replaces files (relative path -> text).
    static func write(into folder: TemporaryFolder, extra: [String: String] = [:]) throws {
        var files = templates.merging(pages) { _, new in new }
        files["site.yml"] = siteYML
        files.merge(extra) { _, new in new }
        for (path, text) in files { try folder.write(path, text) }
    }
}

/// A built site on disk, read back for assertions.
struct BuiltSite {
    let folder: URL

    /// Every file of the site, as paths relative to its root, sorted.
    var files: [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = folder.resolvingSymlinksInPath().path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            result.append(path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
        }
        return result.sorted()
    }

    var htmlFiles: [String] { files.filter { $0.hasSuffix(".html") } }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path) }

    func data(_ path: String) -> Data? { FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }

    func text(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let data = data(path) else {
            XCTFail("missing output file \(path)", file: file, line: line)
            return ""
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Path -> bytes of every file, for byte-for-byte comparisons.
    var snapshot: [String: Data] {
        var result: [String: Data] = [:]
        for path in files { result[path] = data(path) }
        return result
    }
}

/// Values of `href="..."` and `src="..."` attributes in an HTML text.
func attributeValues(_ names: [String], in html: String) -> [String] {
    var values: [String] = []
    for name in names {
        let marker = " \(name)=\""
        var rest = html[...]
        while let start = rest.range(of: marker) {
            guard let end = rest[start.upperBound...].firstIndex(of: "\"") else { break }
            values.append(String(rest[start.upperBound..<end]))
            rest = rest[end...]
        }
    }
    return values
}

/// Builds a site and returns what was written; fails the test with every error when the build fails.
@discardableResult
func buildSite(source: URL, output: URL, baseURL: String? = nil, includeDrafts: Bool = false,
               file: StaticString = #filePath, line: UInt = #line) throws -> BuiltSite {
    do {
        _ = try SiteBuild.build(BuildOptions(source: source, output: output, baseURL: baseURL, includeDrafts: includeDrafts))
    } catch let failure as BuildFailure {
        XCTFail("build failed:\n\(failure)", file: file, line: line)
        throw failure
    }
    return BuiltSite(folder: output)
}

/// Runs a build that must fail and returns its errors.
func buildErrors(source: URL, output: URL, file: StaticString = #filePath, line: UInt = #line) -> [SiteError] {
    do {
        _ = try SiteBuild.build(BuildOptions(source: source, output: output))
        XCTFail("the build succeeded but was expected to fail", file: file, line: line)
        return []
    } catch let failure as BuildFailure {
        return failure.errors
    } catch {
        XCTFail("expected BuildFailure, got \(type(of: error)): \(error)", file: file, line: line)
        return []
    }
}

/// The default site, copied and built once per test run and shared by read-only tests.
final class SharedDefaultBuild: @unchecked Sendable {
    static let shared = SharedDefaultBuild()

    private let lock = NSLock()
    private var result: Result<BuiltSite, any Error>?
    private var folder: TemporaryFolder?
    nonisolated(unsafe) static var folderToRemove: String?

    func site() throws -> BuiltSite {
        try lock.withLock {
            if let result { return try result.get() }
            let made = Result<BuiltSite, any Error> {
                let folder = try TemporaryFolder("default")
                self.folder = folder
                Self.folderToRemove = folder.url.path
                // Shared by many test cases, so removed when the test process exits.
                atexit { if let path = SharedDefaultBuild.folderToRemove { try? FileManager.default.removeItem(atPath: path) } }
                try DefaultSite.copy(into: folder.url)
                _ = try SiteBuild.build(BuildOptions(source: folder.url, output: folder.url.appendingPathComponent("public")))
                return BuiltSite(folder: folder.url.appendingPathComponent("public"))
            }
            result = made
            return try made.get()
        }
    }
}
