/// The pendulum planner: a second instrument, defined as data (`content/planner.yml`). A reader
/// gives a few whole numbers and choices (current role, years in it, years from hands-on work,
/// team size ...); rules with thresholds taken from the sources say where the reader stands and
/// when, by the calendar, each threshold will be crossed. Like the questionnaire it is validated,
/// evaluated with integers only and compiled into a canonical table (`PlannerTable`) that the page
/// embeds and a small script interprets.
public struct Planner: Decodable, Sendable, Equatable {
    /// Stable id; the page's share links name it.
    public var id: String
    /// Bumped whenever inputs or rules change, so old share links are refused rather than misread.
    public var version: Int
    public var title: String?
    public var intro: String?
    /// The works the rules cite, by id.
    public var sources: [PlannerSource]
    /// In the order asked.
    public var inputs: [PlannerInput]
    /// In the order shown.
    public var rules: [PlannerRule]
    /// The sentences of results and refusals, in the language of the words above: English for
    /// planner.yml, the catalogue's for a translation (`PlannerCatalogue`).
    public var wording: PlannerWording = .english

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, version, title, intro, sources, inputs, rules
    }

    public func input(_ id: String) -> PlannerInput? { inputs.first { $0.id == id } }
    public func source(_ id: String) -> PlannerSource? { sources.first { $0.id == id } }
}

extension Planner {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), version: fields(.version), title: fields.optional(.title), intro: fields.optional(.intro),
                      sources: fields(.sources), inputs: fields(.inputs), rules: fields(.rules))
    }
}

/// A work the planner's rules cite: `S5` -> "The Engineer/Manager Pendulum", Charity Majors, 2017.
public struct PlannerSource: Decodable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var author: String?
    public var year: Int?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, title, author, year }

    /// "Charity Majors, 2017" (the title when there is no author), as a result's lines cite it.
    public var short: String {
        guard let author else { return title }
        return year.map { "\(author), \($0)" } ?? author
    }

    /// "The Engineer/Manager Pendulum (Charity Majors, 2017)", as the rules table prints it.
    public var citation: String {
        let details = [author, year.map(String.init)].compactMap { $0 }
        return details.isEmpty ? title : "\(title) (\(details.joined(separator: ", ")))"
    }
}

extension PlannerSource {
    public init(from decoder: any Decoder) throws {
        let fields = try StrictFields(decoder, CodingKeys.self)
        try self.init(id: fields(.id), title: fields(.title), author: fields.optional(.author), year: fields.optional(.year))
    }
}
