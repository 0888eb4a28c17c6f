import Scoring

/// The questionnaire as the `questionnaire` template sees it: a complete paper form (one
/// fieldset per statement), a scoring guide for people without JavaScript (or with a pencil),
/// and the compiled scoring table the page's script interprets.
enum QuestionnaireContext {
    static func make(_ compiled: CompiledQuestionnaire, links: LinkBuilder, resolveNext: (String) -> (title: String, sitePath: String)?) -> [String: Any] {
        let questionnaire = compiled.definition
        let scale = questionnaire.scale
        let labels = scale.labels
        let items: [[String: Any]] = questionnaire.items.enumerated().map { offset, item in
            let options: [[String: Any]] = scale.answers.map { value in
                ["value": value, "label": labels[value] ?? "", "has_label": labels[value] != nil,
                 "input_id": "q-\(item.id)-\(value)"]
            }
            return ["id": item.id, "number": offset + 1, "text": item.text, "reverse": item.reverse,
                    "weight": item.weight, "weighted": item.weight != 1, "dimension": item.dimension,
                    "field": "q-\(item.id)", "options": options]
        }
        let bands: [[String: Any]] = questionnaire.bands.sorted { $0.min < $1.min }.map { band in
            let next: [[String: Any]] = band.next.compactMap { reference in
                guard let target = resolveNext(reference) else { return nil }
                return ["title": target.title, "url": links.final(target.sitePath)]
            }
            return ["id": band.id, "label": band.label, "min": band.min, "max": band.max, "summary": band.summary,
                    "advice": band.advice, "next": next, "has_next": !next.isEmpty]
        }
        let numbered = Array(questionnaire.items.enumerated())
        let reversed = numbered.filter { $0.element.reverse }.map { offset, item -> [String: Any] in
            ["number": offset + 1, "id": item.id, "text": item.text]
        }
        // Weights other than 1 must be spelled out on paper, or a pencil total would disagree.
        let weighted = numbered.filter { $0.element.weight != 1 }.map { offset, item -> [String: Any] in
            ["number": offset + 1, "id": item.id, "weight": item.weight]
        }
        let dimensions: [[String: Any]] = questionnaire.dimensions.map { dimension in
            let members = numbered.filter { $0.element.dimension == dimension }
            let ranges = members.map { questionnaire.pointRange(of: $0.element) }
            return ["id": dimension,
                    "numbers": members.map { String($0.offset + 1) }.joined(separator: ", "),
                    "min": ranges.reduce(0) { $0 + $1.min }, "max": ranges.reduce(0) { $0 + $1.max }]
        }
        let range = questionnaire.totalRange
        return [
            "id": questionnaire.id, "version": questionnaire.version, "title": questionnaire.title ?? "",
            "intro": questionnaire.intro ?? "", "item_count": questionnaire.items.count,
            "scale": ["min": scale.min, "max": scale.max,
                      "labels": labels.keys.sorted().map { ["value": $0, "label": labels[$0] ?? ""] as [String: Any] }] as [String: Any],
            // What a reverse-keyed answer is subtracted from: score = max + min − answer.
            "reverse_sum": scale.min + scale.max,
            "items": items, "bands": bands, "reversed_items": reversed, "has_reversed": !reversed.isEmpty,
            "weighted_items": weighted, "has_weighted": !weighted.isEmpty,
            "dimensions": dimensions,
            "total_min": range.lowerBound, "total_max": range.upperBound,
            "table_json": compiled.tableJSON,
            // The page refuses a result link with the words `crossroads score` uses.
            "words_json": AnswerWording.templatesJSON(),
            "storage_key": "crossroads:\(questionnaire.id):v\(questionnaire.version)",
        ]
    }
}
