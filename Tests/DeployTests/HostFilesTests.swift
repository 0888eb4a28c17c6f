import Deploy
import Foundation
import HostRules
import TestSupport
import XCTest

/// `host:` in site.yml: the build writes each host's configuration from the output map and the
/// aliases, with the cache headers a deploy sets.
final class HostFilesTests: XCTestCase {
    func testHostFilesListEveryFileAndAliasOnce() throws {
        let site = try DeploySite("host", settings: "base_url: https://example.com/guides/\nhost: [netlify, nginx, s3]")
        try site.edit("content/pitfalls/no-training.md") { $0.replacingOccurrences(of: "kind: pitfall\n", with: "kind: pitfall\naliases: [old/training/, /older-training]\n") }
        let result = try CrossroadsCLI.run(["build", "--source", site.folder.path])
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        let built = try site.builtFiles()
        func text(_ key: String) throws -> String { try String(contentsOf: site.output.appendingPathComponent(key), encoding: .utf8) }

        // _headers: every non-HTML file of the site once, with the policy a deploy sets; no HTML, no host file.
        var rules: [String: String] = [:]
        var lastPath: String?
        for line in try text("_headers").split(separator: "\n") where !line.hasPrefix("#") {
            if line.hasPrefix("/guides/") {
                let path = String(line.dropFirst("/guides/".count))
                XCTAssertNil(rules[path], "one rule per file: \(path)")
                lastPath = path
            } else if let path = lastPath, line.hasPrefix("  Cache-Control: ") {
                rules[path] = String(line.dropFirst("  Cache-Control: ".count))
            } else {
                XCTFail("unexpected line in _headers: \(line)")
            }
        }
        let served = built.keys.filter { $0 != "_headers" && $0 != "_redirects" && !$0.hasPrefix("_host/") }
        let nonHTML = served.filter { !$0.hasSuffix(".html") }
        XCTAssertEqual(Set(rules.keys), Set(nonHTML))
        for (path, value) in rules { XCTAssertEqual(value, CachePolicy.cacheControl(forPath: path), path) }
        XCTAssertTrue(rules.values.contains(CachePolicy.immutable))
        XCTAssertTrue(rules.values.contains(CachePolicy.short))

        let redirects = try text("_redirects").split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(redirects, [
            "/guides/old/training/ /guides/pitfalls/no-training/ 301",
            "/guides/old/training/index.html /guides/pitfalls/no-training/ 301",
            "/guides/older-training/ /guides/pitfalls/no-training/ 301",
            "/guides/older-training/index.html /guides/pitfalls/no-training/ 301",
        ])

        let nginx = try text("_host/nginx.conf")
        for line in ["location ^~ /guides/_host/ { return 404; }", "error_page 404 /guides/404.html;",
                     "location = /guides/old/training/ { return 301 /guides/pitfalls/no-training/; }",
                     "location = /guides/older-training { return 301 /guides/pitfalls/no-training/; }",
                     "add_header Cache-Control \"\(CachePolicy.immutable)\" always;",
                     "location ~ \"^/guides/(.+/)?[^/]+\\.[0-9a-f]{10}\\.[A-Za-z0-9]+$\" {"] {
            XCTAssertTrue(nginx.contains(line), "nginx snippet lacks \(line):\n\(nginx)")
        }
        XCTAssertTrue(built.keys.contains("404.html"))

        // The S3 alias list: read by the deploy, which marks the alias pages as website redirects.
        let list = try JSONDecoder().decode([String: String].self, from: Data(try text("_host/redirects.json").utf8))
        XCTAssertEqual(list, ["old/training/index.html": "pitfalls/no-training/", "older-training/index.html": "pitfalls/no-training/"])
        for (alias, target) in list {
            XCTAssertNotNil(built[alias])
            XCTAssertNotNil(built[target + "index.html"])
        }
        let plan = DeployPlan(local: try LocalSite.read(folder: site.output), remote: [:])
        XCTAssertEqual(plan.redirects, list)
        XCTAssertEqual(plan.uploads.first { $0.key == "old/training/index.html" }?.redirect, "pitfalls/no-training/")
        XCTAssertNil(plan.uploads.first { $0.key == "pitfalls/no-training/index.html" }?.redirect)

        // Without `host:`, none of them.
        try site.edit("site.yml") { $0.replacingOccurrences(of: "host: [netlify, nginx, s3]", with: "") }
        XCTAssertEqual(try CrossroadsCLI.run(["build", "--source", site.folder.path]).exitStatus, 0)
        let plain = try site.builtFiles()
        XCTAssertEqual(plain.keys.filter { $0.hasPrefix("_") }, [])
    }
}
