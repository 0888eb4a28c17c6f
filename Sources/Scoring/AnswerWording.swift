/// The questionnaire's own sentences in one language (those not written in questionnaire.yml):
/// why answers cannot be scored, what the page's script writes around a result, and the lines of
/// `crossroads score`. Each is a template with `{name}` holes. English is built in; another
/// language's come from the `words:` of its catalogue (`QuestionnaireCatalogue`), which must give
/// every key with the same holes. The page gets them in its words JSON (`Questionnaire.wordsJSON`),
/// so a refused result link says exactly what the command says about the same answers, in the
/// page's language.
public struct AnswerWording: Sendable, Equatable {
    /// Key -> template, every key of `english`.
    public let templates: [String: String]

    init(templates: [String: String]) { self.templates = templates }

    public static let english = AnswerWording(templates: [
        // Why answers are refused: `ScoringError`, `AnswerListError` and the page's result links.
        "listSeparator": ", ",
        "notWholeNumber": "answer {position} is \"{text}\", not a whole number",
        "itemReference": "item {number} of {count} (\"{id}\")",
        "missingAnswers": "no answer for {items}; answer every item with a whole number from {min} to {max}",
        "extraAnswers": "{given} answers given for {count} items; {surplus} no item, so give exactly one answer per item, in item order",
        "oneExtraAnswer": "answer {given} matches",
        "severalExtraAnswers": "answers {first}...{given} match",
        "outOfRangeAnswer": "answer {answer} for {item}",
        "answersOutOfRange": "{answers} outside the scale; answer with a whole number from {min} to {max}",
        "unknownItemIds": "answers given for item ids the questionnaire does not have: {ids}; use the ids from the questionnaire",
        // The page's script.
        "progressOne": "Statement {number} of {count} · {answered} answered",
        "progressAll": "{answered} of {count} answered",
        "missingOne": "One statement has no answer yet:",
        "missingSeveral": "{count} statements have no answer yet:",
        "missingAnnounce": "{title} statement {numbers}.",
        "missingLink": "Statement {number}: {text}",
        "total": "Your total is {total}, on a range from {min} to {max}. This result covers totals from {bandMin} to {bandMax}.",
        "edgeBelow": "{points} points fewer would give “{label}”",
        "edgeAbove": "{points} points more would give “{label}”",
        "edges": "How close the edges are: {edges}.",
        "edgeSeparator": "; ",
        "dimensionTotal": "{total} of {max}",
        "pullWhy": "Statement {number}: you answered {answer}, which pulled toward “{label}”.",
        "noPulls": "Every answer sat in the middle of the scale.",
        "announce": "Your result: {label}. Total {total} of {max}.",
        "spectrumLabel": "Your total {total} on the range {min} to {max}: {bands}",
        "spectrumBand": "{label} {min} to {max}",
        "legendRow": "{min}–{max}: {label}",
        "pullText": "Pull toward mastery: {mastery} %. Pull toward management: {management} %. Region: {label} (mastery {masteryMin}–{masteryMax} %, management {managementMin}–{managementMax} %).",
        "mapLabel": "Map of the two pulls: mastery {mastery} % across, management {management} % up, in the region {label}",
        "mapAxisMastery": "Pull toward mastery, 0–100 %",
        "mapAxisManagement": "Pull toward management, 0–100 %",
        "sheetMeta": "Date: {date} · Questionnaire version {version}",
        "sheetResult": "Total {total} of {max}: {label} ({bandMin}–{bandMax}).",
        "sheetPulls": "Pull toward mastery {mastery} %, toward management {management} %: {label}.",
        "cleared": "Your answers were cleared.",
        "undo": "Undo",
        "clearedAnnounce": "Your answers were cleared. An Undo button is above the statements.",
        "restored": "Your answers are back.",
        "sharedNote": "This is a result from a shared link. Your own saved answers are untouched until you change an answer here.",
        "refusedVersion": "The result link was made for version {linkVersion} of this questionnaire; the statements have changed since (this is version {version}), so it cannot be shown. You can answer again below.",
        "refusedAnswers": "The result link cannot be shown: {message}. You can answer again below.",
        "refusedDamaged": "The result link is damaged, so it cannot be shown. You can answer again below.",
        "welcomeBack": "Welcome back: your earlier answers were kept on this device. “Start over” clears them.",
        "copied": "Link copied.",
        "copyByHand": "Select the link and copy it.",
        // `crossroads score`.
        "reportTotal": "Total: {total} of {max}",
        "reportBand": "Band: {label} ({id}, {min}–{max})",
        "reportMastery": "Pull toward mastery: {percent} % ({points} of {max} points)",
        "reportManagement": "Pull toward management: {percent} % ({points} of {max} points)",
        "reportRegion": "Region: {label} ({id}, mastery {masteryMin}–{masteryMax} %, management {managementMin}–{managementMax} %)",
        "reportDimensions": "Dimensions:",
        "reportDimension": "{id}: {total} of {max}",
        "reportContributions": "Contributions:",
        "reportContribution": "{id}: answer {answer} -> {points} points",
    ])

    /// The template `key` with its holes filled (in one pass, so a value that looks like a hole
    /// stays as it is).
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        fillHoles(templates[key] ?? "", values)
    }

    public var listSeparator: String { templates["listSeparator"] ?? ", " }

    func notWholeNumber(position: String, text: String) -> String { self("notWholeNumber", ["position": position, "text": text]) }

    func itemReference(number: String, count: String, id: String) -> String {
        self("itemReference", ["number": number, "count": count, "id": id])
    }

    func missingAnswers(items: String, min: String, max: String) -> String {
        self("missingAnswers", ["items": items, "min": min, "max": max])
    }

    /// One answer too many names it; several name their range.
    func extraAnswers(given: String, count: String, surplus: String) -> String {
        self("extraAnswers", ["given": given, "count": count, "surplus": surplus])
    }

    func oneExtraAnswer(given: String) -> String { self("oneExtraAnswer", ["given": given]) }

    func severalExtraAnswers(first: String, given: String) -> String { self("severalExtraAnswers", ["first": first, "given": given]) }

    func outOfRangeAnswer(answer: String, item: String) -> String { self("outOfRangeAnswer", ["answer": answer, "item": item]) }

    func answersOutOfRange(answers: String, min: String, max: String) -> String {
        self("answersOutOfRange", ["answers": answers, "min": min, "max": max])
    }

    /// The templates as canonical JSON, safe inside `<script type="application/json">`.
    public func json() -> String {
        JSONValue.object(templates.mapValues(JSONValue.string)).canonicalText
    }
}
