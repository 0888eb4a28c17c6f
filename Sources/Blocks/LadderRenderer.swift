import Yams

/// Renders ```ladder: the career ladders of a data file, one column per track, top rung first.
struct LadderRenderer {
    var dataFiles: [String: DataFile]
    /// Where each data file's checked ladders are kept for the next block that reads them.
    var decoded = DecodedDataFiles()

    /// `headingLevel`: the level of each track's heading (`FencedBlock.headingLevel`).
    func render(body: String, headingLevel: Int = 3) throws(BlockError) -> String {
        let reference = try DataReference.parse(
            body: body, blockName: "ladder", defaultName: "ladders", selectionKey: "tracks")
        let file = try reference.file(in: dataFiles, blockName: "ladder")
        let ladder = try decoded.ladder(file, blockName: "ladder")

        var shown = ladder.tracks
        if let selection = reference.selection {
            shown = []
            for id in selection {
                guard let track = ladder.tracks.first(where: { $0.id == id }) else {
                    let known = ladder.tracks.map(\.id).joined(separator: ", ")
                    throw BlockError(
                        line: reference.selectionNode?.mark?.line ?? 0,
                        message: "ladder: `tracks` names \"\(id)\", which \(file.path) does not define — use one of: \(known)")
                }
                shown.append(track)
            }
        }

        let title = ladder.title?.trimmingWhitespace.nonEmpty ?? "Career ladders"
        let level = min(max(headingLevel, 1), 6)
        var html = ["<div class=\"ladder\" role=\"group\" aria-label=\"\(escapeHTML(title))\">"]
        for track in shown {
            html.append("<section class=\"ladder-track\" data-track=\"\(escapeHTML(track.id))\">")
            html.append("<h\(level) class=\"ladder-name\">\(escapeHTML(track.name))</h\(level)>")
            if let summary = track.summary?.trimmingWhitespace.nonEmpty {
                html.append("<p class=\"ladder-summary\">\(escapeHTML(summary))</p>")
            }
            // Listed top-down so the top of the ladder is at the top; `reversed` keeps the entry
            // level numbered 1.
            html.append("<ol class=\"ladder-levels\" reversed>")
            for level in track.levels.reversed() {
                // The scope is a paragraph so name and scope stay apart even without the stylesheet.
                var item = "<li class=\"ladder-level\"><span class=\"ladder-level-name\">\(escapeHTML(level.name))</span>"
                if let scope = level.scope?.trimmingWhitespace.nonEmpty {
                    item += "<p class=\"ladder-level-scope\">\(escapeHTML(scope))</p>"
                }
                html.append(item + "</li>")
            }
            html.append("</ol>")
            html.append("</section>")
        }
        html.append("</div>")
        return html.joined(separator: "\n") + "\n"
    }
}
