@testable import SiteBuilder
import XCTest

/// Each wiki syntax on small pages: a table, a link between guides (with a heading anchor), an
/// external link, and text holding every wiki's markup characters, which must stay text.
final class WikiSyntaxTests: XCTestCase {
    /// Two pages: `guide.md` links to `other/second.md`'s second heading and shows a table.
    private static func site() throws -> WikiSite {
        try WikiSite(files: [
            "guide.md": """
            # The guide

            See [the other part](other/second.md#what-changes), [the web](https://example.com/a?b=c), and `x|y`.

            | Step | Points |
            | --- | --- |
            | **One** | 1–2 |
            | Two | 3 |

            Text with [[brackets]], a | pipe, {{braces}}, <b>tags</b>, ''quotes'', **bold** and %%percent%% and //slashes//.
            """,
            "other/second.md": "# The second guide\n\n## What changes\n\nBack to [the guide](../guide.md).\n",
        ], images: [:], navigation: [])
    }

    /// Writes `file` of the site (the two-page one by default) in `syntax`, and checks that the
    /// text holds each of `expected` and none of `unexpected`.
    @discardableResult
    private func assertWritten(_ file: String, in syntax: some WikiSyntax, site: WikiSite? = nil, holds expected: [String],
                               lacks unexpected: [String] = [], line: UInt = #line) throws -> String {
        let site = try site ?? Self.site()
        let text = WikiWriter(syntax: syntax, site: site).write(try XCTUnwrap(site.page(file), file))
        for part in expected { XCTAssertTrue(text.contains(part), "\(part) in \(text)", line: line) }
        for part in unexpected { XCTAssertFalse(text.contains(part), "no \(part) in \(text)", line: line) }
        return text
    }

    func testMediaWikiTableLinksAndEscaping() throws {
        try assertWritten("guide.md", in: MediaWikiSyntax(), holds: [
            "[[The second guide#What changes|the other part]]",
            "[https://example.com/a?b=c the web]",
            "<code><nowiki>x|y</nowiki></code>",
            """
            {| class="wikitable"
            ! Step
            ! Points
            |-
            | '''One'''
            | 1–2
            |-
            | Two
            | 3
            |}
            """,
            "<nowiki>Text with [[brackets]], a | pipe, {{braces}}, </nowiki>",
            "&lt;b&gt;",
            "<nowiki>, ''quotes'', </nowiki>'''bold'''",
        ], lacks: ["The guide", "<b>"])
        try assertWritten("other/second.md", in: MediaWikiSyntax(), holds: ["== What changes ==", "[[The guide|the guide]]"])
    }

    func testMediaWikiTextNeverStartsALineWithMarkup() {
        let syntax = MediaWikiSyntax()
        XCTAssertEqual(syntax.paragraph("* not a list"), "<nowiki/>* not a list")
        XCTAssertEqual(syntax.paragraph("{| not a table"), "<nowiki/>{| not a table")
        XCTAssertEqual(syntax.paragraph("plain"), "plain")
        XCTAssertEqual(syntax.text("a < b & c"), "a &lt; b &amp; c")
        XCTAssertEqual(syntax.text("it's"), "it's")
        XCTAssertEqual(syntax.text("'quoted'"), "<nowiki>'quoted'</nowiki>")
    }

    func testDokuWikiTableLinksAndEscaping() throws {
        let syntax = DokuWikiSyntax(namespace: "guides")
        let text = try assertWritten("guide.md", in: syntax, holds: [
            "[[guides:other:second#what_changes|the other part]]",
            "[[https://example.com/a?b=c|the web]]",
            "''%%x|y%%''",
            """
            ^ Step ^ Points ^
            | **One** | 1–2 |
            | Two | 3 |
            """,
            "%%Text with [[brackets]], a | pipe, {{braces}}, %%",
            "%%<b>%%",
            "<nowiki> and %%percent%% and //slashes//.</nowiki>",
        ])
        XCTAssertTrue(text.hasPrefix("====== The guide ======\n"), "DokuWiki takes the title from the first heading: \(text)")
        try assertWritten("other/second.md", in: syntax, holds: ["===== What changes =====", "[[guides:guide|the guide]]"])
    }

    /// The expected ids are what DokuWiki 2022-07-31 (Debian's package) gives: `cleanID()` and `sectionID()`.
    func testDokuWikiIDsFollowDokuWikisRules() {
        XCTAssertEqual(DokuWikiSyntax.cleanID("Crossroads: Mastery & Management!"), "crossroads:mastery_management")
        XCTAssertEqual(DokuWikiSyntax.cleanID("1. The 10x engineer: myth"), "1._the_10x_engineer:myth")
        XCTAssertEqual(DokuWikiSyntax.sectionID("What changes?"), "what_changes")
        XCTAssertEqual(DokuWikiSyntax.sectionID("1. The 10x engineer: myth"), "the_10x_engineermyth")
        XCTAssertEqual(DokuWikiSyntax.sectionID("Tomás — the 2nd (café)"), "tomas_the_2nd_cafe")
        XCTAssertEqual(DokuWikiSyntax(namespace: "g").text("plain, ordinary text."), "plain, ordinary text.")
        XCTAssertEqual(DokuWikiSyntax(namespace: "g").text("a -- b"), "%%a -- b%%", "no typographic dash")
        XCTAssertEqual(DokuWikiSyntax(namespace: "g").text("1920x1080"), "%%1920x1080%%")
    }

    func testConfluenceTableLinksAndEscaping() throws {
        let text = try assertWritten("guide.md", in: ConfluenceSyntax(), holds: [
            "<ac:link ac:anchor=\"What changes\"><ri:page ri:content-title=\"The second guide\"/><ac:link-body>the other part</ac:link-body></ac:link>",
            "<a href=\"https://example.com/a?b=c\">the web</a>",
            "<table><tbody><tr><th>Step</th><th>Points</th></tr><tr><td><strong>One</strong></td><td>1–2</td></tr><tr><td>Two</td><td>3</td></tr></tbody></table>",
            "Text with [[brackets]], a | pipe, {{braces}}, &lt;b&gt;tags&lt;/b&gt;",
        ], lacks: ["The guide"])
        XCTAssertEqual(ConfluenceStorage(fragment: text, name: "guide.md").pageLinks, ["The second guide"])
    }

    func testConfluenceCodeAndPanels() throws {
        let site = try WikiSite(files: ["a.md": "# A\n\n> [!WARNING]\n> Careful.\n\n> A story.\n\n```swift\nlet x = \"]]>\" < 1\n```\n"], images: [:], navigation: [])
        let text = try assertWritten("a.md", in: ConfluenceSyntax(), site: site, holds: [
            "<ac:structured-macro ac:name=\"note\"><ac:rich-text-body><p>[!WARNING]",
            "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p>A story.</p>",
            "<ac:parameter ac:name=\"language\">swift</ac:parameter><ac:plain-text-body><![CDATA[let x = \"]]]]><![CDATA[>\" < 1]]>",
        ])
        _ = ConfluenceStorage(fragment: text, name: "a.md")
    }
}
