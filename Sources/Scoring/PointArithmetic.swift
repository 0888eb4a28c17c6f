/// Integer-only point arithmetic, so Swift and the page's JavaScript can never round differently.
extension Questionnaire {
    /// The largest whole number a JavaScript number holds exactly (2^53 − 1); totals must stay
    /// within ± this so the page's interpreter counts exactly what Swift counts.
    public static let largestExactTotal = 9_007_199_254_740_991

    /// The fewest and most points `item` can give. Saturates instead of trapping, so it is safe
    /// to call on a definition that has not been validated.
    public func pointRange(of item: Item) -> (min: Int, max: Int) {
        let atMin = saturatingProduct(item.weight, scale.min)
        let atMax = saturatingProduct(item.weight, scale.max)
        return (Swift.min(atMin, atMax), Swift.max(atMin, atMax))
    }

    /// Reachable totals: from every item at its fewest points to every item at its most.
    /// Saturating, so it never traps on an unvalidated definition.
    public var totalRange: ClosedRange<Int> {
        var lowest = 0
        var highest = 0
        for item in items {
            let range = pointRange(of: item)
            lowest = saturatingSum(lowest, range.min)
            highest = saturatingSum(highest, range.max)
        }
        return lowest...highest
    }

    /// The answer as it counts: mirrored for reverse-keyed items, so agreeing lowers the total.
    /// Written as `max − (answer − min)` so the sum `min + max` is never formed.
    func countedAnswer(_ answer: Int, for item: Item) -> Int {
        item.reverse ? scale.max - (answer - scale.min) : answer
    }

    /// Points for one answer; call only with a validated definition and an answer on the scale.
    func points(for answer: Int, of item: Item) -> Int {
        item.weight * countedAnswer(answer, for: item)
    }

    /// Whether every item's points and every total stay within `largestExactTotal`.
    /// Needs a valid scale and weights of at least 1 to mean anything.
    var totalsAreExact: Bool {
        var lowest = 0
        var highest = 0
        for item in items {
            let atMin = item.weight.multipliedReportingOverflow(by: scale.min)
            let atMax = item.weight.multipliedReportingOverflow(by: scale.max)
            guard !atMin.overflow, !atMax.overflow,
                  isExact(atMin.partialValue), isExact(atMax.partialValue) else { return false }
            lowest += atMin.partialValue       // each term is exact, so the running sums cannot overflow
            highest += atMax.partialValue
            guard isExact(lowest), isExact(highest) else { return false }
        }
        return true
    }

    private func isExact(_ value: Int) -> Bool {
        -Self.largestExactTotal <= value && value <= Self.largestExactTotal
    }
}

func saturatingProduct(_ left: Int, _ right: Int) -> Int {
    let result = left.multipliedReportingOverflow(by: right)
    guard result.overflow else { return result.partialValue }
    return (left < 0) == (right < 0) ? Int.max : Int.min
}

func saturatingSum(_ left: Int, _ right: Int) -> Int {
    let result = left.addingReportingOverflow(right)
    guard result.overflow else { return result.partialValue }
    return right < 0 ? Int.min : Int.max
}

/// "total 50" or "totals 50...52", as validation and errors print them.
func describeTotals(_ lowest: Int, _ highest: Int) -> String {
    lowest == highest ? "total \(lowest)" : "totals \(lowest)...\(highest)"
}
