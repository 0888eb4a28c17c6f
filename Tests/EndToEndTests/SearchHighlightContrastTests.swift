import Foundation
import XCTest

/// Search highlights (`<mark>`) stay readable in both colour schemes: in Chromium, with the light
/// and the dark scheme emulated, every highlighted word on the search page and in the header's
/// results list has a contrast of at least 4.5:1 (WCAG 1.4.3) between its computed text colour
/// and the background it is drawn on, whatever the text around it (titles, snippets).
final class SearchHighlightContrastTests: XCTestCase {
    func testHighlightsHaveAContrastOfAtLeast4Point5InBothSchemes() async throws {
        try WebDriver.requireBrowser()
        let built = try BuiltDefaultSite()
        // A word in titles and in body text, so both kinds of hit text are marked.
        let word = "management"
        let search = built.output.appendingPathComponent("search/index.html").absoluteString + "?q=" + word
        let page = built.output.appendingPathComponent("index.html").absoluteString
        var backgrounds: Set<String> = []

        try await WebDriver.withSession { driver in
            for scheme in ["light", "dark"] {
                try await driver.executeCDP("Emulation.setEmulatedMedia", parameters: [
                    "features": [["name": "prefers-color-scheme", "value": scheme]],
                ])
                try await driver.navigate(to: search)
                let applied = try await driver.execute("return matchMedia('(prefers-color-scheme: dark)').matches", as: Bool.self)
                XCTAssertEqual(applied, scheme == "dark", "the \(scheme) scheme is emulated")
                var marks = try await driver.execute(Self.markContrasts, arguments: ["#search-results"], as: [MarkContrast].self)
                XCTAssertGreaterThan(marks.filter { $0.place == "search-hit-title" }.count, 0, "\(scheme): titles are marked")

                try await driver.navigate(to: page)
                try await driver.sendKeys(word, to: driver.findElement(css: "#site-search-input"))
                let listed = try await driver.waitUntil("document.querySelectorAll('#search-popup mark').length > 0")
                XCTAssertTrue(listed, "\(scheme): the header's results list shows marked hits")
                marks += try await driver.execute(Self.markContrasts, arguments: ["#search-popup"], as: [MarkContrast].self)

                XCTAssertGreaterThan(marks.count, 4, "\(scheme): \(marks)")
                for mark in marks where mark.ratio < 4.5 {
                    XCTFail("\(scheme): \"\(mark.text)\" in .\(mark.place): \(mark.color) on \(mark.background) is \(mark.ratio):1, under 4.5:1")
                }
                backgrounds.formUnion(marks.map(\.background))
            }
        }
        XCTAssertGreaterThan(backgrounds.count, 1, "the highlight changes with the scheme: \(backgrounds)")
    }

    struct MarkContrast: Decodable {
        var text: String
        var place: String
        var color: String
        var background: String
        var ratio: Double
    }

    /// For every `mark` under the selector: its computed text colour, the opaque background it is
    /// drawn on (its own and its ancestors' backgrounds composited), and their WCAG contrast ratio.
    static let markContrasts = """
        function parse(value) {
          var m = value.match(/rgba?\\(([^)]+)\\)/);
          if (!m) return [0, 0, 0, 0];
          var p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
          return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
        }
        function over(top, bottom) {
          var a = top[3];
          return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]);
        }
        function background(element) {
          var layers = [];
          for (var node = element; node && node.nodeType === 1; node = node.parentElement) {
            var colour = parse(getComputedStyle(node).backgroundColor);
            if (colour[3] > 0) layers.push(colour);
            if (colour[3] >= 1) break;
          }
          var result = [255, 255, 255, 1];
          for (var i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
          return result;
        }
        function luminance(c) {
          var v = [0, 1, 2].map(function (i) {
            var s = c[i] / 255;
            return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
          });
          return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
        }
        return [...document.querySelectorAll(arguments[0] + ' mark')].map(function (mark) {
          var back = background(mark);
          var fore = over(parse(getComputedStyle(mark).color), back);
          var l1 = luminance(fore), l2 = luminance(back);
          var place = mark.parentElement.closest('[class]');
          return {
            text: mark.textContent,
            place: place ? place.className : '',
            color: 'rgb(' + fore.slice(0, 3).map(Math.round).join(', ') + ')',
            background: 'rgb(' + back.slice(0, 3).map(Math.round).join(', ') + ')',
            ratio: Math.round((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) * 100) / 100
          };
        });
        """
}
