import Markdown
import Scoring

/// The fenced-block renderers the Markdown renderer is given: "chart", "ladder", "level-map",
/// "compare", "bands", "planner".
public struct BlockRenderers: Sendable {
    public let dataFiles: [String: DataFile]
    public let questionnaire: Questionnaire?
    /// The site's pendulum planner, for ```planner (an error names the missing file without it).
    public let planner: Planner?
    /// Each data file decoded once for all the blocks of a build.
    private let decoded = DecodedDataFiles()

    /// `dataFiles` is keyed by name without extension ("ladders"), as `data:` in a block names it.
    public init(dataFiles: [String: DataFile], questionnaire: Questionnaire?, planner: Planner? = nil) {
        self.dataFiles = dataFiles
        self.questionnaire = questionnaire
        self.planner = planner
    }

    /// Each renderer throws a `MarkdownError` of the problem's kind: a problem on a known line of
    /// the block body on the page line (fence line + body line), so the author is sent straight
    /// to it; any other on the fence line, its message naming the data file and line if it has one.
    public var all: [String: FencedBlockRenderer] {
        let dataFiles = dataFiles
        let questionnaire = questionnaire
        let decoded = decoded
        let planner = planner
        return [
            "chart": { block in
                try onPageLines(block) { try renderChart(body: block.code, line: block.line) }
            },
            "ladder": { block in
                try onPageLines(block) { try LadderRenderer(dataFiles: dataFiles, decoded: decoded).render(body: block.code, headingLevel: block.headingLevel) }
            },
            "level-map": { block in
                try onPageLines(block) {
                    try LevelMapRenderer(dataFiles: dataFiles, decoded: decoded).render(body: block.code, headingLevel: block.headingLevel)
                }
            },
            "compare": { block in
                try onPageLines(block) { try CompareRenderer(dataFiles: dataFiles, decoded: decoded).render(body: block.code) }
            },
            "bands": { block in
                try onPageLines(block) { try BandsRenderer(questionnaire: questionnaire).render(body: block.code) }
            },
            "planner": { block in
                try onPageLines(block) { try PlannerRenderer(planner: planner).render(body: block.code, line: block.line, headingLevel: block.headingLevel) }
            },
        ]
    }
}

/// The chart renderer on plain values; `line` only seeds the element ids.
func renderChart(body: String, line: Int) throws(BlockError) -> String {
    let chart = try Chart.parse(body)
    return ChartRenderer(chart: chart, id: stableID(prefix: "chart", code: body, line: line)).render()
}

private func onPageLines(_ block: FencedBlock, _ render: () throws -> String) throws -> String {
    do {
        return try render()
    } catch let error as BlockError where error.file == nil && error.line > 0 {
        // Body line 1 is the line after the opening fence.
        throw MarkdownError(line: block.line + error.line, message: error.message, kind: error.kind)
    } catch let error as BlockError {
        // Its line, if any, is in the data file, which the message names; the page line is the fence.
        throw MarkdownError(line: block.line, message: error.description, kind: error.kind)
    }
}
