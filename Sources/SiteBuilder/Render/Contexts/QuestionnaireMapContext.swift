import Scoring

/// The two-pull map as the questionnaire template sees it: the regions with their texts and
/// links, and what the scoring guide needs to compute both pulls by hand.
enum QuestionnaireMapContext {
    static func make(_ questionnaire: Questionnaire, links: LinkBuilder, resolveNext: (String) -> (title: String, sitePath: String)?) -> [String: TemplateValue] {
        guard questionnaire.hasMap else { return ["has_map": .bool(false)] }
        let regions: [TemplateValue] = questionnaire.regions.map { region in
            let next: [TemplateValue] = region.next.compactMap { reference in
                guard let target = resolveNext(reference) else { return nil }
                return ["title": .string(target.title), "url": .string(links.final(target.sitePath))]
            }
            return ["id": .string(region.id), "label": .string(region.label), "summary": .string(region.summary),
                    "advice": .string(region.advice), "next": .list(next), "has_next": .bool(!next.isEmpty),
                    "mastery_min": .int(region.mastery.min), "mastery_max": .int(region.mastery.max),
                    "management_min": .int(region.management.min), "management_max": .int(region.management.max)]
        }
        func axis(_ axis: PullAxis) -> TemplateValue {
            ["numbers": .string(questionnaire.pullItems(axis).map { String($0 + 1) }.joined(separator: ", ")),
             "max": .int(questionnaire.pullMaximum(axis))]
        }
        let scale = questionnaire.scale
        return [
            "has_map": .bool(true), "regions": .list(regions),
            "pull_mastery": axis(.mastery), "pull_management": axis(.management),
            // Points of one statement before weighting: answer − scale.min.
            "scale_offset": .int(scale.min), "has_scale_offset": .bool(scale.min != 0),
        ]
    }
}
