/// Renders ```level-map: the `map` of a ladder data file as a table with one column per track and
/// one row per rung (top rung first, as on the ladder), then, per track, one collapsible "from X
/// to Y" view per step up, with both levels' scopes and what changes. Plain table and
/// details/summary elements: readable without the stylesheet or JavaScript, and by screen readers.
struct LevelMapRenderer {
    var dataFiles: [String: DataFile]
    /// Where each data file's checked ladders are kept for the next block that reads them.
    var decoded = DecodedDataFiles()

    /// `headingLevel`: the level of each track's "what changes" heading (`FencedBlock.headingLevel`).
    func render(body: String, headingLevel: Int = 3) throws(BlockError) -> String {
        let reference = try DataReference.parse(
            body: body, blockName: "level-map", defaultName: "ladders", selectionKey: nil)
        let file = try reference.file(in: dataFiles, blockName: "level-map")
        let ladder = try decoded.ladder(file, blockName: "level-map")
        guard let map = ladder.map else {
            throw BlockError(
                line: 0, file: file.path,
                message: "level-map: the data file has no `map:` — add one whose `rows` say which levels sit side by side "
                    + "(docs/writing-guides.md shows how)")
        }
        let columns = map.trackIDs.compactMap { id in ladder.tracks.first { $0.id == id } }
        let caption = map.title?.trimmingWhitespace.nonEmpty ?? "Levels side by side"
        let level = min(max(headingLevel, 1), 6)

        var html = ["<div class=\"level-map\">"]
        html.append("<table class=\"level-map-table\">")
        html.append("<caption>\(escapeHTML(caption))</caption>")
        html.append("<thead>")
        html.append("<tr>" + columns.map { "<th scope=\"col\">\(escapeHTML($0.name))</th>" }.joined() + "</tr>")
        html.append("</thead>")
        html.append("<tbody>")
        for row in map.rows.reversed() {
            var cells = ""
            for track in columns {
                if let index = row[track.id] {
                    cells += "<td>\(escapeHTML(track.levels[index].name))</td>"
                } else {
                    // Words, not an empty cell: a screen reader (and the Markdown export) reads an empty cell as nothing.
                    cells += "<td class=\"level-map-none\">No level beside it</td>"
                }
            }
            html.append("<tr>\(cells)</tr>")
        }
        html.append("</tbody>")
        html.append("</table>")
        if let note = map.note?.trimmingWhitespace.nonEmpty {
            html.append("<p class=\"level-map-note\">\(escapeHTML(note))</p>")
        }
        for track in columns where track.levels.count > 1 {
            html.append("<section class=\"level-map-steps\" data-track=\"\(escapeHTML(track.id))\">")
            html.append("<h\(level) class=\"level-map-steps-title\">\(escapeHTML(track.name)): what changes at each step</h\(level)>")
            for (lower, upper) in zip(track.levels, track.levels.dropFirst()) {
                html.append(step(from: lower, to: upper))
            }
            html.append("</section>")
        }
        html.append("</div>")
        return html.joined(separator: "\n") + "\n"
    }

    /// One step up as a details element whose summary names both levels.
    private func step(from lower: LadderData.Level, to upper: LadderData.Level) -> String {
        var html = ["<details class=\"level-step\">"]
        html.append("<summary>From \(escapeHTML(lower.name)) to \(escapeHTML(upper.name))</summary>")
        let scoped = [lower, upper].filter { $0.scope?.trimmingWhitespace.nonEmpty != nil }
        if !scoped.isEmpty {
            html.append("<dl class=\"level-step-scopes\">")
            for level in scoped {
                html.append("<dt>\(escapeHTML(level.name))</dt><dd>\(escapeHTML(level.scope?.trimmingWhitespace ?? ""))</dd>")
            }
            html.append("</dl>")
        }
        if upper.changes.isEmpty {
            html.append("<p class=\"level-step-empty\">The ladder data does not yet say what changes on this step.</p>")
        } else {
            html.append("<p class=\"level-step-changes-title\">What changes:</p>")
            html.append("<ul class=\"level-step-changes\">")
            html.append(contentsOf: upper.changes.map { "<li>\(escapeHTML($0))</li>" })
            html.append("</ul>")
        }
        html.append("</details>")
        return html.joined(separator: "\n")
    }
}
