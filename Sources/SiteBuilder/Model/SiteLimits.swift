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

    /// The names written in site.yml, in the order docs/errors.md lists them.
    static let settingNames = ["file_bytes", "yaml_alias_values", "yaml_depth", "yaml_values", "markdown_nesting", "table_columns",
                               "table_cells", "headings", "questionnaire_items", "questionnaire_bands", "scale_points",
                               "questionnaire_regions"]

    /// A limit by its site.yml name; nil for a name that is not a limit.
    subscript(setting name: String) -> Int? {
        get {
            switch name {
            case "file_bytes": fileBytes
            case "yaml_alias_values": yamlAliasValues
            case "yaml_depth": yamlDepth
            case "yaml_values": yamlValues
            case "markdown_nesting": markdownNesting
            case "table_columns": tableColumns
            case "table_cells": tableCells
            case "headings": headings
            case "questionnaire_items": questionnaireItems
            case "questionnaire_bands": questionnaireBands
            case "scale_points": scalePoints
            case "questionnaire_regions": questionnaireRegions
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch name {
            case "file_bytes": fileBytes = newValue
            case "yaml_alias_values": yamlAliasValues = newValue
            case "yaml_depth": yamlDepth = newValue
            case "yaml_values": yamlValues = newValue
            case "markdown_nesting": markdownNesting = newValue
            case "table_columns": tableColumns = newValue
            case "table_cells": tableCells = newValue
            case "headings": headings = newValue
            case "questionnaire_items": questionnaireItems = newValue
            case "questionnaire_bands": questionnaireBands = newValue
            case "scale_points": scalePoints = newValue
            case "questionnaire_regions": questionnaireRegions = newValue
            default: break
            }
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
