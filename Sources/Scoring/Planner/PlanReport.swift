/// A result as lines of text, exactly as the page shows it: the command prints these, and the
/// conformance tests compare the page's lines with them.
extension PlanResult {
    public func lines(in planner: Planner) -> [String] {
        let wording = planner.wording
        var lines = [wording.standing(date: wording.name(of: today))]
        for finding in findings {
            guard let rule = planner.rules.first(where: { $0.id == finding.rule }) else { continue }
            lines.append("- \(rule.title): " + wording.cited(text: finding.text, source: planner.source(rule.source)?.short ?? rule.source))
        }
        lines.append(wording("checkpointsTitle"))
        if checkpoints.isEmpty { lines.append("- " + wording("noCheckpoints")) }
        for checkpoint in checkpoints {
            let source = planner.rules.first { $0.id == checkpoint.rule }.flatMap { planner.source($0.source)?.short } ?? ""
            lines.append("- " + wording.cited(text: checkpoint.text, source: source))
        }
        return lines
    }
}
