import Foundation

/// A YAML document's decoding error as an error at its line, worded alike for every document that
/// is decoded whole (the questionnaire, the planner); only the document's name and help differ.
enum DecodingProblem {
    static func describe(_ error: DecodingError, lines: EntryLines, file: String, document: String,
                         fieldHelp: String, typeHelp: String) -> SiteError {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case let .keyNotFound(key, context):
            let place = path(context.codingPath)
            return SiteError(file: file, line: lines.line(for: place), message: "\(place.isEmpty ? document : place) is missing `\(key.stringValue)`",
                             fix: "add `\(key.stringValue):` there (\(fieldHelp))")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return SiteError(file: file, line: lines.line(for: path(context.codingPath)), message: "\(path(context.codingPath)): \(context.debugDescription)",
                             fix: typeHelp)
        @unknown default:
            return SiteError(file: file, message: "cannot read the \(document): \(error)")
        }
    }
}
