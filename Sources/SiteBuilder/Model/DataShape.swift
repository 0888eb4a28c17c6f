import Blocks
import Yams

/// Whether a language's data file (`data/ladders.de.yml`) has its original's shape: the same keys
/// in every mapping, the same number of entries in every list, and the same `id` values, so
/// blocks and templates find in it what they find in the original. Its texts may differ.
enum DataShape {
    /// The first difference, at its line in the translated file; nil when the shapes match.
    static func mismatch(_ translated: SiteLoader.TranslatedData, original: DataFile) -> SiteError? {
        let file = translated.dataFile
        guard case .success(let translatedDocument) = YAMLDocument.parse(file.text, file: file.path, bounds: file.yamlBounds),
              case .success(let originalDocument) = YAMLDocument.parse(original.text, file: original.path, bounds: original.yamlBounds),
              let translatedRoot = translatedDocument.root, let originalRoot = originalDocument.root else { return nil }
        guard let (node, difference) = firstDifference(translatedRoot, originalRoot, at: "") else { return nil }
        return SiteError(file: file.path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column },
                         message: "\(difference) (the original is \(original.path))",
                         fix: "keep the original's keys, list entries and ids; translate only the texts")
    }

    private static func firstDifference(_ translated: Node, _ original: Node, at path: String) -> (Node, String)? {
        let shown = path.isEmpty ? "the file" : "`\(path)`"
        switch (translated, original) {
        case (.mapping(let mine), .mapping(let theirs)):
            let myKeys = Set(mine.keys.compactMap(\.string)), theirKeys = Set(theirs.keys.compactMap(\.string))
            if let extra = myKeys.subtracting(theirKeys).sorted().first {
                return (mine.keys.first { $0.string == extra } ?? translated, "\(shown) has the key `\(extra)`")
            }
            if let missing = theirKeys.subtracting(myKeys).sorted().first {
                return (translated, "\(shown) lacks the key `\(missing)`")
            }
            for (key, value) in mine {
                guard let name = key.string, let other = theirs[key] else { continue }
                let inner = path.isEmpty ? name : "\(path).\(name)"
                if name == "id", value.string != other.string {
                    return (value, "`\(inner)` is \"\(value.string ?? "")\" where the original has \"\(other.string ?? "")\"")
                }
                if let found = firstDifference(value, other, at: inner) { return found }
            }
            return nil
        case (.sequence(let mine), .sequence(let theirs)):
            if mine.count != theirs.count {
                return (translated, "\(shown) has \(mine.count) entries where the original has \(theirs.count)")
            }
            for (offset, pair) in zip(mine, theirs).enumerated() {
                if let found = firstDifference(pair.0, pair.1, at: "\(path)[\(offset)]") { return found }
            }
            return nil
        case (.scalar, .scalar):
            return nil
        default:
            return (translated, "\(shown) is a \(YAMLFields.describe(translated)) where the original has a \(YAMLFields.describe(original))")
        }
    }
}
