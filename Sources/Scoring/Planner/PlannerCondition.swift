/// A condition on one input, written in YAML as `role: [manager, hybrid]` (a choice is one of
/// these options) or `years-managed: {max: 0}` (a number lies within these edges, both included).
/// A condition on an input that is not asked never holds.
public struct PlannerCondition: Sendable, Equatable {
    public var input: String
    /// For a choice: the option ids allowed.
    public var options: [String]?
    public var min: Int?
    public var max: Int?

    public init(input: String, options: [String]? = nil, min: Int? = nil, max: Int? = nil) {
        self.input = input
        self.options = options
        self.min = min
        self.max = max
    }

    private struct Edges: Decodable {
        var min: Int?
        var max: Int?
        enum CodingKeys: String, CodingKey, CaseIterable { case min, max }
        init(from decoder: any Decoder) throws {
            let fields = try StrictFields(decoder, CodingKeys.self)
            min = try fields.optional(.min)
            max = try fields.optional(.max)
        }
    }

    /// The conditions of a `when:` mapping, sorted by input id (a mapping has no order).
    static func decodeList<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> [PlannerCondition] {
        guard container.contains(key) else { return [] }
        let mapping = try container.nestedContainer(keyedBy: FieldKey.self, forKey: key)
        var conditions: [PlannerCondition] = []
        for field in mapping.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            if let options = try? mapping.decode([String].self, forKey: field) {
                conditions.append(PlannerCondition(input: field.stringValue, options: options))
            } else {
                let edges = try mapping.decode(Edges.self, forKey: field)
                conditions.append(PlannerCondition(input: field.stringValue, min: edges.min, max: edges.max))
            }
        }
        return conditions
    }

    /// Whether the condition holds for `value` of an input of this definition (an option index
    /// for a choice).
    func holds(_ value: Int, of input: PlannerInput) -> Bool {
        if let options {
            guard input.options.indices.contains(value) else { return false }
            return options.contains(input.options[value].id)
        }
        return (min.map { $0 <= value } ?? true) && (max.map { value <= $0 } ?? true)
    }
}
