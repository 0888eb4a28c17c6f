@testable import SiteBuilder
import XCTest

final class EmbedSHA256Tests: XCTestCase {
    func testCSPSourceIsBase64OfTheDigest() {
        XCTAssertEqual(InlineScripts.hashSource("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
    }

    /// FIPS 180-4 vectors, on either side of the padding boundaries (55, 56, 64 bytes) and long.
    func testStandardVectors() {
        XCTAssertEqual(InlineScripts.hashSource(""), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        XCTAssertEqual(InlineScripts.hashSource("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), "'sha256-JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE='")
        XCTAssertEqual(InlineScripts.hashSource(String(repeating: "a", count: 55)), "'sha256-n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg='")
        XCTAssertEqual(InlineScripts.hashSource(String(repeating: "a", count: 64)), "'sha256-/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs='")
        XCTAssertEqual(InlineScripts.hashSource(String(repeating: "a", count: 1_000_000)), "'sha256-zcduXJkU+5KBocfihNc+Z/GAmkiklyAOBG05zMcRLNA='")
    }

    func testPolicyHashesExactlyTheInlineScripts() {
        let html = """
        <meta http-equiv="Content-Security-Policy" content="\(InlineScripts.policyMarker)">
        <script src="x.js"></script><script type="application/json" id="t">{"a":1}</script>
        <SCRIPT>console.log(1)</SCRIPT>
        """
        XCTAssertEqual(InlineScripts.bodies(in: html), ["{\"a\":1}", "console.log(1)"])
        let applied = InlineScripts.applyPolicy(to: html)
        XCTAssertTrue(applied.contains("'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='"), applied)
        XCTAssertTrue(applied.contains("script-src 'sha256-"), applied)
        XCTAssertTrue(applied.contains("default-src 'none'"))
        XCTAssertFalse(applied.contains(InlineScripts.policyMarker))
        XCTAssertEqual(InlineScripts.policy(for: "<p>no scripts</p>").contains("script-src 'none'"), true)
    }

    func testScriptSafeTextCannotCloseTheElement() {
        XCTAssertEqual(InlineScripts.scriptSafe("a = '</script>'"), "a = '<\\/script>'")
    }
}
