import HostRules
@testable import PreviewServer
import XCTest

final class RequestPathTests: XCTestCase {
    func testOrdinaryPathsDecodeOnce() {
        XCTAssertEqual(RequestPath.parse("/"), .segments([], hadTrailingSlash: true))
        XCTAssertEqual(RequestPath.parse("/pitfalls/x/?q=1#top"), .segments(["pitfalls", "x"], hadTrailingSlash: true))
        XCTAssertEqual(RequestPath.parse("/a%20b.html"), .segments(["a b.html"], hadTrailingSlash: false))
        // Decoded once only: "%252e%252e" is the literal name "%2e%2e", not "..".
        XCTAssertEqual(RequestPath.parse("/%252e%252e/x"), .segments(["%2e%2e", "x"], hadTrailingSlash: false))
    }

    func testEverySmuggledSeparatorOrParentIsRejected() {
        for target in ["/../x", "/a/../x", "/%2e%2e/x", "/%2E%2e/x", "/.%2e/x", "/..%2fx", "/a%2Fb", "/a%5cb", "/a\\b",
                       "/a%00b", "//etc/passwd", "http://host/x", "*", "", "/./x", "/a//b", "/%zz"] {
            XCTAssertEqual(RequestPath.parse(target), .rejected, target)
        }
    }
}

final class LiveReloadInjectionTests: XCTestCase {
    func testScriptGoesBeforeTheLastClosingBodyInAnyCase() {
        let html = "<html><body><pre>&lt;/body&gt; </body></pre></BODY></html>"
        XCTAssertEqual(LiveReloadInjection.inject(into: html),
                       "<html><body><pre>&lt;/body&gt; </body></pre><script src=\"/__crossroads/livereload.js\"></script></BODY></html>")
    }

    func testScriptIsAppendedWhenThereIsNoBody() {
        XCTAssertEqual(LiveReloadInjection.inject(into: "<p>fragment</p>"), "<p>fragment</p><script src=\"/__crossroads/livereload.js\"></script>")
    }

    func testContentTypesComeFromTheExtension() {
        XCTAssertEqual(ContentTypes.forFile(named: "a/b/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(ContentTypes.forFile(named: "site.81e7.CSS"), "text/css; charset=utf-8")
        XCTAssertEqual(ContentTypes.forFile(named: "feed.xml"), "application/xml; charset=utf-8")
        XCTAssertEqual(ContentTypes.forFile(named: ".hidden"), "application/octet-stream")
        XCTAssertEqual(ContentTypes.forFile(named: "README"), "application/octet-stream")
    }

    func testEventsAreFramedAsServerSentEventsOnOneDataLine() {
        let event = ServerEvent.error([BuildProblem(file: "content/a.md", message: "two\nlines")])
        XCTAssertEqual(event.wireText, "event: error\ndata: {\"errors\":[{\"file\":\"content/a.md\",\"message\":\"two\\nlines\"}]}\n\n")
        XCTAssertEqual(ServerEvent.reload(build: 4).wireText, "event: reload\ndata: {\"build\":4}\n\n")
    }
}
