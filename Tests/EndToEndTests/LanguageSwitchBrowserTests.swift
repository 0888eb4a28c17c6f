import Foundation
import XCTest

/// The default site in English and German (its German catalogues, content/*.de.yml):
/// both languages' questionnaire and planner pages embed the same tables, byte for byte, and in
/// Chromium a result reached in German shows the same total, band, pulls and region in English
/// after the language switcher, with the same answers; a plan keeps its values likewise.
final class LanguageSwitchBrowserTests: XCTestCase {
    static let answers = [10, 9, 1, 8, 2, 3, 0, 10, 1, 9, 10, 2, 1, 8, 9]

    private func twoLanguageSite() throws -> TemporarySite {
        let site = try TemporarySite(allLanguages: true)
        XCTAssertTrue(try site.read("site.yml").contains("\n  - code: de\n"), "the default site is in English and German")
        return site
    }

    private func element(_ open: String, in page: String, of site: TemporarySite) throws -> String {
        let parts = try site.read("public/" + page).components(separatedBy: open)
        XCTAssertEqual(parts.count, 2, "\(page): expected one \(open)")
        return try XCTUnwrap(parts.last?.components(separatedBy: "</script>").first)
    }

    func testAResultReachedInGermanReadsTheSameInEnglish() async throws {
        let site = try twoLanguageSite()
        let output = try site.build()
        for (page, open) in [("questionnaire/index.html", "<script type=\"application/json\" id=\"scoring-table\">"),
                             ("planner/index.html", "<script type=\"application/json\" class=\"pl-table\">")] {
            XCTAssertEqual(try element(open, in: "de/" + page, of: site), try element(open, in: page, of: site), "\(page): the tables differ between languages")
        }
        let joined = Self.answers.map(String.init).joined(separator: ",")
        let english = try ScoreReportJSON.decode(site.score(["--answers", joined, "--json"]).stdout)
        let german = try ScoreReportJSON.decode(site.score(["--answers", joined, "--json", "--lang", "de"]).stdout)
        let pulls = try XCTUnwrap(english.pulls), region = try XCTUnwrap(english.region)

        try WebDriver.requireBrowser()
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: output.appendingPathComponent("de/questionnaire/index.html"))
            let progress = try await driver.text(of: driver.findElement(css: "#qn-progress-text"))
            XCTAssertTrue(progress.hasPrefix("Aussage 1 von 15"), progress)
            // Answer every statement by clicking its label, as a reader would, then ask for the result.
            try await driver.click(driver.findElement(css: "input[name='qn-mode'][value='all']"))
            for (index, answer) in Self.answers.enumerated() {
                let item = try await driver.execute("return document.querySelectorAll('.qn-item')[\(index)].dataset.item", as: String.self)
                try await driver.click(driver.findElement(css: "label[for='q-\(item)-\(answer)']"))
            }
            try await driver.click(driver.findElement(css: "#qn-submit"))
            let shown = try await self.result(driver)
            XCTAssertEqual(shown.band, german.band.label)
            XCTAssertTrue(shown.total.contains("Deine Summe ist \(english.total),"), shown.total)
            XCTAssertTrue(shown.pulls.contains("Neigung zur Meisterschaft: \(pulls.mastery.percent) %"), shown.pulls)

            // The switcher carries the answers in its link (not only through this device's storage,
            // which is cleared here); the English page shows the same result.
            let switcher = try await driver.execute("return document.querySelector(\"nav.language-switcher a[hreflang='en']\").getAttribute('href')", as: String.self)
            XCTAssertTrue(switcher.hasSuffix("#r=v2:" + joined), switcher)
            try await driver.execute("localStorage.clear()")
            try await driver.click(driver.findElement(css: "nav.language-switcher a[hreflang='en']"))
            let address = try await driver.currentURL()
            XCTAssertTrue(address.hasSuffix("/questionnaire/index.html#r=v2:" + joined) && !address.contains("/de/"), address)
            let checked = try await driver.execute(
                "return [...document.querySelectorAll('.qn-item')].map(f => { const c = f.querySelector('input:checked'); return c ? Number(c.value) : -1 })", as: [Int].self)
            XCTAssertEqual(checked, Self.answers, "the same answers in English")
            let inEnglish = try await self.result(driver)
            XCTAssertEqual(inEnglish.band, english.band.label)
            XCTAssertTrue(inEnglish.total.contains("Your total is \(english.total),"), inEnglish.total)
            XCTAssertTrue(inEnglish.pulls.hasPrefix("Pull toward mastery: \(pulls.mastery.percent) %. Pull toward management: \(pulls.management.percent) %. Region: \(region.label) "),
                          inEnglish.pulls)
            XCTAssertEqual(inEnglish.region, region.id)
            XCTAssertEqual(inEnglish.strongest, shown.strongest, "the same statements pulled hardest")
            XCTAssertEqual(shown.region, region.id)

            // A plan made in German keeps its values in English.
            let plan = "#plan=v1:role=manager,years=2,years-from-hands-on=1,team-size=4"
            try await driver.navigate(to: output.appendingPathComponent("de/planner/index.html").absoluteString + plan)
            let germanTitle = try await driver.text(of: driver.findElement(css: ".pl-checkpoints-title"))
            XCTAssertEqual(germanTitle, "Schwellen, die vor dir liegen")
            let germanCheckpoints = try await driver.execute("return document.querySelectorAll('.pl-checkpoint').length", as: Int.self)
            let planSwitcher = try await driver.execute("return document.querySelector(\"nav.language-switcher a[hreflang='en']\").getAttribute('href')", as: String.self)
            XCTAssertTrue(planSwitcher.hasSuffix(plan), planSwitcher)
            try await driver.click(driver.findElement(css: "nav.language-switcher a[hreflang='en']"))
            let planAddress = try await driver.currentURL()
            XCTAssertTrue(planAddress.hasSuffix("/planner/index.html" + plan), planAddress)
            let englishCheckpoints = try await driver.execute("return document.querySelectorAll('.pl-checkpoint').length", as: Int.self)
            XCTAssertEqual(englishCheckpoints, germanCheckpoints)
            XCTAssertGreaterThan(englishCheckpoints, 0)
        }
    }

    private struct Shown { var band: String; var total: String; var pulls: String; var region: String; var strongest: [String] }

    private func result(_ driver: WebDriver) async throws -> Shown {
        let band = try await driver.text(of: driver.findElement(css: "#qn-band-label"))
        let total = try await driver.text(of: driver.findElement(css: "#qn-total"))
        let pulls = try await driver.text(of: driver.findElement(css: "#qn-pull-text"))
        let region = try await driver.execute("return [...document.querySelectorAll('.qn-region-text')].filter(e => !e.hidden).map(e => e.dataset.region).join()", as: String.self)
        let strongest = try await driver.execute("return [...document.querySelectorAll('#qn-pulls .qn-pull-why')].map(e => e.textContent.match(/\\d+/)[0])", as: [String].self)
        return Shown(band: band, total: total, pulls: pulls, region: region, strongest: strongest)
    }
}
