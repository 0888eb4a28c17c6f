/// The planner's own sentences in one language (those not written in planner.yml): the command
/// prints them, the planner block prints some, and the page's script gets them in the words JSON
/// (`Planner.wordsJSON`) with `{name}` holes, so a refused share link says what `crossroads plan`
/// says about the same values. English is built in; another language's come from the `words:` and
/// `months:` of its catalogue (`PlannerCatalogue`), every key with the same holes.
public struct PlannerWording: Sendable, Equatable {
    /// Key -> template, every key of `english`.
    public let templates: [String: String]
    /// January first.
    public let months: [String]

    init(templates: [String: String], months: [String]) {
        self.templates = templates
        self.months = months
    }

    public static let english = PlannerWording(templates: [
        // Evaluation and refusals: `Planner.evaluate`, `readValues` and the page's share links.
        "checkpoint": "By {date}, {text}",
        "unknownInput": "there is no planner input called \"{id}\"; the inputs are {known}",
        "notAnOption": "{input} is \"{text}\", which is not one of {options}",
        "notWholeNumber": "{input} is \"{text}\", not a whole number",
        "outOfRange": "{input} is {value}; give a whole number from {min} to {max}",
        "missing": "no value for {input} ({label})",
        "listSeparator": ", ",
        // A result's lines, shared by the page and `crossroads plan`.
        "standing": "Where you stand in {date}",
        "checkpointsTitle": "Checkpoints ahead",
        "noCheckpoints": "No dated threshold lies ahead of you on these answers.",
        "cited": "{text} ({source})",
        "month": "{month} {year}",
        // The planner block and its script.
        "defaultTitle": "The planner",
        "noScript": "The interactive planner needs JavaScript. The table below lists every rule it applies, with its threshold and source.",
        "shareLabel": "Link to this plan",
        "copy": "Copy link",
        "privacy": "The link holds your answers after the {hash}, which browsers never send to a server.",
        "rulesCaption": "Every rule the planner applies",
        "columnGuidance": "Guidance",
        "columnAppliesTo": "Applies to",
        "columnThreshold": "Threshold",
        "columnSource": "Source",
        "everyone": "Everyone",
        "conditionRange": "{input} from {min} to {max}{unit}",
        "conditionAtLeast": "{input} at least {min}{unit}",
        "conditionAtMost": "{input} at most {max}{unit}",
        "optionSeparator": " or ",
        "conditionSeparator": "; ",
        "stillToAnswer": "Still to answer: {inputs}.",
        "refusedVersion": "The plan link was made for version {linkVersion} of this planner; its questions have changed since (this is version {version}), so it cannot be shown.",
        "refusedValues": "The plan link cannot be shown: {message}.",
        "refusedDamaged": "The plan link is damaged, so it cannot be shown.",
        // `crossroads plan`.
        "link": "Link: {link}",
    ], months: ["January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December"])

    /// The template `key` with its holes filled in one pass.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        fillHoles(templates[key] ?? "", values)
    }

    public var listSeparator: String { templates["listSeparator"] ?? ", " }

    /// "March 2028" in this language.
    public func name(of month: PlanMonth) -> String {
        self("month", ["month": months.indices.contains(month.month - 1) ? months[month.month - 1] : "", "year": String(month.year)])
    }

    func checkpoint(date: String, text: String) -> String { self("checkpoint", ["date": date, "text": text]) }
    func standing(date: String) -> String { self("standing", ["date": date]) }
    func cited(text: String, source: String) -> String { self("cited", ["text": text, "source": source]) }
}

/// Why the planner cannot evaluate the values it was given.
public struct PlannerValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
