extension Planner {
    /// Reads values written as text, as `crossroads plan --role manager --years 3` and a share
    /// link give them: a choice by option id, a number as a whole number. Only the first problem
    /// is reported, as the page does too.
    public func readValues(_ pairs: [(id: String, text: String)]) throws(PlannerValueError) -> [String: Int] {
        var values: [String: Int] = [:]
        for (id, text) in pairs {
            guard let input = input(id) else {
                throw PlannerValueError(wording("unknownInput", ["id": id, "known": inputs.map(\.id).joined(separator: wording.listSeparator)]))
            }
            switch input.kind {
            case .choice:
                guard let index = input.optionIndex(text) else {
                    throw PlannerValueError(wording("notAnOption", ["input": id, "text": text,
                                                                 "options": input.options.map(\.id).joined(separator: wording.listSeparator)]))
                }
                values[id] = index
            case .number:
                guard let number = Self.wholeNumber(text) else {
                    throw PlannerValueError(wording("notWholeNumber", ["input": id, "text": text]))
                }
                values[id] = number
            }
        }
        return values
    }

    /// ASCII digits with an optional leading minus, at most 15 digits: the same numbers the
    /// page's script reads exactly.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 15, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(text)
    }

    /// The values of a result as text pairs in input order (the inverse of `readValues`), as a
    /// share link and `--json` write them.
    public func textValues(_ values: [String: Int]) -> [(id: String, text: String)] {
        inputs.compactMap { input in
            guard let value = values[input.id] else { return nil }
            switch input.kind {
            case .choice: return input.options.indices.contains(value) ? (input.id, input.options[value].id) : nil
            case .number: return (input.id, String(value))
            }
        }
    }
}

extension Planner {
    /// The share link's fragment for these values, as the page writes it: `#plan=v1:role=manager,years=3`.
    public func fragment(_ values: [String: Int]) -> String {
        "#plan=v\(version):" + textValues(values).map { "\($0.id)=\($0.text)" }.joined(separator: ",")
    }
}
