import Deploy
import Foundation
import HostRules
import TestSupport
import XCTest

/// The plan on its own: what is uploaded, in which order, what is deleted, with which headers.
final class DeployPlanTests: XCTestCase {
    func testUploadsNewAndChangedOnlyNewBeforeChangedNonHTMLBeforeHTMLDeletionsLast() throws {
        let folder = try ScratchFolder("plan")
        defer { folder.remove() }
        try folder.write("index.html", "<p>home")
        try folder.write("about/index.html", "<p>about")
        try folder.write("new/index.html", "<p>new")
        try folder.write("assets/site.0123456789.css", "body{}")
        try folder.write("atom.xml", "<feed/>")
        try folder.write(".crossroads-output", "")
        let local = try LocalSite.read(folder: folder.url)
        XCTAssertNil(local.files[".crossroads-output"], "the ownership marker is never deployed")
        let remote = [
            "index.html": RemoteFile(md5: try XCTUnwrap(local.files["index.html"]).md5, size: 7),
            "about/index.html": RemoteFile(md5: "00000000000000000000000000000000", size: 9),
            "atom.xml": RemoteFile(md5: "00000000000000000000000000000000", size: 7),
            "gone/index.html": RemoteFile(md5: "00000000000000000000000000000000", size: 1),
        ]
        let plan = DeployPlan(local: local, remote: remote)
        XCTAssertEqual(plan.uploads.map(\.key), ["assets/site.0123456789.css", "new/index.html", "atom.xml", "about/index.html"])
        XCTAssertEqual(plan.uploads.map(\.reason), [.new, .new, .changed, .changed])
        XCTAssertEqual(plan.deletions, ["gone/index.html"])
        XCTAssertEqual(plan.unchanged, 1)
        XCTAssertEqual(local.files["index.html"]?.md5, LocalSite.md5Hex(Data("<p>home".utf8)))
    }

    func testHeadersByPattern() {
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/site.0123456789.css"), "public, max-age=31536000, immutable")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/search.abcdef0123.js"), "public, max-age=31536000, immutable")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "pitfalls/x/index.html"), "public, no-cache, must-revalidate")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "404.html"), "public, no-cache, must-revalidate")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "search-index.js"), "public, max-age=300")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/site.012345678.css"), "public, max-age=300", "nine digits are not the build's hash")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/site.0123456789ab.css"), "public, max-age=300")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/site.ABCDEF0123.css"), "public, max-age=300")
        XCTAssertEqual(CachePolicy.cacheControl(forPath: "assets/.0123456789.css"), "public, max-age=300")
        XCTAssertEqual(CachePolicy.headers(forPath: "atom.xml").contentType, "application/xml; charset=utf-8")
    }

    func testMD5MatchesKnownDigest() {
        XCTAssertEqual(LocalSite.md5Hex(Data("hello\n".utf8)), "b1946ac92492d2347c6235b4d2611184")
        XCTAssertEqual(LocalSite.md5Hex(Data()), "d41d8cd98f00b204e9800998ecf8427e")
    }
}
