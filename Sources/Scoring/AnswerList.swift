/// Answers written as text in item order, comma-separated (`7,3,10,...`): how
/// `crossroads score --answers` reads them, and how the page reads the answers of a result link.
public enum AnswerList {
    /// The whole numbers in `text`; each part may have spaces or tabs around it. Only the first
    /// part that is not a whole number is reported, as the page does too.
    public static func parse(_ text: String) throws(AnswerListError) -> [Int] {
        var values: [Int] = []
        for (index, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let trimmed = trimmingSpaces(part)
            guard let value = Int(trimmed) else { throw .notWholeNumber(position: index + 1, text: trimmed) }
            values.append(value)
        }
        return values
    }

    /// Without Foundation: tab and Unicode space separators (general category Zs) at either end,
    /// scalar by scalar, as `trimmingCharacters(in: .whitespaces)` trims; the page trims the same set.
    private static func trimmingSpaces(_ part: Substring) -> String {
        let scalars = part.unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

/// Why a list of answers could not be read.
public enum AnswerListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `position` is 1-based; `text` is the part as written, without the spaces around it.
    case notWholeNumber(position: Int, text: String)

    public var description: String { description(in: .english) }

    public func description(in wording: AnswerWording) -> String {
        switch self {
        case .notWholeNumber(let position, let text): wording.notWholeNumber(position: String(position), text: text)
        }
    }
}
