import Scoring

/// Renders ```planner: the pendulum planner's form (hidden until its script runs), an empty result
/// the script fills, the rules as a table to read without JavaScript (thresholds and sources), and
/// the compiled table the script interprets with the words of the planner's language beside it
/// (every word here comes from `planner.wording` or the planner's own texts). Ids come from the block, so two planners on a page
/// do not share them; the script finds its parts by class inside `section.planner`.
struct PlannerRenderer {
    var planner: Planner?

    func render(body: String, line: Int, headingLevel: Int) throws(BlockError) -> String {
        let reader = YAMLReader(blockName: "planner", file: nil)
        if let root = try reader.compose(body) {
            throw reader.error("the block takes no body — leave it empty; the planner comes from content/planner.yml", at: root)
        }
        guard let planner else {
            throw BlockError(line: 0, message: "planner: there is no planner — create content/planner.yml (docs/writing-guides.md), or remove this block")
        }
        let base = stableID(prefix: "planner", code: body, line: line)
        let level = min(6, max(2, headingLevel)), sub = min(6, level + 1), words = planner.wording
        var html = ["<section class=\"planner\" id=\"\(base)\" aria-labelledby=\"\(base)-title\" data-planner=\"\(escapeHTML(planner.id))\">"]
        html.append("<h\(level) class=\"pl-title\" id=\"\(base)-title\">\(escapeHTML(planner.title ?? words("defaultTitle")))</h\(level)>")
        if let intro = planner.intro { html.append("<p class=\"pl-intro\">\(escapeHTML(intro))</p>") }
        html.append("<p class=\"pl-nojs\">\(escapeHTML(words("noScript")))</p>")
        html.append("<form class=\"pl-form\" hidden novalidate>")
        for input in planner.inputs { html.append(field(input, base: base)) }
        html.append("</form>")
        html.append("<div class=\"pl-problems\" hidden></div>")
        html.append("<section class=\"pl-result\" aria-labelledby=\"\(base)-result-title\" hidden>")
        html.append("<h\(sub) class=\"pl-result-title\" id=\"\(base)-result-title\">\(filled(words.templates["standing"] ?? "", ["date": "<span class=\"pl-today\"></span>"]))</h\(sub)>")
        html.append("<ul class=\"pl-findings\"></ul>")
        html.append("<h\(sub) class=\"pl-checkpoints-title\">\(escapeHTML(words("checkpointsTitle")))</h\(sub)>")
        html.append("<ol class=\"pl-checkpoints\"></ol>")
        html.append("<p class=\"pl-share\"><label for=\"\(base)-share\">\(escapeHTML(words("shareLabel")))</label> <input type=\"text\" class=\"pl-share-url\" id=\"\(base)-share\" readonly> <button type=\"button\" class=\"pl-copy\">\(escapeHTML(words("copy")))</button></p>")
        html.append("<p class=\"pl-privacy\">\(filled(words.templates["privacy"] ?? "", ["hash": "<code>#</code>"]))</p>")
        html.append("</section>")
        html.append(rulesTable(planner))
        html.append("<script type=\"application/json\" class=\"pl-table\">\(planner.compile().canonicalJSON())</script>")
        html.append("<script type=\"application/json\" class=\"pl-words\">\(planner.wordsJSON())</script>")
        html.append("</section>")
        return html.joined(separator: "\n") + "\n"
    }

    private func field(_ input: PlannerInput, base: String) -> String {
        let id = "\(base)-\(input.id)"
        let help = input.help.map { "<p class=\"pl-help\" id=\"\(id)-help\">\(escapeHTML($0))</p>" } ?? ""
        switch input.kind {
        case .choice:
            let options = input.options.map { option in
                "<label class=\"pl-option\"><input type=\"radio\" name=\"\(id)\" value=\"\(escapeHTML(option.id))\"> \(escapeHTML(option.label))</label>"
            }.joined(separator: "\n")
            return "<fieldset class=\"pl-input\" data-input=\"\(escapeHTML(input.id))\"><legend>\(escapeHTML(input.label))</legend>\n\(options)\n\(help)</fieldset>"
        case .number:
            let described = input.help == nil ? "" : " aria-describedby=\"\(id)-help\""
            let unit = input.unit.map { " <span class=\"pl-unit\">\(escapeHTML($0))</span>" } ?? ""
            return "<div class=\"pl-input\" data-input=\"\(escapeHTML(input.id))\"><label for=\"\(id)\">\(escapeHTML(input.label))</label>\n"
                + "<span class=\"pl-field\"><input type=\"number\" id=\"\(id)\" name=\"\(id)\" min=\"\(input.min)\" max=\"\(input.max)\" step=\"1\" inputmode=\"numeric\"\(described)>\(unit)</span>\n\(help)</div>"
        }
    }

    private func rulesTable(_ planner: Planner) -> String {
        let words = planner.wording
        var html = ["<div class=\"pl-rules-wrap\">", "<table class=\"pl-rules\">", "<caption>\(escapeHTML(words("rulesCaption")))</caption>"]
        let columns = ["columnGuidance", "columnAppliesTo", "columnThreshold", "columnSource"].map { "<th scope=\"col\">\(escapeHTML(words($0)))</th>" }
        html.append("<thead><tr>\(columns.joined())</tr></thead>")
        html.append("<tbody>")
        for rule in planner.rules {
            let applies = rule.when.map { describe($0, in: planner) }.joined(separator: words("conditionSeparator"))
            var threshold = "—"
            if let measure = rule.measure, let from = rule.from, let upper = rule.upper, let input = planner.input(measure) {
                let span = from == upper ? "\(from)" : "\(from)–\(upper)"
                threshold = "\(span)\(input.unit.map { " " + $0 } ?? "") (\(input.id))"
            }
            let note = rule.note.map { "<p class=\"pl-rule-note\">\(escapeHTML($0))</p>" } ?? ""
            html.append("<tr id=\"pl-rule-\(escapeHTML(rule.id))\"><th scope=\"row\">\(escapeHTML(rule.title))\(note)</th><td>\(escapeHTML(applies.isEmpty ? words("everyone") : applies))</td>"
                        + "<td class=\"pl-threshold\">\(escapeHTML(threshold))</td><td>\(escapeHTML(planner.source(rule.source)?.citation ?? rule.source))</td></tr>")
        }
        html += ["</tbody>", "</table>", "</div>"]
        return html.joined(separator: "\n")
    }

    private func describe(_ condition: PlannerCondition, in planner: Planner) -> String {
        guard let input = planner.input(condition.input) else { return condition.input }
        if let options = condition.options {
            return options.map { id in input.options.first { $0.id == id }?.label ?? id }.joined(separator: planner.wording("optionSeparator"))
        }
        var holes = ["input": input.id, "unit": input.unit.map { " " + $0 } ?? ""]
        if let min = condition.min { holes["min"] = String(min) }
        if let max = condition.max { holes["max"] = String(max) }
        switch (condition.min, condition.max) {
        case (.some, .some): return planner.wording("conditionRange", holes)
        case (.some, nil): return planner.wording("conditionAtLeast", holes)
        case (nil, .some): return planner.wording("conditionAtMost", holes)
        case (nil, nil): return input.id
        }
    }

    /// A template escaped as text around holes that hold markup of our own.
    private func filled(_ template: String, _ markup: [String: String]) -> String {
        var parts: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let hole = markup[String(rest[rest.index(after: open)..<close])] {
            parts.append(escapeHTML(String(rest[..<open])) + hole)
            rest = rest[rest.index(after: close)...]
        }
        return parts.joined() + escapeHTML(String(rest))
    }
}
