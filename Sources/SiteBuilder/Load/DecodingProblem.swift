import Foundation
import Yams

/// A YAML document's decoding error as an error at its line, worded alike for every document that
/// is decoded whole (the questionnaire, the planner); only the document's name and help differ.
enum DecodingProblem {
    /// The checked root node of `text`, or nil with the syntax or size problem added to `errors`.
    /// Decoded from the checked node: decoding the text would compose it again, unchecked.
    static func root(of text: String, file: String, limits: SiteLimits, errors: inout ErrorCollector) -> Node? {
        switch YAMLDocument.parse(text, file: file, bounds: limits.yaml) {
        case .failure(let error):
            errors.add(error)
            return nil
        case .success(let document):
            return document.root ?? Node("")
        }
    }

    /// `root` decoded as a `Value`, or nil with the problem added to `errors` at its line.
    static func decode<Value: Decodable>(_: Value.Type, from root: Node, file: String, document: String, fieldHelp: String,
                                         typeHelp: String, unreadableFix: String? = nil, errors: inout ErrorCollector) -> Value? {
        do {
            return try YAMLDecoder().decode(Value.self, from: root)
        } catch let error as DecodingError {
            errors.add(describe(error, lines: EntryLines(root), file: file, document: document, fieldHelp: fieldHelp, typeHelp: typeHelp))
        } catch {
            errors.add(SiteError(file: file, message: "cannot read the \(document): \(error)", fix: unreadableFix))
        }
        return nil
    }

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
