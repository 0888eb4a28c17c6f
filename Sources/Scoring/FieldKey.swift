import Foundation

/// A coding key for any field name, used to read label keys and to list the fields present.
struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = Int(string)
    }

    init?(stringValue: String) {
        self.init(stringValue)
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A misspelt optional field (`reversed: true`) would otherwise be dropped without a word and
/// silently change the scoring, so unknown fields stop the decoding with the field named.
func rejectUnknownFields(in decoder: any Decoder, allowed: [String]) throws {
    let container = try decoder.container(keyedBy: FieldKey.self)
    let unknown = container.allKeys.map(\.stringValue).filter { !allowed.contains($0) }.sorted()
    guard let first = unknown.first else { return }
    let names = unknown.map { "\"\($0)\"" }.joined(separator: ", ")
    throw DecodingError.dataCorrupted(DecodingError.Context(
        codingPath: decoder.codingPath + [FieldKey(first)],
        debugDescription: "unknown field\(unknown.count == 1 ? "" : "s") \(names); allowed fields are \(allowed.joined(separator: ", "))"
    ))
}
