/// A JSON document written one way only: keys sorted by Unicode scalar value at every level, no
/// whitespace, integers only. The same value always gives the same bytes, whatever the platform
/// or Foundation version, and the text is safe inside `<script type="application/json">`.
indirect enum JSONValue: Sendable, Equatable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    var canonicalText: String {
        var output = ""
        write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .object(let members):
            output += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (position, key) in keys.enumerated() {
                if position > 0 { output += "," }
                Self.writeString(key, into: &output)
                output += ":"
                members[key]?.write(into: &output)
            }
            output += "}"
        case .array(let elements):
            output += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { output += "," }
                element.write(into: &output)
            }
            output += "]"
        case .string(let text):
            Self.writeString(text, into: &output)
        case .integer(let number):
            output += String(number)
        case .bool(let flag):
            output += flag ? "true" : "false"
        case .null:
            output += "null"
        }
    }

    /// `<`, `>` and `&` are escaped so `</script>` or `<!--` in a statement cannot end or
    /// change the script element; U+2028 and U+2029 because older JavaScript treats them as
    /// line breaks inside string literals.
    /// Control characters other than `\n`, `\r` and `\t` are written `\u00XX`, as the search
    /// index's writer (`ByteText.JSONText`) writes them, so both give the same bytes (ByteTextTests).
    private static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += unicodeEscape(scalar)
            case _ where scalar.value < 0x20:
                output += unicodeEscape(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
