import Scoring

/// The questionnaire as the `questionnaire` template sees it: a complete paper form (one
/// fieldset per statement) plus the compiled scoring table the page's script interprets.
enum QuestionnaireContext {
    static func make(_ questionnaire: Questionnaire, links: LinkBuilder, resolveNext: (String) -> (title: String, sitePath: String)?) -> [String: Any] {
        let scale = questionnaire.scale
        let labels = scale.labels
        let items: [[String: Any]] = questionnaire.items.enumerated().map { offset, item in
            let options: [[String: Any]] = scale.answers.map { value in
                ["value": value, "label": labels[value] ?? "", "has_label": labels[value] != nil,
                 "input_id": "q-\(item.id)-\(value)"]
            }
            return ["id": item.id, "number": offset + 1, "text": item.text, "reverse": item.reverse,
                    "weight": item.weight, "dimension": item.dimension, "field": "q-\(item.id)", "options": options]
        }
        let bands: [[String: Any]] = questionnaire.bands.map { band in
            let next: [[String: Any]] = band.next.compactMap { reference in
                guard let target = resolveNext(reference) else { return nil }
                return ["title": target.title, "url": links.final(target.sitePath)]
            }
            return ["id": band.id, "label": band.label, "min": band.min, "max": band.max, "summary": band.summary,
                    "advice": band.advice, "next": next]
        }
        let reversed = questionnaire.items.enumerated().filter { $0.element.reverse }.map { offset, item -> [String: Any] in
            ["number": offset + 1, "id": item.id, "text": item.text]
        }
        let range = questionnaire.totalRange
        return [
            "id": questionnaire.id, "version": questionnaire.version, "title": questionnaire.title ?? "",
            "intro": questionnaire.intro ?? "", "item_count": questionnaire.items.count,
            "scale": ["min": scale.min, "max": scale.max,
                      "labels": labels.keys.sorted().map { ["value": $0, "label": labels[$0] ?? ""] as [String: Any] }] as [String: Any],
            "items": items, "bands": bands, "reversed_items": reversed, "has_reversed": !reversed.isEmpty,
            "dimensions": questionnaire.dimensions.map { ["id": $0] },
            "total_min": range.lowerBound, "total_max": range.upperBound,
            "table_json": questionnaire.compile().canonicalJSON(),
            "storage_key": "crossroads:\(questionnaire.id):v\(questionnaire.version)",
        ]
    }
}
