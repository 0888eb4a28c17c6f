import Foundation
import Scoring
import Yams

/// The instruments' words in other languages: `content/questionnaire.<code>.yml` and
/// `content/planner.<code>.yml`, keyed by the ids of the one definition (`QuestionnaireCatalogue`,
/// `PlannerCatalogue`). Every problem is an error at the catalogue's file and line.
enum CatalogueLoader {
    enum Instrument: String, Sendable { case questionnaire, planner }

    /// `questionnaire.de.yml` -> (questionnaire, "de"): a file at the top of `content/` whose name
    /// is an instrument's, a language code and the YAML extension. Nil for anything else.
    static func catalogue(named relative: String) -> (instrument: Instrument, code: String)? {
        guard !relative.contains("/") else { return nil }
        let parts = relative.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["yml", "yaml"].contains(parts[2]), let instrument = Instrument(rawValue: String(parts[0])),
              !parts[1].isEmpty else { return nil }
        return (instrument, String(parts[1]))
    }

    static func loadQuestionnaire(_ text: String, file: String, definition: Questionnaire, limits: SiteLimits,
                                  errors: inout ErrorCollector) -> TranslatedQuestionnaire? {
        guard let root = DecodingProblem.root(of: text, file: file, limits: limits, errors: &errors),
              let catalogue = DecodingProblem.decode(
                QuestionnaireCatalogue.self, from: root, file: file, document: "questionnaire catalogue", fieldHelp: fieldHelp,
                typeHelp: "check the value's type: every entry is text keyed by an id of questionnaire.yml (regions' discuss is a list of text)",
                errors: &errors) else { return nil }
        let lines = EntryLines(root)
        switch catalogue.translate(definition) {
        case .failure(let failure):
            add(failure, file: file, lines: lines, instrument: "questionnaire", errors: &errors)
            return nil
        case .success(var translated):
            var wordErrors = ErrorCollector()
            translated.questionnaire = QuestionnaireWords.expand(translated.questionnaire, lines: lines, file: file, paths: .catalogue, errors: &wordErrors)
            errors.add(contentsOf: wordErrors.errors)
            return wordErrors.errors.isEmpty ? translated : nil
        }
    }

    static func loadPlanner(_ text: String, file: String, definition: Planner, limits: SiteLimits, errors: inout ErrorCollector) -> Planner? {
        guard let root = DecodingProblem.root(of: text, file: file, limits: limits, errors: &errors),
              let catalogue = DecodingProblem.decode(
                PlannerCatalogue.self, from: root, file: file, document: "planner catalogue", fieldHelp: fieldHelp,
                typeHelp: "check the value's type: every entry is text keyed by an id of planner.yml; months is a list of twelve names",
                errors: &errors) else { return nil }
        switch catalogue.translate(definition) {
        case .failure(let failure):
            add(failure, file: file, lines: EntryLines(root), instrument: "planner", errors: &errors)
            return nil
        case .success(let translated):
            return translated
        }
    }

    private static let fieldHelp = "docs/writing-guides.md, \"Catalogues\", lists every key"

    private static func add(_ failure: CatalogueProblems, file: String, lines: EntryLines, instrument: String, errors: inout ErrorCollector) {
        for problem in failure.problems {
            errors.add(SiteError(file: file, line: lines.line(for: problem.path), message: "\(problem.path): \(problem.message)",
                                 fix: "give the words of every id of \(instrument).yml, and nothing else (docs/writing-guides.md, \"Catalogues\")"))
        }
    }

    /// A catalogue whose language the site does not have, or whose instrument it does not have.
    static func orphanProblem(file: String, instrument: Instrument, code: String, languages: [String], hasDefinition: Bool) -> SiteError? {
        if !languages.contains(code) {
            return SiteError(file: file, message: "this is the \(instrument.rawValue)'s catalogue for the language \"\(code)\", which site.yml does not list (its languages: \(languages.joined(separator: ", ")))",
                             fix: "add \(code) under `languages:` in site.yml, or rename or remove the file")
        }
        if !hasDefinition {
            return SiteError(file: file, message: "this catalogue translates content/\(instrument.rawValue).yml, which does not exist or does not load",
                             fix: "create content/\(instrument.rawValue).yml (docs/writing-guides.md), or remove this file")
        }
        return nil
    }
}

extension SiteLoader {
    /// The questionnaire in `language`'s words, for `crossroads score --lang`: its catalogue's
    /// translation, or the definition itself for the default language without one.
    public func loadQuestionnaire(language: String) throws -> TranslatedQuestionnaire {
        let definition = try loadQuestionnaire()
        return try translation(language, instrument: .questionnaire, otherwise: TranslatedQuestionnaire(questionnaire: definition, wording: .english)) { text, file, limits, errors in
            CatalogueLoader.loadQuestionnaire(text, file: file, definition: definition, limits: limits, errors: &errors)
        }
    }

    /// The planner in `language`'s words, for `crossroads plan --lang`.
    public func loadPlanner(language: String) throws -> Planner {
        let definition = try loadPlanner()
        return try translation(language, instrument: .planner, otherwise: definition) { text, file, limits, errors in
            CatalogueLoader.loadPlanner(text, file: file, definition: definition, limits: limits, errors: &errors)
        }
    }

    private func translation<Value>(_ language: String, instrument: CatalogueLoader.Instrument, otherwise: Value,
                                    _ load: (String, String, SiteLimits, inout ErrorCollector) -> Value?) throws -> Value {
        var configErrors = ErrorCollector()
        let config = loadConfig(&configErrors)
        guard config.themeLanguages.contains(language) else {
            throw BuildFailure([SiteError(file: "site.yml", message: "the site has no language \"\(language)\"; its languages are \(config.themeLanguages.joined(separator: ", "))",
                                          fix: "pass one of them to --lang, or add \(language) under `languages:` in site.yml")])
        }
        let file = ["yml", "yaml"].map { "content/\(instrument.rawValue).\(language).\($0)" }
            .first { FileManager.default.fileExists(atPath: sourceFolder.appendingPathComponent($0).path) }
        guard let file else {
            if language == config.language { return otherwise }
            throw BuildFailure([SiteError(file: "content/\(instrument.rawValue).\(language).yml", message: "the \(instrument.rawValue) has no catalogue for \"\(language)\"",
                                          fix: "write content/\(instrument.rawValue).\(language).yml (docs/writing-guides.md, \"Catalogues\")")])
        }
        return try loadAlone(file, load)
    }
}
