import Yams

/// A value a template reads: what every context is built of (`Render/Contexts/`) and what
/// `TemplateRenderer` walks, with no casts. Data files (YAML) arrive as text, lists and maps;
/// contexts add numbers and booleans.
enum TemplateValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// A YAML node as templates see it: every scalar is text, as written; null and aliases
    /// (which the loader's bounds have already expanded or refused) print nothing.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = node.null != nil ? .string("") : .string(scalar.string)
        case .sequence(let sequence):
            self = .list(sequence.map(TemplateValue.init))
        case .mapping(let mapping):
            var map: [String: TemplateValue] = [:]
            for (key, value) in mapping {
                map[key.string ?? ""] = TemplateValue(value)
            }
            self = .map(map)
        case .alias:
            self = .string("")
        }
    }

    /// The plain Swift values swift-mustache reads (`String`, `Int`, `Bool`, `[Any]`,
    /// `[String: Any]`), for a theme it renders itself and for printing a whole list or map as it
    /// would. A map keeps its entries' order (`mapValues`), so every lowering prints alike.
    var lowered: Any {
        switch self {
        case .string(let string): string
        case .int(let int): int
        case .bool(let bool): bool
        case .list(let values): values.map(\.lowered) as [Any]
        case .map(let map): map.mapValues(\.lowered) as [String: Any]
        }
    }

    /// The value at `name` in a map; nothing in any other value.
    subscript(name: String) -> TemplateValue? {
        if case .map(let map) = self { return map[name] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
