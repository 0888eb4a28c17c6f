import Foundation
import XCTest

/// Every page fits a phone: the embed pages inside a 360 px and a 320 px iframe on a wiki-like
/// host page, and the full site's pages (standalone copies included) in a 360 px and a 320 px
/// window. Nothing makes the page scroll sideways, nothing sticks out of the screen unless it sits
/// in a box that scrolls by itself, every such box that has more to see shows a cue, and every
/// answer of the 0–10 scale is on screen, big enough to hit and reachable with the arrow keys.
final class PhoneLayoutBrowserTests: XCTestCase {
    static let widths = [360, 320]

    /// A host page with one sandboxed frame, that sizes the frame's height from the embed's height
    /// messages (as the parent snippet in docs/embedding.md does) and records them, so the test
    /// knows when a page in the frame has loaded.
    static let hostPage = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
        <body style="margin: 0">
        <script>
        window.heights = [];
        window.addEventListener('message', function (event) {
          if (!event.data || event.data.type !== 'crossroads:height') return;
          window.heights.push(event.data.path);
          document.getElementById('guide').style.height = event.data.height + 'px';
        });
        </script>
        <iframe id="guide" title="Guide" sandbox="allow-scripts allow-popups" style="height: 700px; border: 0"></iframe>
        </body></html>
        """

    func testEveryEmbedPageFitsAPhoneSizedFrame() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let embeds = try Self.htmlFiles(under: built.output, in: "embed")
        XCTAssertGreaterThanOrEqual(embeds.count, built.pages(in: built.defaultLanguage).count, "one embed page per guide at least: \(embeds)")
        try Data(Self.hostPage.utf8).write(to: built.output.appendingPathComponent("host.html"))
        let server = try StaticFileServer(serving: built.output)
        defer { server.stop() }

        try await WebDriver.withSession(width: 900, height: 800) { driver in
            try await driver.navigate(to: server.rootURL + "host.html")
            for width in Self.widths {
                for page in embeds {
                    try await driver.switchToFrame(nil)
                    try await driver.execute(
                        "window.heights = []; var frame = document.getElementById('guide'); frame.style.width = arguments[1] + 'px'; frame.src = arguments[0]",
                        arguments: [page, String(width)])
                    // The message names the page, so a late one from the page before cannot pass for it.
                    let path = String(page.dropFirst("embed/".count).dropLast("index.html".count))
                    let loaded = try await driver.waitUntil("window.heights.indexOf('\(path)') >= 0")
                    XCTAssertTrue(loaded, "\(page) sent no height message in a \(width) px frame")
                    try await driver.switchToFrame(driver.findElement(css: "#guide"))
                    // Sized to its content by the host, the frame has no scroll bar: the page has all its width.
                    let ready = try await driver.waitUntil("document.readyState === 'complete' && document.documentElement.clientWidth === \(width)")
                    XCTAssertTrue(ready, "\(page) never finished loading in a \(width) px frame without a scroll bar")
                    let problems = try await driver.execute(Self.layoutProblems, as: [String].self)
                    XCTAssertEqual(problems, [], "\(page) in a \(width) px frame")
                    if page.hasPrefix("embed/questionnaire/") {
                        try await Self.checkScaleByKeyboard(driver, page: page, width: width)
                    }
                }
            }
        }
    }

    func testEveryFullSitePageFitsAPhoneAndShowsWhereItScrollsSideways() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        let pages = try Self.htmlFiles(under: built.output, in: "").filter { !$0.hasPrefix("embed/") }
        XCTAssertGreaterThan(pages.count, built.pages(in: built.defaultLanguage).count, "\(pages)")
        let server = try StaticFileServer(serving: built.output)
        defer { server.stop() }

        for width in Self.widths {
            try await WebDriver.withSession(width: width, height: 800) { driver in
                try await driver.emulatePhone(width: width, height: 800)
                for page in pages {
                    try await driver.navigate(to: server.rootURL + page)
                    let viewport = try await driver.execute("return document.documentElement.clientWidth", as: Int.self)
                    XCTAssertEqual(viewport, width, "the window is \(width) px wide")
                    let problems = try await driver.execute(Self.layoutProblems, as: [String].self)
                    XCTAssertEqual(problems, [], "\(page) at \(width) px")
                }
                // The cue is there because wide tables do scroll on a phone: the comparison table does.
                try await driver.navigate(to: server.rootURL + "comparisons/five-dimensions/index.html")
                let scrolls = try await driver.execute(
                    "var t = document.querySelector('table.compare'); return t.scrollWidth > t.clientWidth", as: Bool.self)
                XCTAssertTrue(scrolls, "the five-dimensions table scrolls sideways at \(width) px")
            }
        }
    }

    /// Arrow keys move along the whole scale (radio group semantics), and the last answer is on screen.
    private static func checkScaleByKeyboard(_ driver: WebDriver, page: String, width: Int) async throws {
        let item = try await driver.execute(
            "return [...document.querySelectorAll('.qn-item')].filter(f => !f.hidden)[0].dataset.item", as: String.self)
        try await driver.click(driver.findElement(css: "label[for='q-\(item)-0']"))
        try await driver.pressKeys(String(repeating: WebDriver.Key.arrowRight, count: 10))
        let state = try await driver.execute("""
            var checked = document.querySelector('input[name="' + document.activeElement.name + '"]:checked');
            var box = checked.getBoundingClientRect();
            return [checked.value, String(box.left >= 0 && box.right <= document.documentElement.clientWidth)];
            """, as: [String].self)
        XCTAssertEqual(state, ["10", "true"], "\(page) at \(width) px: the arrow keys reach answer 10, on screen")
    }

    /// The site-relative paths of the HTML files under `folder` (all of them when `folder` is "").
    static func htmlFiles(under output: URL, in folder: String) throws -> [String] {
        let base = output.standardizedFileURL.path + "/"
        let start = folder.isEmpty ? output : output.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(atPath: start.path) else { throw SupportError("cannot list \(start.path)") }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
            .map { start.appendingPathComponent($0).standardizedFileURL.path.replacingOccurrences(of: base, with: "") }
            .filter { $0 != "host.html" }
            .sorted()
    }

    /// Lists, in the current document, what a phone reader would hit: sideways scrolling of the
    /// page, anything outside the screen that no scroll box of its own brings into view, a box
    /// that scrolls sideways without a visible cue (a shade drawn by gradients that travel with
    /// the content, `background-attachment: local`), and answers of the scale that are off screen
    /// or narrower than 24 px (WCAG 2.5.8).
    static let layoutProblems = """
        var view = document.documentElement.clientWidth;
        var problems = [];
        function name(e) {
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
        }
        function scroller(e) {
          for (var a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            var o = getComputedStyle(a).overflowX;
            if (o === 'auto' || o === 'scroll') return a;
          }
          return null;
        }
        function inside(r) { return r.left >= -0.5 && r.right <= view + 0.5; }
        var page = document.scrollingElement;
        if (page.scrollWidth > page.clientWidth) problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px in ' + page.clientWidth + ' px');
        document.querySelectorAll('body *').forEach(function (e) {
          if (e.closest('.visually-hidden, .chart-data, [hidden]')) return;
          var r = e.getBoundingClientRect();
          if ((r.width === 0 && r.height === 0) || inside(r)) return;
          var box = scroller(e);
          if (box && inside(box.getBoundingClientRect())) return;
          problems.push(name(e) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');
        });
        document.querySelectorAll('body *').forEach(function (e) {
          var style = getComputedStyle(e);
          if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') return;
          if (e.scrollWidth <= e.clientWidth + 1 || e.getBoundingClientRect().height === 0) return;
          var gradients = (style.backgroundImage.match(/gradient\\(/g) || []).length;
          if (gradients < 2 || style.backgroundAttachment.indexOf('local') < 0) problems.push(name(e) + ' scrolls sideways with no visible cue');
        });
        document.querySelectorAll('.qn-option').forEach(function (option) {
          var r = option.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) return;
          if (!inside(r)) problems.push('answer ' + option.textContent.trim() + ' is off screen');
          if (r.width < 24) problems.push('answer ' + option.textContent.trim() + ' is ' + r.width.toFixed(1) + ' px wide');
        });
        return problems.slice(0, 12);
        """
}
