/// The planner's own sentences (those not written in planner.yml), kept in one place: the command
/// prints them and the page's script gets them in the compiled table (`words`) with `{name}`
/// holes, so a refused share link says what `crossroads plan` says about the same values.
public enum PlannerWording {
    static func checkpoint(date: String, text: String) -> String { "By \(date), \(text)" }

    static func unknownInput(id: String, known: String) -> String {
        "there is no planner input called \"\(id)\"; the inputs are \(known)"
    }

    static func notAnOption(input: String, text: String, options: String) -> String {
        "\(input) is \"\(text)\", which is not one of \(options)"
    }

    static func notWholeNumber(input: String, text: String) -> String {
        "\(input) is \"\(text)\", not a whole number"
    }

    static func outOfRange(input: String, value: String, min: String, max: String) -> String {
        "\(input) is \(value); give a whole number from \(min) to \(max)"
    }

    static func missing(input: String, label: String) -> String {
        "no value for \(input) (\(label))"
    }

    static let listSeparator = ", "

    /// Every sentence above with `{name}` holes.
    static var templates: [String: String] {
        [
            "checkpoint": checkpoint(date: "{date}", text: "{text}"),
            "unknownInput": unknownInput(id: "{id}", known: "{known}"),
            "notAnOption": notAnOption(input: "{input}", text: "{text}", options: "{options}"),
            "notWholeNumber": notWholeNumber(input: "{input}", text: "{text}"),
            "outOfRange": outOfRange(input: "{input}", value: "{value}", min: "{min}", max: "{max}"),
            "missing": missing(input: "{input}", label: "{label}"),
            "listSeparator": listSeparator,
        ].merging(resultTemplates) { first, _ in first }
    }
}

/// Why the planner cannot evaluate the values it was given.
public struct PlannerValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Fills `{name}` holes in one pass, so a value that looks like a hole stays as it is; a hole with
/// no value is left as written (validation refuses unknown holes in planner.yml).
func fillHoles(_ template: String, _ values: [String: String]) -> String {
    var output = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
        output += rest[..<open]
        let afterOpen = rest.index(after: open)
        if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
            output += value
            rest = rest[rest.index(after: close)...]
        } else {
            output += "{"
            rest = rest[afterOpen...]
        }
    }
    return output + rest
}

/// The `{name}` holes a text uses: names of letters only, as the page's script reads them.
func holeNames(in text: String) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
        let name = rest[afterOpen..<close]
        if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) { names.append(String(name)) }
        rest = rest[afterOpen...]
    }
    return names
}

extension PlannerWording {
    /// Headings and fixed lines of a result, shared by the page and `crossroads plan`.
    static func standing(date: String) -> String { "Where you stand in \(date)" }
    static let checkpointsTitle = "Checkpoints ahead"
    static let noCheckpoints = "No dated threshold lies ahead of you on these answers."
    static func cited(text: String, source: String) -> String { "\(text) (\(source))" }

    static var resultTemplates: [String: String] {
        ["standing": standing(date: "{date}"), "checkpointsTitle": checkpointsTitle, "noCheckpoints": noCheckpoints,
         "cited": cited(text: "{text}", source: "{source}")]
    }
}
