import Scoring

/// The questionnaire as the `questionnaire` template sees it: a complete paper form (one
/// fieldset per statement), a scoring guide for people without JavaScript (or with a pencil),
/// and the compiled scoring table the page's script interprets (the same in every language), with
/// the words of `language` beside it.
enum QuestionnaireContext {
    static func make(_ compiled: CompiledQuestionnaire, language: String, links: LinkBuilder,
                     resolveNext: (String) -> (title: String, sitePath: String)?) -> TemplateValue {
        let words = compiled.words(language)
        let questionnaire = words.definition
        let scale = questionnaire.scale
        let labels = scale.labels
        let items: [TemplateValue] = questionnaire.items.enumerated().map { offset, item in
            let options: [TemplateValue] = scale.answers.map { value in
                ["value": .int(value), "label": .string(labels[value] ?? ""), "has_label": .bool(labels[value] != nil),
                 "input_id": .string("q-\(item.id)-\(value)")]
            }
            return ["id": .string(item.id), "number": .int(offset + 1), "text": .string(item.text), "reverse": .bool(item.reverse),
                    "weight": .int(item.weight), "weighted": .bool(item.weight != 1), "dimension": .string(item.dimension),
                    "field": .string("q-\(item.id)"), "options": .list(options)]
        }
        let bands: [TemplateValue] = words.bandsInOrder.map { band in
            let next: [TemplateValue] = band.next.compactMap { reference in
                guard let target = resolveNext(reference) else { return nil }
                return ["title": .string(target.title), "url": .string(links.final(target.sitePath))]
            }
            return ["id": .string(band.id), "label": .string(band.label), "min": .int(band.min), "max": .int(band.max),
                    "summary": .string(band.summary), "advice": .string(band.advice), "next": .list(next), "has_next": .bool(!next.isEmpty)]
        }
        let numbered = Array(questionnaire.items.enumerated())
        let reversed = numbered.filter { $0.element.reverse }.map { offset, item -> TemplateValue in
            ["number": .int(offset + 1), "id": .string(item.id), "text": .string(item.text)]
        }
        // Weights other than 1 must be spelled out on paper, or a pencil total would disagree.
        let weighted = numbered.filter { $0.element.weight != 1 }.map { offset, item -> TemplateValue in
            ["number": .int(offset + 1), "id": .string(item.id), "weight": .int(item.weight)]
        }
        let dimensions: [TemplateValue] = questionnaire.dimensions.map { dimension in
            let members = numbered.filter { $0.element.dimension == dimension }
            let ranges = members.map { questionnaire.pointRange(of: $0.element) }
            return ["id": .string(dimension),
                    "numbers": .string(members.map { String($0.offset + 1) }.joined(separator: ", ")),
                    "min": .int(ranges.reduce(0) { $0 + $1.min }), "max": .int(ranges.reduce(0) { $0 + $1.max })]
        }
        let range = questionnaire.totalRange
        let own: [String: TemplateValue] = [
            "id": .string(questionnaire.id), "version": .int(questionnaire.version), "title": .string(questionnaire.title ?? ""),
            "intro": .string(questionnaire.intro ?? ""), "item_count": .int(questionnaire.items.count),
            "scale": ["min": .int(scale.min), "max": .int(scale.max),
                      "labels": .list(words.scaleLabelsInOrder.map { ["value": .int($0.value), "label": .string($0.label)] })],
            // What a reverse-keyed answer is subtracted from: score = max + min − answer.
            "reverse_sum": .int(scale.min + scale.max),
            "items": .list(items), "bands": .list(bands), "reversed_items": .list(reversed), "has_reversed": .bool(!reversed.isEmpty),
            "weighted_items": .list(weighted), "has_weighted": .bool(!weighted.isEmpty),
            "dimensions": .list(dimensions),
            "total_min": .int(range.lowerBound), "total_max": .int(range.upperBound),
            "table_json": .string(compiled.tableJSON),
            // Statements, labels and the script's sentences in the page's language; a refused
            // result link is explained with the words `crossroads score --lang` uses.
            "words_json": .string(words.wordsJSON),
            "storage_key": .string("crossroads:\(questionnaire.id):v\(questionnaire.version)"),
        ]
        let map = QuestionnaireMapContext.make(questionnaire, links: links, resolveNext: resolveNext)
        return .map(own.merging(map) { own, _ in own })
    }
}
