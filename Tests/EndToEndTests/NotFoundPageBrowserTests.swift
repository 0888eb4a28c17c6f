import Foundation
import XCTest

/// The site's `404.html` as static hosts show it: at whatever address was missing, however deep,
/// with the status 404. Styled (a computed style from the stylesheet) and with every link, the
/// stylesheet and the scripts resolving to files of the site, without a base URL (the page's
/// script finds the site's root), under a sub-path, with a base URL (absolute links), and through
/// `crossroads serve`; without JavaScript it still shows its text and a way home.
final class NotFoundPageBrowserTests: XCTestCase {
    static let missing = ["pitfalls/nope/", "a/b/c/d/e", "questionnaire/old/page.html"]

    func testNestedMissingAddressesWithoutBaseURLAtTheHostRootAndUnderASubPath() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let atRoot = try StaticFileServer(serving: output, notFoundPage: "404.html")
        defer { atRoot.stop() }
        let underPath = try StaticFileServer(serving: output, mountedAt: "/guides/", notFoundPage: "404.html")
        defer { underPath.stop() }

        try await WebDriver.withSession { driver in
            for server in [atRoot, underPath] {
                for address in Self.missing {
                    try await Self.checkNotFoundPage(driver, at: server.rootURL + address, siteRoot: server.rootURL)
                }
            }
        }
    }

    func testNestedMissingAddressWithABaseURL() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        // The server comes first: the base URL names its port.
        let server = try StaticFileServer(serving: site.output, mountedAt: "/guides/", notFoundPage: "404.html")
        defer { server.stop() }
        try site.build(extraArguments: ["--base-url", server.rootURL])
        let page = try site.read("public/404.html")
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"\(server.rootURL)assets/"), "absolute stylesheet address")
        XCTAssertFalse(page.contains("<noscript>"), "absolute links need no fallback")

        try await WebDriver.withSession { driver in
            for address in Self.missing {
                try await Self.checkNotFoundPage(driver, at: server.rootURL + address, siteRoot: server.rootURL)
            }
        }
    }

    func testNestedMissingAddressThroughCrossroadsServe() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let serve = try ServeProcess(site: site)
        defer { serve.terminate() }
        try await serve.waitUntilServing()
        let root = "http://127.0.0.1:\(serve.port)/"

        try await WebDriver.withSession { driver in
            for address in Self.missing {
                try await Self.checkNotFoundPage(driver, at: root + address, siteRoot: root)
            }
        }
    }

    func testWithoutJavaScriptTheTextAndAWayHomeRemain() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let server = try StaticFileServer(serving: output, notFoundPage: "404.html")
        defer { server.stop() }

        try await WebDriver.withSession { driver in
            try await driver.executeCDP("Emulation.setScriptExecutionDisabled", parameters: ["value": true])
            try await driver.navigate(to: server.rootURL + "pitfalls/nope/")
            let text = try await driver.execute("return document.body.innerText", as: String.self)
            XCTAssertTrue(text.contains("This page took another path"), text)
            let home = try await driver.findElement(css: ".not-found-no-script a")
            let shown = try await driver.isDisplayed(home)
            XCTAssertTrue(shown, "the way home is shown when scripts do not run")
            let target = try await driver.property("href", of: home, as: String.self)
            XCTAssertEqual(target, server.rootURL, "the way home is the host's root")
            let status = try LocalHTTP.send("GET", port: server.port, path: "/").status
            XCTAssertEqual(status, 200, "the host's root is the home page")
        }
    }

    /// Opens `address` (a missing one), and checks the 404 page there: status text shown, styles
    /// applied, and every link, form, stylesheet and script pointing inside `siteRoot` at a file
    /// that exists (each fetched by the page itself).
    private static func checkNotFoundPage(_ driver: WebDriver, at address: String, siteRoot: String) async throws {
        try await driver.navigate(to: address)
        let title = try await driver.execute("return document.querySelector('h1') ? document.querySelector('h1').textContent : ''", as: String.self)
        XCTAssertEqual(title, "This page took another path", "\(address) shows the 404 page")
        // The stylesheet lays the body out as a column (the browser's own style is a block).
        let styled = try await driver.waitUntil("getComputedStyle(document.body).display === 'flex'")
        XCTAssertTrue(styled, "\(address): the site's stylesheet applies")
        let report = try await driver.execute("""
            var root = arguments[0], here = location.href.split('#')[0];
            var targets = [];
            document.querySelectorAll('a[href], link[href], script[src], form[action]').forEach(function (e) {
              var url = (e.href || e.src || e.action).split('#')[0];
              if (url !== here && targets.indexOf(url) < 0) targets.push(url);
            });
            return Promise.all(targets.map(function (url) {
              // The preview's live-reload script is the server's own, outside the site.
              if (url.indexOf(root) !== 0 && url.indexOf('/__crossroads/') < 0) return Promise.resolve(url + ' is outside the site');
              return fetch(url).then(function (r) { return r.ok ? '' : url + ' answers ' + r.status; }, function () { return url + ' fails'; });
            })).then(function (problems) {
              return { count: targets.length, problems: problems.filter(Boolean) };
            });
            """, arguments: [siteRoot], as: LinkReport.self)
        XCTAssertGreaterThan(report.count, 10, "\(address): links, stylesheet and scripts found")
        XCTAssertEqual(report.problems, [], "\(address)")
        let searchIndexLoaded = try await driver.waitUntil("!!window.crossroadsSearchIndex")
        XCTAssertTrue(searchIndexLoaded, "\(address): the search scripts ran")
    }

    private struct LinkReport: Decodable {
        var count: Int
        var problems: [String]
    }
}
