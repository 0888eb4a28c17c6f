import XCTest

/// The built search index and the built search script, run in Node: a word from one page's
/// body finds that page.
final class SearchNodeTests: XCTestCase {
    /// Loads search-index.js into a `window`, then runs the built search script's search page
    /// against a minimal stand-in DOM (the script only builds elements and sets textContent; its
    /// words are the built search page's `#search-words`),
    /// once per query. The parts of the index come in through the `<script>` elements the search
    /// script appends to the head, each run from the file its `src` names (from search/).
    /// Prints JSON: per query, the result links in order, the index pages whose `x` text holds
    /// the word, and the parts requested.
    static let script = #"""
    const fs = require("fs"), vm = require("vm");
    const path = require("path");
    const [outputFolder, searchFile, queriesJSON] = process.argv.slice(2);
    const indexSource = fs.readFileSync(path.join(outputFolder, "search-index.js"), "utf8"), searchSource = fs.readFileSync(searchFile, "utf8");
    // The words the script shows come from the page it runs on, as on the built search page.
    const wordsJSON = (fs.readFileSync(path.join(outputFolder, "search", "index.html"), "utf8")
      .match(/<script type="application\/json" id="search-words">([^<]*)<\/script>/) || [])[1] || "";

    function element(tag) {
      return {
        tagName: tag.toUpperCase(), children: [], attributes: {}, className: "", href: "", own: "",
        set textContent(v) { this.own = String(v); this.children = []; },
        get textContent() { return this.own + this.children.map(c => c.textContent).join(""); },
        appendChild(c) { this.children.push(c); return c; },
        setAttribute(k, v) { this.attributes[k] = String(v); }, removeAttribute(k) { delete this.attributes[k]; },
        addEventListener() {},
      };
    }

    function runSearchPage(query) {
      const list = element("ol"), status = element("p"), input = element("input"), words = element("script");
      words.textContent = wordsJSON;
      input.value = ""; input.form = element("form");
      const requested = [];
      let sandbox;
      const head = { appendChild(script) {
        requested.push(script.src);
        // As a browser would: run the file, then call onload (or onerror when it is missing).
        let source;
        try { source = fs.readFileSync(path.join(outputFolder, "search", script.src), "utf8"); } catch (e) { return script.onerror(); }
        vm.runInContext(source, sandbox, { filename: script.src });
        script.onload();
      } };
      const document = {
        readyState: "complete", head,
        documentElement: { getAttribute: name => name === "data-root" ? "../" : null },
        getElementById: id => ({ "search-results": list, "search-status": status, "search-page-input": input, "search-words": words })[id] || null,
        createElement: element, createTextNode: text => ({ textContent: String(text) }), addEventListener() {},
      };
      sandbox = { document, URLSearchParams, console,
        location: { search: "?q=" + encodeURIComponent(query), pathname: "/search/index.html" },
        history: { replaceState() {} }, addEventListener() {} };
      sandbox.window = sandbox;
      vm.createContext(sandbox);
      vm.runInContext(indexSource, sandbox, { filename: "search-index.js" });
      vm.runInContext(searchSource, sandbox, { filename: "search.js" });
      const hits = list.children.map(li => li.children[0]);
      return { links: hits.map(a => a.href), titles: hits.map(a => a.children[0].textContent), status: status.textContent,
               pages: [].concat(...(sandbox.window.crossroadsSearchParts || [])), requested };
    }

    const out = JSON.parse(queriesJSON).map(word => {
      const run = runSearchPage(word);
      const pages = run.pages.filter(p => p.x.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(word)).map(p => p.u);
      return { word, links: run.links, titles: run.titles, status: run.status, bodyPages: pages, pageCount: run.pages.length,
               requested: run.requested };
    });
    process.stdout.write(JSON.stringify(out));
    """#

    struct Outcome: Decodable {
        let word: String
        let links: [String]
        let titles: [String]
        let status: String
        let bodyPages: [String]
        let pageCount: Int
        let requested: [String]
    }

    func testAWordFromOnePagesBodyFindsThatPageInTheIndexAndThroughTheSearchScript() throws {
        let built = try BuiltDefaultSite()
        let probes = SearchWords.uniqueBodyWords(in: built.guides(in: built.defaultLanguage), otherTexts: try SearchWords.otherTexts(of: built.site))
        XCTAssertGreaterThanOrEqual(probes.count, 10, "too few pages with a word of their own: \(probes)")
        let searchScript = try BuiltSite.asset("search", ext: "js", in: built.output)
        let queries = String(decoding: try JSONSerialization.data(withJSONObject: probes.map(\.word)), as: UTF8.self)
        let result = try Node.run(script: Self.script, arguments: [
            built.output.path, searchScript.path, queries,
        ])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let outcomes = try JSONDecoder().decode([Outcome].self, from: Data(result.stdout.utf8))
        XCTAssertEqual(outcomes.count, probes.count)

        for (probe, outcome) in zip(probes, outcomes) {
            XCTAssertGreaterThanOrEqual(outcome.pageCount, built.pages(in: built.defaultLanguage).count, "the index does not hold every page")
            // The index: only that page's body text holds the word.
            XCTAssertEqual(outcome.bodyPages, [probe.page], "\"\(probe.word)\" in the index bodies")
            // The script: the search page lists exactly that page, linked from search/ to it.
            XCTAssertEqual(outcome.links, ["../" + probe.page], "search for \"\(probe.word)\"")
            XCTAssertEqual(outcome.status, "1 result for \u{201C}\(probe.word)\u{201D}")
            XCTAssertEqual(outcome.requested, ["../search-index/0.js"], "a small site's index is one part, loaded from the site root")
        }
    }

    func testSearchNeedsEveryWordAndFindsTitlesByPrefix() throws {
        let built = try BuiltDefaultSite()
        let searchScript = try BuiltSite.asset("search", ext: "js", in: built.output)
        let pitfall = try XCTUnwrap(built.pages(in: built.defaultLanguage).first { $0.kind == "pitfall" })
        let titleWords = pitfall.title.lowercased().split(whereSeparator: { !$0.isLetter }).filter { $0.count >= 5 }
        let prefix = String(try XCTUnwrap(titleWords.first).prefix(4))
        let queries = [prefix, "feedback zzqqxx"]
        let result = try Node.run(script: Self.script, arguments: [
            built.output.path, searchScript.path,
            String(decoding: try JSONSerialization.data(withJSONObject: queries), as: UTF8.self),
        ])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let outcomes = try JSONDecoder().decode([Outcome].self, from: Data(result.stdout.utf8))
        XCTAssertTrue(outcomes[0].links.contains("../" + pitfall.outputPath), "prefix \"\(prefix)\" does not find \(pitfall.title)")
        XCTAssertEqual(outcomes[1].links, [], "a word no page has must empty the results")
    }

    /// Everything a reader sees is found: a section index page's introduction, the visible text
    /// of every kind of block (chart data, ladder, comparison table, the questionnaire's band
    /// table) and a Markdown table that comes after more text than the index keeps for snippets.
    /// Each probe word appears in one place only.
    func testWordsOnlyInBlocksTablesAndSectionIndexesFindTheirPage() throws {
        let site = try TemporarySite()
        try site.replaceOnce("four traps in turn", with: "four quokkasection traps in turn", in: "content/pitfalls/_index.md")
        try site.replaceOnce("neither side clearly wins", with: "neither side quokkaband wins", in: "content/questionnaire.yml")
        try site.write("""
            title: "Probe ladders"
            tracks:
              - id: probe
                name: "Probe track"
                summary: "A track for the test."
                levels:
                  - {name: "First rung", scope: "Looks after the quokkaladder work."}
                  - {name: "Second rung", scope: "Looks after more of it."}
            """, to: "content/data/probe-ladders.yml")
        try site.write("""
            columns: {technical: "Left", management: "Right"}
            caption: "Probe comparison"
            dimensions:
              - {id: probe, name: "Probe row", technical: "Plain words.", management: "The quokkacompare cell."}
            """, to: "content/data/probe-dimensions.yml")
        let filler = String(repeating: "Plain filler sentence that says nothing new at all. ", count: 150)
        try site.write("""
            ---
            title: "Probe page"
            kind: comparison
            summary: "A page for the search test."
            ---
            Blocks first.

            ```chart
            type: bar
            title: "Probe chart"
            bars:
              - {label: "The quokkachart bar", value: 3}
              - {label: "Another bar", value: 5}
            ```

            ```ladder
            data: probe-ladders
            ```

            ```compare
            data: probe-dimensions
            ```

            \(filler)

            | Column | Other |
            |---|---|
            | A quokkatable cell | Plain |

            """, to: "content/comparisons/probe.md")
        let output = try site.build()
        let searchScript = try BuiltSite.asset("search", ext: "js", in: output)
        let expected = [
            "quokkasection": "pitfalls/index.html", "quokkaband": "questionnaire/index.html",
            "quokkachart": "comparisons/probe/index.html", "quokkaladder": "comparisons/probe/index.html",
            "quokkacompare": "comparisons/probe/index.html", "quokkatable": "comparisons/probe/index.html",
        ]
        let words = expected.keys.sorted()
        let queries = String(decoding: try JSONSerialization.data(withJSONObject: words), as: UTF8.self)
        let result = try Node.run(script: Self.script, arguments: [output.path, searchScript.path, queries])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let outcomes = try JSONDecoder().decode([Outcome].self, from: Data(result.stdout.utf8))
        XCTAssertEqual(outcomes.map(\.word), words)
        for outcome in outcomes {
            XCTAssertEqual(outcome.links, ["../" + (expected[outcome.word] ?? "?")], "search for \"\(outcome.word)\"")
        }
    }

    /// A site large enough for several parts: every part is requested, and a word from a page in
    /// any part finds that page.
    func testALargeSitesIndexComesInPartsThatTheSearchScriptLoadsAll() throws {
        let site = try TemporarySite()
        let count = 600
        for number in 0..<count {
            try site.write("""
                ---
                title: Filler page \(number)
                kind: pitfall
                summary: One of many.
                ---

                Filler text with its own word marker\(number)word in it.

                """, to: "content/pitfalls/filler-\(number).md")
        }
        let output = try site.build()
        let searchScript = try BuiltSite.asset("search", ext: "js", in: output)
        let probes = [0, 257, 599]
        let queries = String(decoding: try JSONSerialization.data(withJSONObject: probes.map { "marker\($0)word" }), as: UTF8.self)
        let result = try Node.run(script: Self.script, arguments: [output.path, searchScript.path, queries])
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        let outcomes = try JSONDecoder().decode([Outcome].self, from: Data(result.stdout.utf8))
        XCTAssertEqual(outcomes.count, probes.count)
        for (number, outcome) in zip(probes, outcomes) {
            XCTAssertEqual(outcome.requested, (0..<4).map { "../search-index/\($0).js" }, "600 pages make four parts")
            XCTAssertGreaterThan(outcome.pageCount, count, "the parts together hold every page")
            XCTAssertEqual(outcome.links, ["../pitfalls/filler-\(number)/index.html"], "search for marker\(number)word")
        }
        // Each page is in exactly one part.
        var seen: [String: Int] = [:]
        for part in 0..<4 {
            let text = try String(contentsOf: output.appendingPathComponent("search-index/\(part).js"), encoding: .utf8)
            for number in 0..<count where text.contains("\"u\":\"pitfalls/filler-\(number)/index.html\"") { seen["\(number)", default: 0] += 1 }
        }
        XCTAssertEqual(seen.count, count)
        XCTAssertEqual(Set(seen.values), [1])
    }
}
