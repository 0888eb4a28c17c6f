import Scoring

/// `{{scoring.…}}` placeholders in the questionnaire's own words (its intro says how many
/// statements there are), filled from the validated questionnaire itself, so no count is typed
/// by hand there either. An unknown name is an error at the line of the field that holds it, in
/// questionnaire.yml or in a catalogue (whose texts are filled from the translated questionnaire,
/// so a band's label reads in the catalogue's language).
enum QuestionnaireWords {
    /// How a field is found in the file: by list position in questionnaire.yml, by id in a catalogue.
    enum Paths { case definition, catalogue }

    static func expand(_ questionnaire: Questionnaire, lines: EntryLines, file: String, paths: Paths = .definition,
                       errors: inout ErrorCollector) -> Questionnaire {
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
        func path(_ list: String, _ index: Int, _ id: String, _ field: String) -> String {
            paths == .definition ? "\(list)[\(index)].\(field)" : "\(list).\(id).\(field)"
        }
        filled.title = questionnaire.title.map { fill($0, at: "title") }
        filled.intro = questionnaire.intro.map { fill($0, at: "intro") }
        for (index, band) in questionnaire.bands.enumerated() {
            filled.bands[index].summary = fill(band.summary, at: path("bands", index, band.id, "summary"))
            filled.bands[index].advice = fill(band.advice, at: path("bands", index, band.id, "advice"))
        }
        for (index, region) in questionnaire.regions.enumerated() {
            filled.regions[index].summary = fill(region.summary, at: path("regions", index, region.id, "summary"))
            filled.regions[index].advice = fill(region.advice, at: path("regions", index, region.id, "advice"))
            filled.regions[index].discuss = region.discuss.enumerated().map { fill($1, at: path("regions", index, region.id, "discuss[\($0)]")) }
        }
        return filled
    }
}
