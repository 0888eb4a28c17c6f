import Scoring

/// `{{scoring.…}}` placeholders in the questionnaire's own words (its intro says how many
/// statements there are), filled from the validated questionnaire itself, so no count is typed
/// by hand there either. An unknown name is an error at the line of the field that holds it.
enum QuestionnaireWords {
    static func expand(_ questionnaire: Questionnaire, lines: EntryLines, file: String, errors: inout ErrorCollector) -> Questionnaire {
        let values = questionnaire.placeholderValues()
        var filled = questionnaire
        func fill(_ text: String, at path: String) -> String {
            let expanded = Placeholders.expand(text, values: values)
            for unknown in expanded.unknown {
                errors.add(SiteError(file: file, line: lines.line(for: path), message: "\(path): unknown placeholder {{\(unknown.name)}}",
                                     fix: "use one of: \(values.keys.sorted().joined(separator: ", ")); write \\{{ for a literal {{"))
            }
            return expanded.text
        }
        filled.title = questionnaire.title.map { fill($0, at: "title") }
        filled.intro = questionnaire.intro.map { fill($0, at: "intro") }
        for index in filled.bands.indices {
            filled.bands[index].summary = fill(filled.bands[index].summary, at: "bands[\(index)].summary")
            filled.bands[index].advice = fill(filled.bands[index].advice, at: "bands[\(index)].advice")
        }
        for index in filled.regions.indices {
            filled.regions[index].summary = fill(filled.regions[index].summary, at: "regions[\(index)].summary")
            filled.regions[index].advice = fill(filled.regions[index].advice, at: "regions[\(index)].advice")
            filled.regions[index].discuss = filled.regions[index].discuss.enumerated().map { fill($1, at: "regions[\(index)].discuss[\($0)]") }
        }
        return filled
    }
}
