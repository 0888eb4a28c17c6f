import Foundation
import XCTest

/// Every page names the theme's icon, so no browser falls back to asking for a `/favicon.ico`
/// that is not there, and every file a page references is served: the default site over a real
/// HTTP server, read by us on every page and loaded by Chromium on one page of each kind,
/// the root 404 page at a nested missing address included.
final class FaviconTests: XCTestCase {
    func testEveryPageLinksTheIconAndEveryFileItReferencesIsServed() throws {
        let built = try BuiltDefaultSite()
        let server = try StaticFileServer(serving: built.output)
        defer { server.stop() }
        let pages = try PhoneLayoutBrowserTests.htmlFiles(under: built.output, in: "")
        var missing: [String] = []
        var checked: [String: Int] = [:]
        for page in pages {
            let html = try built.html(page)
            let icons = Self.tags(in: html).filter { $0.name == "link" && ($0.attributes["rel"] ?? "").split(separator: " ").contains("icon") }
            guard icons.count == 1, let icon = icons.first?.attributes["href"] else {
                missing.append("\(page): \(icons.count) <link rel=\"icon\">, not one")
                continue
            }
            if icon.hasPrefix("data:") {
                let payload = icon.components(separatedBy: ";base64,").last.flatMap { Data(base64Encoded: $0) }
                if !icon.hasPrefix("data:image/svg+xml;base64,") || payload.map({ String(decoding: $0, as: UTF8.self).hasPrefix("<svg") }) != true {
                    missing.append("\(page): the icon is not an inline SVG: \(icon.prefix(60))")
                }
            }
            // A language's 404 page (de/404.html) is written with links from the site's root, like
            // the root 404.html (hosts show it at any address; its script finds the root), so it
            // is read from the root, as `crossroads check` reads it.
            let base = page.hasSuffix("/404.html") ? "404.html" : page
            let pageURL = try XCTUnwrap(URL(string: server.rootURL + base))
            for tag in Self.tags(in: html) where ["link", "script", "img", "iframe", "source"].contains(tag.name) {
                guard let reference = tag.attributes["href"] ?? tag.attributes["src"],
                      !reference.hasPrefix("data:"), !reference.hasPrefix("#"),
                      let target = URL(string: reference, relativeTo: pageURL)?.absoluteURL,
                      target.host == "127.0.0.1", target.port == server.port else { continue }
                let path = target.path.isEmpty ? "/" : target.path
                let status = try checked[path] ?? LocalHTTP.send("GET", port: server.port, path: path).status
                checked[path] = status
                if status != 200 { missing.append("\(page): <\(tag.name)> \(reference) -> \(path): HTTP \(status)") }
            }
        }
        XCTAssertGreaterThan(pages.count, 60)
        XCTAssertTrue(checked.keys.contains { $0.hasSuffix("/favicon.svg") }, "the icon file was among the files checked: \(checked.keys.sorted())")
        XCTAssertEqual(missing, [], "pages without their icon, or referencing files that are not served")
    }

    func testChromiumAsksForNothingMissingAndFindsTheIconAtANestedMissingAddress() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let server = try StaticFileServer(serving: built.output, notFoundPage: "404.html")
        defer { server.stop() }
        let guide = try XCTUnwrap(built.pages(in: built.defaultLanguage).first { $0.kind == "pitfall" })
        let pages = ["index.html", guide.outputPath, "pitfalls/index.html", "tags/index.html", "search/index.html",
                     "questionnaire/index.html", "embed/" + guide.outputPath, "standalone/" + guide.outputPath.dropLast("/index.html".count) + ".html",
                     "questionnaire.standalone.html", "404.html"]

        try await WebDriver.withSession { driver in
            for page in pages {
                try await driver.navigate(to: server.rootURL + page)
                let icon = try await Self.iconState(driver)
                XCTAssertEqual(icon, "loaded", "\(page): the icon its <link rel=\"icon\"> names")
            }
            // The browser asks for the icon by itself once a page has loaded: wait until it has.
            for _ in 0..<100 where !server.requests.contains(where: { $0.path.contains("favicon") }) {
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let asked = server.requests
            XCTAssertTrue(asked.contains { $0.path.hasSuffix("/assets/favicon.svg") && $0.status == 200 }, "Chromium loaded the icon: \(asked)")
            XCTAssertEqual(asked.filter { $0.status != 200 }, [], "every request Chromium made was answered")

            // The root 404 page at a nested address finds its icon once it has found the site's root.
            try await driver.navigate(to: server.rootURL + "pitfalls/no-such-page/deeper/")
            let relinked = try await driver.waitUntil("/^http/.test(document.documentElement.getAttribute('data-root'))")
            XCTAssertTrue(relinked, "the 404 page found the site's root")
            let icon = try await Self.iconState(driver)
            XCTAssertEqual(icon, "loaded", "the 404 page's icon at a nested address")
        }
    }

    /// Whether the icon the current page names loads as an image in the page ("loaded", "broken",
    /// or "none" without one). An image, not fetch(): a self-contained page may fetch nothing.
    private static func iconState(_ driver: WebDriver) async throws -> String {
        try await driver.execute("""
            var link = document.querySelector('link[rel~="icon"]');
            if (!link) return 'none';
            return new Promise(function (resolve) {
              var image = new Image();
              image.onload = function () { resolve(image.naturalWidth > 0 ? 'loaded' : 'empty'); };
              image.onerror = function () { resolve('broken: ' + link.href); };
              image.src = link.href;
            });
            """, as: String.self)
    }

    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    /// The opening tags of `html` with their quoted attributes (the builder's own markup always
    /// quotes), leaving out what inline scripts and styles hold.
    static func tags(in page: String) -> [Tag] {
        let html = page.replacingOccurrences(of: #"(<(script|style)\b[^>]*>)[\s\S]*?</\2>"#, with: "$1</$2>", options: .regularExpression)
        let tag = try? NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*)?>"#)
        let attribute = try? NSRegularExpression(pattern: #"([a-zA-Z-:]+)="([^"]*)""#)
        let text = html as NSString
        return (tag?.matches(in: html, range: NSRange(location: 0, length: text.length)) ?? []).map { match in
            let name = text.substring(with: match.range(at: 1)).lowercased()
            var attributes: [String: String] = [:]
            if match.range(at: 2).location != NSNotFound {
                let inside = text.substring(with: match.range(at: 2))
                let insideText = inside as NSString
                for found in attribute?.matches(in: inside, range: NSRange(location: 0, length: insideText.length)) ?? [] {
                    let value = insideText.substring(with: found.range(at: 2))
                        .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                    attributes[insideText.substring(with: found.range(at: 1)).lowercased()] = value
                }
            }
            return Tag(name: name, attributes: attributes)
        }
    }
}
