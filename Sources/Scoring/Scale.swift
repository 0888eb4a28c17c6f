import Foundation

/// The answer scale shared by every item: whole numbers from `min` to `max`, some of them labelled.
public struct Scale: Codable, Sendable, Equatable {
    public var min: Int
    public var max: Int
    /// Words shown at some points of the scale, e.g. `0: "Not at all like me"`.
    public var labels: [Int: String]

    public init(min: Int, max: Int, labels: [Int: String] = [:]) {
        self.min = min
        self.max = max
        self.labels = labels
    }

    /// Every allowed answer (empty when the scale is invalid, so callers never build a bad range).
    public var answers: [Int] {
        min <= max ? Array(min...max) : []
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case min, max, labels
    }

    public init(from decoder: any Decoder) throws {
        let container = try StrictFields(decoder, CodingKeys.self).container
        min = try container.decode(Int.self, forKey: .min)
        max = try container.decode(Int.self, forKey: .max)
        labels = [:]
        // YAML gives `0:` as an integer key, JSON only has string keys: accept both spellings.
        guard container.contains(.labels) else { return }
        let labelContainer = try container.nestedContainer(keyedBy: FieldKey.self, forKey: .labels)
        for key in labelContainer.allKeys {
            let spelled = key.stringValue.trimmingCharacters(in: .whitespaces)
            guard let point = key.intValue ?? Int(spelled) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: labelContainer,
                    debugDescription: "scale label key \"\(key.stringValue)\" is not a whole number; key each label by the answer it names, e.g. 0 or 10"
                )
            }
            guard labels[point] == nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: labelContainer,
                    debugDescription: "scale label key \"\(key.stringValue)\" names answer \(point) a second time; keep one label per answer"
                )
            }
            labels[point] = try labelContainer.decode(String.self, forKey: key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
        // String keys in numeric order, so every encoder writes the same object.
        var labelContainer = container.nestedContainer(keyedBy: FieldKey.self, forKey: .labels)
        for point in labels.keys.sorted() {
            if let text = labels[point] {
                try labelContainer.encode(text, forKey: FieldKey(String(point)))
            }
        }
    }
}
