import Yams

/// Reads YAML for one block kind and turns every Yams or Codable failure into a `BlockError` that
/// points at a line and says what was expected, because authors see these messages, not Swift's.
struct YAMLReader {
    /// "chart", "ladder" ...: starts every message so the author knows which block complained.
    var blockName: String
    /// The data file being read, or nil for the block body.
    var file: String?

    /// The document's root node, or nil when the text holds nothing but blanks and comments.
    func compose(_ text: String, bounds: YAMLBounds = .default) throws(BlockError) -> Node? {
        if let violation = bounds.firstViolation(in: text) {
            throw BlockError(line: violation.line, file: file, message: "\(blockName): \(violation.message)")
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw BlockError(line: 0, file: file, message: "\(blockName): could not read YAML: \(error)")
        }
    }

    func decode<Value: Decodable>(_ type: Value.Type, from root: Node) throws(BlockError) -> Value {
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw decodingError(error, root: root)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw BlockError(line: root.mark?.line ?? 0, file: file, message: "\(blockName): \(error)")
        }
    }

    /// Catches misspelt optional keys (`descripton:`), which Codable would silently ignore.
    func rejectUnknownKeys(in node: Node, allowed: [String], path: String) throws(BlockError) {
        guard case let .mapping(mapping) = node else { return }
        for (key, _) in mapping {
            guard let name = key.string, !allowed.contains(name) else { continue }
            let place = path.isEmpty ? "" : " in `\(path)`"
            let choices = allowed.map { "`\($0)`" }.joined(separator: ", ")
            throw BlockError(
                line: key.mark?.line ?? 0, file: file,
                message: "\(blockName): unknown key `\(name)`\(place) — expected one of \(choices)")
        }
    }

    func error(_ message: String, at node: Node?) -> BlockError {
        BlockError(line: node?.mark?.line ?? 0, file: file, message: "\(blockName): \(message)")
    }

    private func syntaxError(_ error: YamlError) -> BlockError {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text))" } ?? ""
            return BlockError(
                line: mark.line, file: file,
                message: "\(blockName): YAML syntax error at column \(mark.column): \(problem)\(during) — "
                    + "check the indentation and quote values that contain `: ` or start with a symbol")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return BlockError(
                line: context.mark.line, file: file,
                message: "\(blockName): \(keys) appears more than once in the same mapping — keep one")
        default:
            return BlockError(line: 0, file: file, message: "\(blockName): YAML error: \(error)")
        }
    }

    private func decodingError(_ error: DecodingError, root: Node) -> BlockError {
        switch error {
        case let .typeMismatch(expected, context):
            let node = root.descendant(at: context.codingPath)
            let found = node.map(describeFound) ?? "nothing"
            return BlockError(
                line: node?.mark?.line ?? 0, file: file,
                message: "\(blockName): `\(pathText(context.codingPath))` must be \(describeExpected(expected)), found \(found)")
        case let .valueNotFound(expected, context):
            let node = root.descendant(at: context.codingPath)
            return BlockError(
                line: node?.mark?.line ?? 0, file: file,
                message: "\(blockName): `\(pathText(context.codingPath))` is empty — give it \(describeExpected(expected))")
        case let .keyNotFound(key, context):
            let container = root.descendant(at: context.codingPath)
            return BlockError(
                line: container?.mark?.line ?? 0, file: file,
                message: "\(blockName): `\(pathText(context.codingPath + [key]))` is required but missing")
        case let .dataCorrupted(context):
            let node = root.descendant(at: context.codingPath)
            let place = context.codingPath.isEmpty ? "" : "`\(pathText(context.codingPath))`: "
            return BlockError(
                line: node?.mark?.line ?? 0, file: file,
                message: "\(blockName): \(place)\(context.debugDescription)")
        @unknown default:
            return BlockError(line: 0, file: file, message: "\(blockName): \(error)")
        }
    }
}

/// `bars[2].value`: the path as an author would write it.
func pathText(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if let index = key.intValue, key.stringValue.isEmpty || key.stringValue == "Index \(index)" || Int(key.stringValue) == index {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
    }
    return text.isEmpty ? "(the whole body)" : text
}

private func describeExpected(_ type: Any.Type) -> String {
    switch type {
    case is Double.Type, is Float.Type: return "a number"
    case is Int.Type: return "a whole number"
    case is String.Type: return "text"
    case is Bool.Type: return "true or false"
    // Yams names the node kind it wanted when the shape is wrong, not the Swift type.
    case is Node.Scalar.Type: return "a single value, not a list or mapping"
    case is Node.Sequence.Type: return "a list (lines starting with `- `)"
    default: return "a mapping (`key: value` lines)"
    }
}

private func describeFound(_ node: Node) -> String {
    switch node {
    case let .scalar(scalar):
        return scalar.string.isEmpty ? "nothing" : "\"\(scalar.string)\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
}

extension Node {
    /// The node a Codable path leads to, for its line and its actual value.
    func descendant(at codingPath: [any CodingKey]) -> Node? {
        var current: Node? = self
        for key in codingPath {
            switch current {
            case let .sequence(sequence)?:
                guard let index = key.intValue, sequence.indices.contains(index) else { return current }
                current = sequence[index]
            case let .mapping(mapping)?:
                guard let next = mapping[key.stringValue] else { return current }
                current = next
            default:
                return current
            }
        }
        return current
    }
}
