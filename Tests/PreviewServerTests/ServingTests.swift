import Foundation
import XCTest

/// The real server on 127.0.0.1 serving a build of the default site.
final class ServingTests: XCTestCase {
    private var harness: PreviewHarness!

    override func setUp() async throws {
        harness = try PreviewHarness()
        try await harness.start()
    }

    override func tearDown() async throws {
        try await harness.stop()
    }

    func testPagesAndAssetsHaveTheirContentTypesAndNoCaching() async throws {
        let home = try await harness.get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(home.headers["cache-control"], "no-store")
        XCTAssertTrue(home.text.contains("<script src=\"/__crossroads/livereload.js\"></script></body>"), "script injected right before </body>")

        let stylesheet = try XCTUnwrap(firstMatch(of: #"assets/site\.[0-9a-f]+\.css"#, in: home.text))
        let css = try await harness.get("/" + stylesheet)
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertFalse(css.text.contains("livereload"), "only HTML gets the script")

        let expectations: [(String, String)] = [
            ("/search-index.js", "text/javascript; charset=utf-8"),
            ("/sitemap.xml", "application/xml; charset=utf-8"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/scoring-table.json", "application/json; charset=utf-8"),
            ("/__crossroads/livereload.js", "text/javascript; charset=utf-8"),
            ("/__crossroads/status", "application/json; charset=utf-8"),
        ]
        for (target, type) in expectations {
            let reply = try await harness.get(target)
            XCTAssertEqual(reply.status, 200, target)
            XCTAssertEqual(reply.headers["content-type"], type, target)
            XCTAssertEqual(reply.headers["cache-control"], "no-store", target)
        }

        // Types the default site has no file for: drop files into the output and fetch them.
        let extra: [(String, String)] = [("logo.svg", "image/svg+xml; charset=utf-8"), ("photo.png", "image/png"), ("data.bin", "application/octet-stream")]
        for (name, type) in extra {
            try Data("x".utf8).write(to: harness.output.appendingPathComponent(name))
            let reply = try await harness.get("/" + name)
            XCTAssertEqual(reply.headers["content-type"], type, name)
        }
    }

    func testFolderServesItsIndexAndRedirectsWithoutTrailingSlash() async throws {
        let page = try await harness.get("/pitfalls/no-training/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("Promoted without management training"))

        let redirect = try await harness.get("/pitfalls/no-training?from=test")
        XCTAssertEqual(redirect.status, 302)
        XCTAssertEqual(redirect.headers["location"], "/pitfalls/no-training/?from=test")
    }

    func testUnknownPathGetsTheSitesOwn404Page() async throws {
        let reply = try await harness.get("/no/such/page/")
        XCTAssertEqual(reply.status, 404)
        XCTAssertTrue(reply.text.contains("This page took another path"), "the site's 404.html")
        XCTAssertTrue(reply.text.contains("/__crossroads/livereload.js"))
    }

    func testHeadAnswersWithoutBodyAndOtherMethodsAreRefused() async throws {
        let head = try await harness.get("/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-type"], "text/html; charset=utf-8")
        let post = try await harness.get("/", method: "POST")
        XCTAssertEqual(post.status, 405)
    }

    func testNothingOutsideTheOutputFolderIsServed() async throws {
        // A file right beside the output folder: every attempt below would reach it if unchecked.
        let secret = harness.output.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("TOP SECRET".utf8).write(to: secret)
        let attempts = [
            "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2Fsecret.txt",
            "/pitfalls/../../secret.txt", "/pitfalls%2f..%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt",
            "/..%5csecret.txt", "/secret.txt%00.html", "//secret.txt", "http://127.0.0.1/../secret.txt",
            "/./../secret.txt", "/%2e%2e%2fsecret.txt", "/..;/secret.txt",
        ]
        for target in attempts {
            let reply = try await harness.get(target)
            XCTAssertEqual(reply.status, 404, target)
            XCTAssertFalse(reply.text.contains("TOP SECRET"), target)
        }
        // The site's own site.yml is outside the output too.
        let siteFile = try await harness.get("/../../site/site.yml")
        XCTAssertEqual(siteFile.status, 404)
    }

    func testSymbolicLinksLeavingTheOutputAre404ButLinksInsideWork() async throws {
        let secret = harness.output.deletingLastPathComponent().appendingPathComponent("secret.txt")
        try Data("TOP SECRET".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: harness.output.appendingPathComponent("leak.txt"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: harness.output.appendingPathComponent("outside"), withDestinationURL: harness.site)
        try FileManager.default.createSymbolicLink(at: harness.output.appendingPathComponent("robots-copy.txt"),
                                                   withDestinationURL: harness.output.appendingPathComponent("robots.txt"))

        let leak = try await harness.get("/leak.txt")
        XCTAssertEqual(leak.status, 404)
        XCTAssertFalse(leak.text.contains("TOP SECRET"))
        let throughFolder = try await harness.get("/outside/site.yml")
        XCTAssertEqual(throughFolder.status, 404)
        let inside = try await harness.get("/robots-copy.txt")
        XCTAssertEqual(inside.status, 200, "a link that stays inside the output is served")
    }

    private func firstMatch(of pattern: String, in text: String) -> String? {
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return String(text[range])
    }
}
