/// The fields of one mapping, read by a type's decoder in the order its initialiser takes them.
/// A misspelt optional field (`reversed: true`) would otherwise be dropped without a word and
/// silently change the scoring, so fields the type does not name stop the decoding with the field
/// named.
struct StrictFields<Key: CodingKey & CaseIterable & RawRepresentable<String>> {
    let container: KeyedDecodingContainer<Key>

    init(_ decoder: any Decoder, _: Key.Type) throws {
        try rejectUnknownFields(in: decoder, allowed: Key.allCases.map(\.rawValue))
        container = try decoder.container(keyedBy: Key.self)
    }

    /// A field that must be there.
    func callAsFunction<Value: Decodable>(_ key: Key) throws -> Value {
        try container.decode(Value.self, forKey: key)
    }

    /// A field that may be left out, and what it means then.
    func callAsFunction<Value: Decodable>(_ key: Key, or absent: Value) throws -> Value {
        try container.decodeIfPresent(Value.self, forKey: key) ?? absent
    }

    /// A field that may be left out, nil then.
    func optional<Value: Decodable>(_ key: Key) throws -> Value? {
        try container.decodeIfPresent(Value.self, forKey: key)
    }
}

private func rejectUnknownFields(in decoder: any Decoder, allowed: [String]) throws {
    let container = try decoder.container(keyedBy: FieldKey.self)
    let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
    guard let first = unknown.first else { return }
    let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
    throw DecodingError.dataCorrupted(DecodingError.Context(
        codingPath: decoder.codingPath + [FieldKey(first)],
        debugDescription: "unknown field\(unknown.count == 1 ? "" : "s") \(names); allowed fields are \(allowed.joined(separator: ", "))"
    ))
}
