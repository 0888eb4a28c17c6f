import Yams

/// A YAML value made safe to share across threads and hand to Mustache.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case null

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = node.null != nil ? .null : .text(scalar.string)
        case .sequence(let sequence):
            self = .list(sequence.map(TemplateValue.init))
        case .mapping(let mapping):
            var map: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                map[key.string ?? ""] = TemplateValue(value)
            }
            self = .map(map)
        case .alias:
            self = .null
        }
    }

    /// Plain Swift values for Mustache (which reads dictionaries and arrays).
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .list(let values): values.map(\.mustacheValue)
        case .map(let map): map.mapValues(\.mustacheValue)
        case .null: ""
        }
    }
}
