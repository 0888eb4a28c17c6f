import Blocks
import Markdown
import Scoring

/// Bounds on every input, so that hostile or careless content fails with an error naming the
/// file and the limit instead of running for minutes or exhausting memory. Each limit can be
/// raised in site.yml under `limits:` (site.yml itself is read with the defaults).
struct SiteLimits: Sendable, Equatable {
    var fileBytes = 4_000_000
    var yamlAliasValues = YAMLBounds.default.maxAliasValues
    var yamlDepth = YAMLBounds.default.maxDepth
    var yamlValues = YAMLBounds.default.maxValues
    var markdownNesting = MarkdownOptions().maxNesting
    var tableColumns = MarkdownOptions().maxTableColumns
    var tableCells = MarkdownOptions().maxTableCells
    var headings = MarkdownOptions().maxHeadings
    var questionnaireItems = QuestionnaireLimits.default.maxItems
    var questionnaireBands = QuestionnaireLimits.default.maxBands
    var scalePoints = QuestionnaireLimits.default.maxScalePoints
    var questionnaireRegions = QuestionnaireLimits.default.maxRegions

    init() {}

    /// The names written in site.yml, in the order docs/errors.md lists them, and the limit each sets.
    /// (Key paths are not `Sendable`, so the table is made where it is read, not kept.)
    private static var settings: [(name: String, limit: WritableKeyPath<SiteLimits, Int>)] {
        [
            ("file_bytes", \.fileBytes), ("yaml_alias_values", \.yamlAliasValues), ("yaml_depth", \.yamlDepth),
            ("yaml_values", \.yamlValues), ("markdown_nesting", \.markdownNesting), ("table_columns", \.tableColumns),
            ("table_cells", \.tableCells), ("headings", \.headings), ("questionnaire_items", \.questionnaireItems),
            ("questionnaire_bands", \.questionnaireBands), ("scale_points", \.scalePoints), ("questionnaire_regions", \.questionnaireRegions),
        ]
    }

    static let settingNames = settings.map(\.name)

    /// A limit by its site.yml name; nil for a name that is not a limit.
    subscript(setting name: String) -> Int? {
        get {
            Self.settings.first { $0.name == name }.map { self[keyPath: $0.limit] }
        }
        set {
            guard let newValue, let limit = Self.settings.first(where: { $0.name == name })?.limit else { return }
            self[keyPath: limit] = newValue
        }
    }

    var yaml: YAMLBounds { YAMLBounds(maxAliasValues: yamlAliasValues, maxDepth: yamlDepth, maxValues: yamlValues) }

    var questionnaire: QuestionnaireLimits {
        QuestionnaireLimits(maxItems: questionnaireItems, maxBands: questionnaireBands, maxScalePoints: scalePoints,
                            maxRegions: questionnaireRegions)
    }

    func apply(to options: inout MarkdownOptions) {
        options.maxInputBytes = fileBytes
        options.maxNesting = markdownNesting
        options.maxTableColumns = tableColumns
        options.maxTableCells = tableCells
        options.maxHeadings = headings
    }

    /// The `fix:` line for an input over the limit called `name`.
    func raiseFix(_ name: String, otherwise: String) -> String {
        let doubled = (self[setting: name] ?? 0).multipliedReportingOverflow(by: 2)
        let example = doubled.overflow ? Int.max : doubled.partialValue
        return "\(otherwise), or raise the limit in site.yml: `limits: {\(name): \(example)}`"
    }
}
