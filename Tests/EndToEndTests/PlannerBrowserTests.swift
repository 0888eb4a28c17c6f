import XCTest

/// The built planner page in headless Chromium, used like a person would: choosing a role,
/// typing years, reading the result, editing, sharing and opening links. The result always
/// matches the answers on show and the address, and says what `crossroads plan` says.
final class PlannerBrowserTests: XCTestCase {
    private static let form = "section.planner .pl-form"
    private static let resultShown = "!document.querySelector('section.planner .pl-result').hidden"

    struct PlanJSON: Decodable { var lines: [String] }

    /// What the command prints for these inputs in the browser's month, without the headings.
    private static func commandLines(_ inputs: [String], today: String, site: TemporarySite) throws -> [String] {
        let result = try CrossroadsBinary.run(["plan", "--source", site.root.path, "--today", today, "--json"] + inputs)
        XCTAssertEqual(result.exitCode, 0, result.stderr)
        return try JSONDecoder().decode(PlanJSON.self, from: Data(result.stdout.utf8)).lines
    }

    /// The result on show, as the command's lines: heading, findings, heading, checkpoints.
    private static let shownLines = """
        const s = document.querySelector('section.planner');
        const items = sel => [...s.querySelectorAll(sel)].map(li => '- ' + li.textContent);
        return [s.querySelector('.pl-result-title').textContent].concat(items('.pl-findings li'),
          [s.querySelector('.pl-checkpoints-title').textContent], items('.pl-checkpoints li'));
        """

    private func type(_ text: String, into input: String, _ driver: WebDriver) async throws {
        let field = try await driver.findElement(css: "\(Self.form) [data-input='\(input)'] input")
        try await driver.execute("const f = document.querySelector(arguments[0]); f.value = ''", arguments: ["\(Self.form) [data-input='\(input)'] input"])
        try await driver.sendKeys(text, to: field)
    }

    func testAnsweringEditingSharingAndRefusedLinksAgreeWithTheCommand() async throws {
        try WebDriver.requireBrowser()
        let site = try TemporarySite()
        let output = try site.build()
        let page = output.appendingPathComponent("planner/index.html")
        try await WebDriver.withSession { driver in
            try await driver.navigate(to: page)
            let today = try await driver.execute("const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-01'", as: String.self)
            // With JavaScript the form replaces the note; nothing answered, no result.
            let start = try await driver.execute("""
                const s = document.querySelector('section.planner');
                return [s.querySelector('.pl-form').hidden, s.querySelector('.pl-nojs').hidden, s.querySelector('.pl-result').hidden,
                  s.querySelector('[data-input="years-from-hands-on"]').hidden].map(String).join(' ')
                """, as: String.self)
            XCTAssertEqual(start, "false true true true", "form shown, note hidden, no result, manager-only input hidden")

            try await driver.click(driver.findElement(css: "\(Self.form) [data-input='role'] input[value='manager']"))
            let managerInputs = try await driver.execute("return [...document.querySelectorAll('section.planner .pl-input')].filter(f => !f.hidden).map(f => f.dataset.input).join(' ')", as: String.self)
            XCTAssertEqual(managerInputs, "role years years-from-hands-on team-size")
            try await type("3", into: "years", driver)
            try await type("1", into: "years-from-hands-on", driver)
            try await type("6", into: "team-size", driver)
            let shown = try await driver.waitUntil(Self.resultShown)
            XCTAssertTrue(shown, "a complete set of answers shows the result at once")
            let inputs = ["--role", "manager", "--years", "3", "--years-from-hands-on", "1", "--team-size", "6"]
            let lines = try await driver.execute(Self.shownLines, as: [String].self)
            XCTAssertEqual(lines, try Self.commandLines(inputs, today: today, site: site))
            let fragment = "#plan=v1:role=manager,years=3,years-from-hands-on=1,team-size=6"
            let hash = try await driver.execute("return location.hash", as: String.self)
            XCTAssertEqual(hash, fragment, "the address holds the plan")
            let link = try await driver.execute("return document.querySelector('section.planner .pl-share-url').value", as: String.self)
            XCTAssertTrue(link.hasSuffix("planner/index.html" + fragment), link)

            // An edit redraws at once: 4 years away is past the front-line span.
            try await type("4", into: "years-from-hands-on", driver)
            let edited = try await driver.execute(Self.shownLines, as: [String].self)
            let editedInputs = ["--role", "manager", "--years", "3", "--years-from-hands-on", "4", "--team-size", "6"]
            XCTAssertEqual(edited, try Self.commandLines(editedInputs, today: today, site: site))
            let editedHash = try await driver.execute("return location.hash", as: String.self)
            XCTAssertEqual(editedHash, "#plan=v1:role=manager,years=3,years-from-hands-on=4,team-size=6")

            // A blank or impossible answer hides the result and clears the address: nothing stale stays.
            try await type("41", into: "years", driver)
            let refused = try await driver.execute("""
                const s = document.querySelector('section.planner');
                return [String(s.querySelector('.pl-result').hidden), location.hash, s.querySelector('.pl-problems').textContent].join('|')
                """, as: String.self)
            XCTAssertEqual(refused, "true||Years is 41; give a whole number from 0 to 40.")

            // The shared link, opened fresh, shows the same result.
            try await driver.navigate(to: "about:blank")
            try await driver.navigate(to: link)
            let opened = try await driver.execute(Self.shownLines, as: [String].self)
            XCTAssertEqual(opened, lines)
            let filled = try await driver.execute("return document.querySelector('section.planner [data-input=\"team-size\"] input').value", as: String.self)
            XCTAssertEqual(filled, "6", "the form shows the answers of the link")

            // Another link in the same tab replaces the result.
            try await driver.execute("location.hash = arguments[0]", arguments: ["#plan=v1:role=engineer,years=2,years-managed=0"])
            let switched = try await driver.waitUntil("document.querySelector('section.planner .pl-findings li[data-rule=\"trial-first\"]') !== null")
            XCTAssertTrue(switched, "a hash change shows the new plan")
            let engineerLines = try await driver.execute(Self.shownLines, as: [String].self)
            XCTAssertEqual(engineerLines, try Self.commandLines(["--role", "engineer", "--years", "2", "--years-managed", "0"], today: today, site: site))

            // Links the command would refuse are refused with its words; no result is left on show.
            let refusal = try CrossroadsBinary.run(["plan", "--source", site.root.path, "--role", "boss"])
            XCTAssertNotEqual(refusal.exitCode, 0)
            // The command's words, without its "error: " and its hint about the options.
            let words = refusal.stderr.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "error: ", with: "")
                .components(separatedBy: "; give each input")[0]
            try await driver.execute("location.hash = arguments[0]", arguments: ["#plan=v1:role=boss"])
            let noted = try await driver.waitUntil("!document.querySelector('section.planner .pl-note').hidden")
            XCTAssertTrue(noted)
            let note = try await driver.text(of: driver.findElement(css: "section.planner .pl-note"))
            XCTAssertTrue(note.contains(words), "\(note) does not say \(words)")
            let hiddenAfterRefusal = try await driver.execute("return document.querySelector('section.planner .pl-result').hidden", as: Bool.self)
            XCTAssertTrue(hiddenAfterRefusal)
            try await driver.execute("location.hash = arguments[0]", arguments: ["#plan=v9:role=manager"])
            let versionNoted = try await driver.waitUntil("document.querySelector('section.planner .pl-note').textContent.includes('version 9')")
            XCTAssertTrue(versionNoted)
        }
    }
}
