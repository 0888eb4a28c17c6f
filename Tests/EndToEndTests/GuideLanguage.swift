import Foundation
import Yams

/// A language the default guides are written in, as the site's `site.yml` lists it: where its
/// pages are built, and the words the content tests look for in that language. Every rule about
/// the guides is written once in a test and reads its wording from here, so a German page is held
/// to the same rule as its English original, in German.
struct GuideLanguage: Equatable, Sendable {
    let code: String
    /// The default language is built at the root, every other one under `<code>/`.
    let isDefault: Bool
    let wording: GuideWording

    static func == (left: GuideLanguage, right: GuideLanguage) -> Bool { left.code == right.code }

    /// Where this language's pages go inside the output folder: "" or e.g. "de/".
    var outputPrefix: String { isDefault ? "" : code + "/" }

    /// The languages of the site at `root`: `languages:` in site.yml, or `language:` alone (as
    /// before issue 18). The default language comes first.
    static func all(ofSiteAt root: URL) throws -> [GuideLanguage] {
        let text = try String(contentsOf: root.appendingPathComponent("site.yml"), encoding: .utf8)
        let site = try Yams.load(yaml: text) as? [String: Any] ?? [:]
        let defaultCode = site["language"] as? String ?? "en"
        let listed = (site["languages"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        let codes = [defaultCode] + listed.filter { $0 != defaultCode }
        return try codes.map { code in
            guard let wording = GuideWording.byCode[code] else {
                throw SupportError("site.yml lists language \(code), but the content tests have no GuideWording for it: add one in GuideLanguage.swift")
            }
            return GuideLanguage(code: code, isDefault: code == defaultCode, wording: wording)
        }
    }
}

/// The words of one language that the content tests look for. Names, titles of sources and
/// figures are the same in every language and stay in the tests themselves.
struct GuideWording: Sendable {
    /// A rule about a source's hedge: every paragraph that matches `pattern` says each of
    /// `mustSay` and none of `mustNotSay`.
    struct Hedge: Sendable {
        let pattern: String
        let mustSay: [String]
        let mustNotSay: [String]
    }

    /// A section that holds one composite story: the page (its default-language content path)
    /// and the section's heading in this language.
    struct StorySection: Sendable {
        let page: String
        let heading: String
    }

    /// The heading of a page's own list of sources, as written in Markdown, and its id.
    let sourcesHeading: String
    let sourcesHeadingID: String
    /// Phrases (beside the names every language shares) that only one source supplies, by source id.
    let sourceMarkers: [String: [String]]
    /// The month of the survey, as the sources page dates it.
    let surveyMonth: String
    /// Wording that would credit a source with something it does not contain, or copy its words.
    let inventedOrCopied: [String]
    /// What the ladders page takes from S2 (and must never credit to S1).
    let ladderClaims: [String]
    /// How the sources page says that S2's ladder starts (with `ladderClaims` in S2's section).
    let ladderFirstSteps: String
    /// The one way a page may name a staff rung beside S2: to say that S2 names none.
    let noStaffRung: String
    let hedges: [Hedge]
    /// The survey's respondents' fields, named before any figure of the survey.
    let surveyFields: [String]
    /// The bold words that open a composite story, a story's own disclaimers, and (a regular
    /// expression) the credit line saying that the page's story is not a source's.
    let storyMarker: String
    let storyDisclaimers: [String]
    let storyCreditPattern: String
    /// A word that would tie a story to a source (beside the sources' authors' names).
    let storySourceWords: [String]
    let storySections: [StorySection]
    /// The missing ideas of issue 15, by default-language content path: words the built page shows.
    let missingIdeas: [(page: String, words: [String])]
    /// Words around which a typed number would be a band edge or the maximum (a regex group).
    let scoringWords: String

    static let byCode: [String: GuideWording] = ["en": .english, "de": .german]

    static let english = GuideWording(
        sourcesHeading: "## Sources",
        sourcesHeadingID: "sources",
        sourceMarkers: [
            "S1": ["up or out", "go far", "two full-time jobs", "basketball coach"],
            "S2": ["coffee chat", "coffee-chat", "three to four years", "3-4 years", "work-life balance"],
            "S4": ["micro skill", "96 attendees", "23 countries", "52%", "52 percent", "44%", "44 percent"],
        ],
        surveyMonth: "October 2024",
        inventedOrCopied: ["as cited there", "at the bench", "ran the workshop", "paid by the day", "time, space and connections", "bad at it for a long"],
        ladderClaims: ["management ladder", "hybrid"],
        ladderFirstSteps: "first steps",
        noStaffRung: "names no \"staff\"",
        hedges: [
            Hedge(pattern: #"up or out"#, mustSay: ["job"], mustNotSay: []),
            Hedge(pattern: #"(three|3) (or|to|-) ?(four|4) years|3-4 years"#, mustSay: ["harder"], mustNotSay: ["becomes hard", "gets hard", "genuinely difficult"]),
            Hedge(pattern: #"going with the flow"#, mustSay: ["peers"], mustNotSay: ["manager left"]),
        ],
        surveyFields: ["higher education", "HR", "oil and gas", "consulting", "law"],
        storyMarker: "Illustrative story",
        storyDisclaimers: ["composite", "not a real person"],
        storyCreditPattern: "story on this page is illustrative",
        storySourceWords: ["consultant"],
        storySections: [
            StorySection(page: "comparisons/choosing.md", heading: "## Know your why"),
            StorySection(page: "pendulum/what-managing-teaches.md", heading: "## Why it makes better engineers"),
            StorySection(page: "pitfalls/forced-ladder.md", heading: "## Who pays for a forced manager"),
            StorySection(page: "pendulum/going-back.md", heading: "## What going back can cost"),
        ],
        missingIdeas: [
            ("pendulum/what-managing-teaches.md", ["leaf", "uncomfortable", "conflicts", "how the business", "both toolsets", "Charity Majors, 2017"]),
            ("pitfalls/forced-ladder.md", ["reports", "mentor", "change of profession", "Charity Majors, 2017"]),
            ("pendulum/going-back.md", ["lower", "interview", "layers", "general knowledge", "Will Larson", "Staff Engineer", "2021", "right hand"]),
            ("comparisons/choosing.md", ["peers", "authority", "pay", "not for me", "soft skills", "certain"]),
        ],
        scoringWords: #"(band|total|score|points|threshold|above|below|between|range|result)"#
    )

    static let german = GuideWording(
        sourcesHeading: "## Quellen",
        sourcesHeadingID: "quellen",
        sourceMarkers: [
            "S1": ["up or out", "weit gehen", "weiten Gehen", "zwei Vollzeitjobs", "Basketballtrainer"],
            "S2": ["Kaffee-Chat", "drei bis vier Jahre", "3–4 Jahre", "Work-Life-Balance"],
            "S4": ["Mikrofähigkeit", "96 Teilnehmende", "96 Menschen", "23 Ländern", "52 %", "52 Prozent", "44 %", "44 Prozent"],
        ],
        surveyMonth: "Oktober 2024",
        inventedOrCopied: ["wie dort zitiert", "an der Werkbank", "leitete die Werkstatt", "Tagelohn", "Zeit, Raum und Verbindungen", "lange schlecht darin"],
        ladderClaims: ["Führungsleiter", "Mischung"],
        ladderFirstSteps: "ersten Stufen",
        noStaffRung: "nennt keine Stufe „Staff“",
        hedges: [
            Hedge(pattern: #"up or out"#, mustSay: ["Job"], mustNotSay: []),
            Hedge(pattern: #"(drei|3) ?(oder|bis|–|-) ?(vier|4) Jahre"#, mustSay: ["schwerer"], mustNotSay: ["wird schwer ", "unmöglich macht", "wirklich schwierig", "zu spät"]),
            Hedge(pattern: #"mit dem Strom"#, mustSay: ["Kolleg"], mustNotSay: ["Führungskraft gegangen", "Chef gegangen", "Führungskraft ging"]),
        ],
        surveyFields: ["Hochschulen", "Personalwesen", "Öl und Gas", "Unternehmensberatung", "Recht"],
        storyMarker: "Beispielgeschichte",
        storyDisclaimers: ["zusammengesetzt", "keine reale Person"],
        storyCreditPattern: "[Gg]eschichte auf dieser Seite ist (ein )?erfunden",
        storySourceWords: ["Berater"],
        storySections: [
            StorySection(page: "comparisons/choosing.md", heading: "## Kenne dein Warum"),
            StorySection(page: "pendulum/what-managing-teaches.md", heading: "## Warum es bessere Engineers macht"),
            StorySection(page: "pitfalls/forced-ladder.md", heading: "## Wer den Preis für erzwungene Führung zahlt"),
            StorySection(page: "pendulum/going-back.md", heading: "## Was der Wechsel kosten kann"),
        ],
        missingIdeas: [
            ("pendulum/what-managing-teaches.md", ["Blattknoten", "unbequem", "Konflikt", "wie das Geschäft", "beiden Werkzeugk", "Charity Majors, 2017"]),
            ("pitfalls/forced-ladder.md", ["Team", "anleiten", "Berufswechsel", "Charity Majors, 2017"]),
            ("pendulum/going-back.md", ["tiefer", "interview", "Ebenen", "allgemeines Wissen", "Will Larson", "Staff Engineer", "2021", "Right Hand"]),
            ("comparisons/choosing.md", ["Kolleg", "Macht", "Geld", "nichts für mich", "Soft Skills", "Gewissheit"]),
        ],
        scoringWords: #"(Band|Bereich|Summe|Gesamt\w*|Punkte\w*|Schwelle|über|unter|zwischen|Spanne|Ergebnis\w*|Wert\w*)"#
    )
}
