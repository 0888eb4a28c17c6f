import CYaml

/// Limits on the shape of a YAML text, checked on libyaml's event stream before Yams composes
/// it, because composing is where a hostile text costs: an alias (`*name`) stands for a whole
/// copy of its anchor, so ten levels of ten aliases describe 10^10 values in a few hundred bytes
/// (Yams even hashes alias keys in full), and the composer recurses once per nesting level.
/// The stream is read once, in time linear in the text, whatever the aliases say.
public struct YAMLBounds: Sendable, Equatable {
    /// Values that aliases may add to a file beyond the values written in it.
    public var maxAliasValues: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Values written in a file: every one becomes a node, then a template value.
    public var maxValues: Int

    public static let `default` = YAMLBounds(maxAliasValues: 100_000, maxDepth: 100, maxValues: 200_000)

    public init(maxAliasValues: Int, maxDepth: Int, maxValues: Int = YAMLBounds.default.maxValues) {
        self.maxAliasValues = maxAliasValues
        self.maxDepth = maxDepth
        self.maxValues = maxValues
    }

    public enum Violation: Equatable, Sendable {
        /// Aliases expand to more than `limit` values; `line` is the alias (1-based) that went over.
        case aliasValues(line: Int, limit: Int)
        /// Lists and mappings nest deeper than `limit`; `line` is the first one too deep.
        case depth(line: Int, limit: Int)
        /// More than `limit` values are written; `line` is where the count went over.
        case values(line: Int, limit: Int)
    }

    /// The first violation in `text`, or nil. Syntax errors are left for Yams to report.
    public func firstViolation(in text: String) -> Violation? {
        guard needsEventPass(text) else { return nil }
        var text = text
        return text.withUTF8 { bytes in scan(bytes) }
    }

    /// Without a `*` there is no alias, and nesting needs one of `[ { - : ?` per level, so most
    /// front matter is cleared by counting bytes instead of parsing it twice.
    private func needsEventPass(_ text: String) -> Bool {
        var structural = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "*"): return true
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "?"): structural += 1
            default: break
            }
        }
        // Each value takes at least two bytes (`1` and a separator).
        return structural >= maxDepth || text.utf8.count / 2 > maxValues
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Violation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        // Every value counts once where it is written; an alias counts its anchor's whole size again.
        var values = 0
        var written = 0
        var anchorSizes: [String: Int] = [:]
        // For each open list or mapping: the value count when it opened, and its anchor.
        var open: [(start: Int, anchor: String?)] = []

        func anchorName(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
        }

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                values += 1
                written += 1
                if let anchor = anchorName(event.data.scalar.anchor) { anchorSizes[anchor] = 1 }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                values += 1
                written += 1
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? anchorName(event.data.sequence_start.anchor) : anchorName(event.data.mapping_start.anchor)
                open.append((values - 1, anchor))
                if open.count > maxDepth { return .depth(line: line, limit: maxDepth) }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchorSizes[anchor] = values - closed.start }
            case YAML_ALIAS_EVENT:
                values += anchorName(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1
            default:
                break
            }
            // Checked after every event, so the counts never grow far past the limit.
            if values - written > maxAliasValues { return .aliasValues(line: line, limit: maxAliasValues) }
            if written > maxValues { return .values(line: line, limit: maxValues) }
        }
    }
}

extension YAMLBounds.Violation {
    public var line: Int {
        switch self {
        case .aliasValues(let line, _), .depth(let line, _), .values(let line, _): return line
        }
    }

    public var limit: Int {
        switch self {
        case .aliasValues(_, let limit), .depth(_, let limit), .values(_, let limit): return limit
        }
    }

    /// The name of the setting under `limits:` in site.yml that raises this limit.
    public var settingName: String {
        switch self {
        case .aliasValues: return "yaml_alias_values"
        case .depth: return "yaml_depth"
        case .values: return "yaml_values"
        }
    }

    public var message: String {
        switch self {
        case .aliasValues(_, let limit):
            return "YAML aliases (`*name`) here repeat their anchors into more than \(limit) values, over the limit of \(limit)"
        case .depth(_, let limit):
            return "YAML lists and mappings are nested more than \(limit) deep, over the limit of \(limit)"
        case .values(_, let limit):
            return "this YAML file holds more than \(limit) values, over the limit of \(limit)"
        }
    }
}
