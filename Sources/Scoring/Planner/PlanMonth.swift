/// A calendar month, the planner's unit of time: "today" for the reader (the browser's date, or
/// `--today` on the command line) and the dates of checkpoints. Kept as one whole number,
/// `year × 12 + month − 1`, so adding years is integer arithmetic in Swift and JavaScript alike.
public struct PlanMonth: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// Years the planner accepts as today: wide enough for any reader, small enough that every
    /// month count stays exact in JavaScript.
    public static let years = 1900...9999

    /// `year × 12 + month − 1`.
    public var index: Int

    public init(index: Int) { self.index = index }

    /// Nil for a month outside 1...12 or a year outside `years`.
    public init?(year: Int, month: Int) {
        guard Self.years.contains(year), (1...12).contains(month) else { return nil }
        index = year * 12 + month - 1
    }

    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }

    /// The same month `years` years later.
    public func adding(years: Int) -> PlanMonth { PlanMonth(index: index + 12 * years) }

    /// "March 2028" (`PlannerWording.name(of:)` in another language).
    public var description: String { PlannerWording.english.name(of: self) }

    public static func < (lhs: PlanMonth, rhs: PlanMonth) -> Bool { lhs.index < rhs.index }

    /// Reads `YYYY-MM-DD` (the day is checked, then ignored: a checkpoint is a month).
    public static func parse(date text: String) -> PlanMonth? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let plan = PlanMonth(year: year, month: month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        return plan
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
