import Foundation

/// What a name in a template finds: a context value, or what one of swift-mustache's transforms
/// made of one (`reversed(list)`, `sorted(map)`), kept in the shape swift-mustache gives it so it
/// prints, iterates and transforms the same (swift-mustache 2.1.1, `Transform.swift`; pinned in
/// Package.swift, checked by `TemplateEngineTests`).
enum LookedUpValue {
    case value(TemplateValue)
    /// `reversed(list)`: a `ReversedCollection` of the list.
    case reversed([TemplateValue])
    /// `enumerated(map)`, `sorted(map)`: the map's entries as `(key:, value:)` tuples.
    case entries([(key: String, value: TemplateValue)])
    /// One of those entries: it has the names `key` and `value`.
    case entry(key: String, value: TemplateValue)
    /// `index()`, `first()` ... inside a list: the position of the item.
    case position(ListPosition)

    /// The value `name` holds inside this one, as swift-mustache finds it: only maps and entries
    /// have names (strings, numbers and lists have no labelled children).
    func child(named name: String) -> LookedUpValue? {
        switch self {
        case .value(let value): value[name].map(LookedUpValue.value)
        case .entry(let key, let value):
            switch name {
            case "key": .value(.string(key))
            case "value": .value(value)
            default: nil
            }
        case .reversed, .entries, .position: nil
        }
    }

    /// The text `{{name}}` prints (before escaping).
    var printed: String {
        switch self {
        case .value(.string(let string)): string
        case .value(.bool(let bool)): bool ? "true" : "false"
        case .value(.int(let int)): String(int)
        case .value(let value): String(describing: value.lowered)
        case .reversed(let values): String(describing: (values.map(\.lowered) as [Any]).reversed())
        case .entries(let entries): String(describing: entries.map { (key: $0.key, value: $0.value.lowered) })
        case .entry(let key, let value): String(describing: (key: key, value: value.lowered))
        case .position(let position): String(describing: position)
        }
    }

    /// The items `{{#name}}` repeats its body for, when the value is a list of some kind.
    var items: [LookedUpValue]? {
        switch self {
        case .value(.list(let values)): values.map(LookedUpValue.value)
        case .reversed(let values): values.reversed().map(LookedUpValue.value)
        case .entries(let entries): entries.map { .entry(key: $0.key, value: $0.value) }
        case .value, .entry, .position: nil
        }
    }

    /// swift-mustache's transform `name` of this value, or nil where it has none.
    func transformed(by name: String) -> LookedUpValue? {
        switch self {
        case .value(.string(let string)):
            switch name {
            case "empty": .value(.bool(string.isEmpty))
            case "capitalized": .value(.string(string.capitalized))
            case "lowercased": .value(.string(string.lowercased()))
            case "uppercased": .value(.string(string.uppercased()))
            case "reversed": .value(.string(String(string.reversed())))
            default: nil
            }
        case .value(.int(let int)):
            switch name {
            case "equalzero": .value(.bool(int == 0))
            case "plusone": .value(.int(int &+ 1))
            case "minusone": .value(.int(int &- 1))
            case "even": .value(.bool(int & 1 == 0))
            case "odd": .value(.bool(int & 1 == 1))
            default: nil
            }
        case .value(.bool):
            nil
        case .value(.list(let values)):
            Self.listTransform(name, first: values.first.map(LookedUpValue.value), last: values.last.map(LookedUpValue.value),
                               count: values.count, reversed: .reversed(values))
        case .reversed(let values):
            Self.listTransform(name, first: values.last.map(LookedUpValue.value), last: values.first.map(LookedUpValue.value),
                               count: values.count, reversed: .value(.list(values)))
        case .entries(let entries):
            // A `ReversedCollection` of entries is never made: no template chains two list transforms.
            Self.listTransform(name, first: entries.first.map { .entry(key: $0.key, value: $0.value) },
                               last: entries.last.map { .entry(key: $0.key, value: $0.value) }, count: entries.count,
                               reversed: .entries(entries.reversed()))
        case .value(.map(let map)):
            switch name {
            case "count": .value(.int(map.count))
            case "empty": .value(.bool(map.isEmpty))
            case "enumerated": .entries(map.map { (key: $0.key, value: $0.value) })
            case "sorted": .entries(map.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key })
            default: nil
            }
        case .entry:
            nil
        case .position(let position):
            position.transform(name)
        }
    }

    /// An array's transforms; `sorted` needs comparable elements, which no list of values has.
    private static func listTransform(_ name: String, first: LookedUpValue?, last: LookedUpValue?, count: Int,
                                      reversed: LookedUpValue) -> LookedUpValue? {
        switch name {
        case "first": first
        case "last": last
        case "reversed": reversed
        case "count": .value(.int(count))
        case "empty": .value(.bool(count == 0))
        default: nil
        }
    }
}

/// `{{first()}}`, `{{last()}}`, `{{index()}}`, `{{even()}}`, `{{odd()}}` inside a list.
struct ListPosition {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> LookedUpValue? {
        switch name {
        case "first": .value(.bool(first))
        case "last": .value(.bool(last))
        case "index": .value(.int(index))
        case "even": .value(.bool(index & 1 == 0))
        case "odd": .value(.bool(index & 1 == 1))
        default: nil
        }
    }
}
