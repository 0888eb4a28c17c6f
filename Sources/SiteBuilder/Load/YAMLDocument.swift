import Blocks
import Foundation
import Yams

/// A parsed YAML text that keeps line and column for every value, so that a wrong field can be
/// reported where the user typed it. `lineOffset` shifts lines when the YAML sits inside a larger
/// file (front matter starts on line 2 of a page).
struct YAMLDocument {
    let file: String
    let lineOffset: Int
    let root: Node?

    /// Parses `text`; a syntax error becomes a `SiteError` at the right line.
    /// `resolvingTypes: false` leaves every scalar's type unresolved: nothing in front matter
    /// reads YAML types (fields are read from the text), and resolving them ran up to seven
    /// regular expressions for every scalar and for every key comparison, a tenth of loading a
    /// large site. Data files keep the full resolver (merge keys `<<` among others).
    /// `bounds` is checked on the text before Yams composes it (see `YAMLBounds`); `raisable`
    /// says whether site.yml's `limits:` sets them for this file (front matter keeps the defaults).
    static func parse(_ text: String, file: String, lineOffset: Int = 0, resolvingTypes: Bool = true,
                      bounds: YAMLBounds = .default, raisable: Bool = true) -> Result<YAMLDocument, SiteError> {
        if let tabLine = Self.lineIndentedWithTab(text) {
            return .failure(SiteError(
                file: file, line: tabLine + lineOffset, column: 1,
                message: "YAML indentation uses a tab character",
                fix: "indent with spaces only; YAML does not allow tabs for indentation"))
        }
        if let violation = bounds.firstViolation(in: text) {
            let (doubled, overflow) = violation.limit.multipliedReportingOverflow(by: 2)
            let otherwise = switch violation.settingName {
            case "yaml_depth": "flatten the nesting"
            case "yaml_values": "split the file or remove the pasted data"
            default: "write the values out instead of repeating anchors with `*name`"
            }
            return .failure(SiteError(
                file: file, line: violation.line + lineOffset, message: violation.message,
                fix: raisable ? "\(otherwise), or raise the limit in site.yml: `limits: {\(violation.settingName): \(overflow ? Int.max : doubled)}`" : otherwise))
        }
        do {
            // The encoding is given: Yams's default reads the process environment on every parse.
            let root = try Yams.compose(yaml: text, resolvingTypes ? .default : .basic, .default, .utf8)
            return .success(YAMLDocument(file: file, lineOffset: lineOffset, root: root))
        } catch let error as YamlError {
            return .failure(Self.siteError(from: error, text: text, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(SiteError(file: file, message: "could not read YAML: \(error)"))
        }
    }

    /// The 1-based line after `first` where `key` is written again at the same column, if any.
    private static func lineRepeating(key: String, of first: Mark, in text: String) -> Int? {
        let indent = first.column - 1
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber > first.line, line.count > indent, line.prefix(indent).allSatisfy({ $0 == " " }) else { continue }
            let rest = line.dropFirst(indent)
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") { return lineNumber }
            }
        }
        return nil
    }

    private static func lineIndentedWithTab(_ text: String) -> Int? {
        var lineNumber = 1
        var inIndent = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                lineNumber += 1
                inIndent = true
            } else if inIndent {
                if byte == UInt8(ascii: "\t") { return lineNumber }
                inIndent = byte == UInt8(ascii: " ")
            }
        }
        return nil
    }

    private static func siteError(from error: YamlError, text: String, file: String, lineOffset: Int) -> SiteError {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> SiteError {
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return SiteError(file: file, line: mark.line + lineOffset, column: mark.column, message: message,
                             fix: "check quotes, colons and indentation on this line and the one before")
        }
        switch error {
        case let .scanner(context, problem, mark, _): return located(mark, problem, context)
        case let .parser(context, problem, mark, _): return located(mark, problem, context)
        case let .composer(context, problem, mark, _): return located(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the key's first occurrence; the mistake is usually the later one.
            let first = context.mark
            let repeated = duplicates.sorted().first.flatMap { Self.lineRepeating(key: $0, of: first, in: text) }
            return SiteError(file: file, line: (repeated ?? first.line) + lineOffset, column: first.column,
                             message: "duplicate key \(keys) in the same mapping (first written on line \(first.line + lineOffset))",
                             fix: "keep one of the keys and delete the other")
        case let .reader(problem, _, _, _):
            return SiteError(file: file, message: "YAML could not be read: \(problem)", fix: "save the file as UTF-8 text")
        default:
            return SiteError(file: file, message: "YAML error: \(error)")
        }
    }
}

/// Typed access to one YAML mapping, recording a located error for every value of the wrong
/// type instead of stopping at the first.
struct YAMLFields {
    let file: String
    let lineOffset: Int
    let node: Node
    private(set) var errors: [SiteError] = []
    /// The mapping's values under keys that resolve to text (`tag:yaml.org,2002:str`), by that
    /// text, for looking up names that resolve to text too (`textualName`): two such keys are
    /// equal exactly when their texts are. Yams's own subscript resolves the tags of the name and
    /// of every key it compares it with, which was most of decoding a page's front matter.
    private let valuesByTextKey: [String: Node]

    init(file: String, lineOffset: Int, node: Node) {
        self.file = file
        self.lineOffset = lineOffset
        self.node = node
        var values: [String: Node] = [:]
        for pair in node.mapping.map(Array.init) ?? [] where pair.key.tag.rawValue == Tag.Name.str.rawValue {
            if let key = pair.key.string { values[key] = pair.value }
        }
        valuesByTextKey = values
    }

    /// Whether YAML reads `name` as text: lowercase letters and `_` only, and not one of the
    /// words it reads as a boolean or null. Every field name the decoders ask for is one.
    private static func textualName(_ name: String) -> Bool {
        name.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || $0 == UInt8(ascii: "_") }
            && !nonTextWords.contains(name)
    }

    private static let nonTextWords: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null"]

    var keys: [(name: String, node: Node)] {
        guard let mapping = node.mapping else { return [] }
        return mapping.compactMap { pair in pair.key.string.map { ($0, pair.key) } }
    }

    func position(of node: Node) -> (line: Int?, column: Int?) {
        guard let mark = node.mark else { return (nil, nil) }
        return (mark.line + lineOffset, mark.column)
    }

    mutating func problem(_ error: SiteError) {
        errors.append(error)
    }

    mutating func problem(at node: Node, _ message: String, fix: String? = nil) {
        let (line, column) = position(of: node)
        errors.append(SiteError(file: file, line: line, column: column, message: message, fix: fix))
    }

    func value(_ key: String) -> Node? {
        let found = Self.textualName(key) ? valuesByTextKey[key] : node.mapping?[key]
        guard let value = found else { return nil }
        if value.null != nil { return nil }
        return value
    }

    mutating func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value else {
            problem(at: value, "`\(key)` must be text, found a \(Self.describe(value))", fix: "write `\(key): some text` on one line")
            return nil
        }
        return checkedText(scalar.string, key: key, at: value)
    }

    /// Text without control characters (tab and line breaks aside): YAML escapes such as `"\0"`
    /// can write them, and no page, feed or sitemap can show them.
    private mutating func checkedText(_ text: String, key: String, at node: Node) -> String? {
        guard let control = text.unicodeScalars.first(where: Self.isForbiddenControl) else { return text }
        let code = String(control.value, radix: 16, uppercase: true)
        problem(at: node, "`\(key)` holds the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code), which no page or feed can show",
                fix: "remove the escape (such as `\\0` or `\\x07`) from the text")
        return nil
    }

    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// A whole number written as one, not in quotes: `"10"` is text.
    mutating func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = Int(scalar.string) else {
            problem(at: value, "`\(key)` must be a whole number, found \(Self.quote(value))", fix: "write a number such as `\(key): 10`")
            return nil
        }
        return number
    }

    /// Only `true` or `false`, unquoted (YAML 1.2): `yes`, `on` or `"true"` are refused rather
    /// than guessed, since a wrong guess publishes a draft or hides a page without a word.
    mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        switch value.scalar.flatMap({ $0.style == .plain ? $0.string : nil }) {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            problem(at: value, "`\(key)` must be true or false, found \(Self.quote(value))", fix: "write `\(key): true` or `\(key): false`")
            return nil
        }
    }

    /// A date written as YYYY-MM-DD, kept as its text so output never depends on the time zone.
    mutating func date(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        let text = value.scalar?.string ?? ""
        guard DateText.isValid(text) else {
            problem(at: value, "`\(key)` must be a date written YYYY-MM-DD, found \(Self.quote(value))", fix: "write for example `\(key): 2026-03-14`")
            return nil
        }
        return String(text.prefix(10))
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        if case .scalar(let scalar) = value { return checkedText(scalar.string, key: key, at: value).map { [$0] } ?? [] }
        guard case .sequence(let sequence) = value else {
            problem(at: value, "`\(key)` must be a list of text, found a \(Self.describe(value))", fix: "write `\(key): [first, second]`")
            return nil
        }
        var result: [String] = []
        for element in sequence {
            if let scalar = element.scalar {
                if let text = checkedText(scalar.string, key: key, at: element) { result.append(text) }
            } else {
                problem(at: element, "every entry of `\(key)` must be text, found a \(Self.describe(element))")
            }
        }
        return result
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping (key: value pairs)"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    static func quote(_ node: Node) -> String {
        if let scalar = node.scalar {
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? " (in quotes, so text)" : ""
            return "\"\(scalar.string)\"\(quoted)"
        }
        return "a \(describe(node))"
    }
}

enum DateText {
    /// Accepts YYYY-MM-DD with a real month and day (optionally followed by a time, which is ignored).
    static func isValid(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-")
        guard text.count >= 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        guard (1...12).contains(month), year > 0 else { return false }
        let daysInMonth = [31, (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...daysInMonth[month - 1]).contains(day)
    }
}
