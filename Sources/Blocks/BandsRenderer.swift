import Scoring

/// Renders ```bands: the questionnaire's result bands, so the page never restates the numbers by hand.
struct BandsRenderer {
    var questionnaire: Questionnaire?

    func render(body: String) throws(BlockError) -> String {
        let reader = YAMLReader(blockName: "bands", file: nil)
        if let root = try reader.compose(body) {
            throw reader.error("the block takes no body — leave it empty; the table comes from content/questionnaire.yml", at: root)
        }
        guard let questionnaire else {
            throw BlockError(
                line: 0,
                message: "bands: there is no questionnaire — create content/questionnaire.yml with `bands:`, "
                    + "or remove this block")
        }
        var html = ["<table class=\"bands\">", "<thead>"]
        html.append("<tr><th scope=\"col\">Result</th><th scope=\"col\">Total</th><th scope=\"col\">What it suggests</th></tr>")
        html.append("</thead>")
        html.append("<tbody>")
        for band in questionnaire.bands {
            html.append(
                "<tr id=\"band-\(escapeHTML(band.id))\"><th scope=\"row\">\(escapeHTML(band.label))</th>"
                    + "<td>\(band.min)–\(band.max)</td><td>\(escapeHTML(band.summary))</td></tr>")
        }
        html.append("</tbody>")
        html.append("</table>")
        return html.joined(separator: "\n") + "\n"
    }
}
