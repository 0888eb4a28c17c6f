/// A result as lines of text, exactly as the page shows it: the command prints these, and the
/// conformance tests compare the page's lines with them.
extension PlanResult {
    public func lines(in planner: Planner) -> [String] {
        var lines = [PlannerWording.standing(date: today.description)]
        for finding in findings {
            guard let rule = planner.rules.first(where: { $0.id == finding.rule }) else { continue }
            lines.append("- \(rule.title): " + PlannerWording.cited(text: finding.text, source: planner.source(rule.source)?.short ?? rule.source))
        }
        lines.append(PlannerWording.checkpointsTitle)
        if checkpoints.isEmpty { lines.append("- " + PlannerWording.noCheckpoints) }
        for checkpoint in checkpoints {
            let source = planner.rules.first { $0.id == checkpoint.rule }.flatMap { planner.source($0.source)?.short } ?? ""
            lines.append("- " + PlannerWording.cited(text: checkpoint.text, source: source))
        }
        return lines
    }
}
