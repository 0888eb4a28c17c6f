import SiteBuilder
import XCTest

final class EmbedSHA256Tests: XCTestCase {
    func testStandardVectors() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // 56 bytes: the padding needs a second block.
        XCTAssertEqual(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testBlockBoundaries() {
        // 55, 63 and 64 bytes sit on either side of the padding boundaries.
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 64)), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    func testCSPSourceIsBase64OfTheDigest() {
        XCTAssertEqual(SHA256.cspSource("abc"), "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
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
