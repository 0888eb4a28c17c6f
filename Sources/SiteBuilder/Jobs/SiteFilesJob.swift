import Foundation
import Scoring

extension SiteRenderer {
    /// What every build writes whatever `outputs:` says: the theme's assets, which every page
    /// loads, and the questionnaire's scoring table (and, for tests, its golden vectors).
    func siteFilesJob(_ keys: OutputKeys, emitGolden: Bool) -> OutputJob {
        var paths = assets.files.map(\.sitePath)
        if model.questionnaire != nil { paths.append("scoring-table.json") }
        if model.questionnaire != nil && emitGolden { paths.append("golden-vectors.json") }
        // The scoring table and golden vectors are the questionnaire's, which `dataHash` covers.
        let key = StableHash.combine([keys.globalHash, keys.dataHash, emitGolden ? 1 : 0])
        return OutputJob(kind: .pages, paths: paths, key: { key }) { writer, _ in
            for file in assets.files { try writer.write(OutputPath(sitePath: file.sitePath), file.data) }
            if let questionnaire = model.questionnaire {
                try writer.write(OutputPath(sitePath: "scoring-table.json"), questionnaire.tableJSON + "\n")
                if emitGolden {
                    let vectors = GoldenVectors.generate(for: questionnaire.definition, randomCount: 2_000, seed: 20_261_125)
                    try writer.write(OutputPath(sitePath: "golden-vectors.json"), GoldenVectors.json(vectors) + "\n")
                }
            }
            return []
        }
    }
}
