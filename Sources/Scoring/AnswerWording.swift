/// The words used when answers cannot be scored, kept in one place. `ScoringError` and
/// `AnswerListError` fill them in for `crossroads score`; the questionnaire page gets the same
/// sentences as templates with `{name}` holes (`templatesJSON`), so a refused result link says
/// exactly what the command says about the same answers.
public enum AnswerWording {
    static let listSeparator = ", "

    static func notWholeNumber(position: String, text: String) -> String {
        "answer \(position) is \"\(text)\", not a whole number"
    }

    static func itemReference(number: String, count: String, id: String) -> String {
        "item \(number) of \(count) (\"\(id)\")"
    }

    static func missingAnswers(items: String, min: String, max: String) -> String {
        "no answer for \(items); answer every item with a whole number from \(min) to \(max)"
    }

    /// One answer too many names it; several name their range.
    static func extraAnswers(given: String, count: String, surplus: String) -> String {
        "\(given) answers given for \(count) items; \(surplus) no item, so give exactly one answer per item, in item order"
    }

    static func oneExtraAnswer(given: String) -> String { "answer \(given) matches" }

    static func severalExtraAnswers(first: String, given: String) -> String { "answers \(first)...\(given) match" }

    static func outOfRangeAnswer(answer: String, item: String) -> String { "answer \(answer) for \(item)" }

    static func answersOutOfRange(answers: String, min: String, max: String) -> String {
        "\(answers) outside the scale; answer with a whole number from \(min) to \(max)"
    }

    /// Every sentence above with `{name}` where a value goes, as canonical JSON safe inside
    /// `<script type="application/json">`. The page fills the holes in one pass, so a value that
    /// looks like a hole stays as it is.
    public static func templatesJSON() -> String {
        let templates: [String: String] = [
            "listSeparator": listSeparator,
            "notWholeNumber": notWholeNumber(position: "{position}", text: "{text}"),
            "itemReference": itemReference(number: "{number}", count: "{count}", id: "{id}"),
            "missingAnswers": missingAnswers(items: "{items}", min: "{min}", max: "{max}"),
            "extraAnswers": extraAnswers(given: "{given}", count: "{count}", surplus: "{surplus}"),
            "oneExtraAnswer": oneExtraAnswer(given: "{given}"),
            "severalExtraAnswers": severalExtraAnswers(first: "{first}", given: "{given}"),
            "outOfRangeAnswer": outOfRangeAnswer(answer: "{answer}", item: "{item}"),
            "answersOutOfRange": answersOutOfRange(answers: "{answers}", min: "{min}", max: "{max}"),
        ]
        return JSONValue.object(templates.mapValues(JSONValue.string)).canonicalText
    }
}
