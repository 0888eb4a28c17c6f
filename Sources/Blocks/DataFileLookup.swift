import Yams

/// The optional `data: <name>` body shared by ```ladder and ```compare, and the data file it names.
struct DataReference {
    var name: String
    /// Tracks or other subsets a block may pick; nil means all.
    var selection: [String]?
    /// The node of `tracks:` or similar, for error lines.
    var selectionNode: Node?

    /// Reads the block body: nothing, or `data:` plus the keys in `extraKeys`.
    static func parse(
        body: String, blockName: String, defaultName: String, selectionKey: String?
    ) throws(BlockError) -> DataReference {
        let reader = YAMLReader(blockName: blockName, file: nil)
        guard let root = try reader.compose(body) else {
            return DataReference(name: defaultName)
        }
        guard case .mapping = root else {
            throw reader.error("the body must be empty or `key: value` lines such as `data: \(defaultName)`", at: root)
        }
        try reader.rejectUnknownKeys(in: root, allowed: ["data"] + (selectionKey.map { [$0] } ?? []), path: "")
        struct Body: Decodable {
            var data: String?
        }
        let decoded = try reader.decode(Body.self, from: root)
        var reference = DataReference(name: decoded.data?.trimmingWhitespace.nonEmpty ?? defaultName)
        if let selectionKey, let node = root[selectionKey] {
            let selection = try reader.decode([String].self, from: node)
            guard !selection.isEmpty else {
                throw reader.error("`\(selectionKey)` is empty — list at least one id, or remove it to show all", at: node)
            }
            reference.selection = selection
            reference.selectionNode = node
        }
        return reference
    }

    init(name: String, selection: [String]? = nil, selectionNode: Node? = nil) {
        self.name = name
        self.selection = selection
        self.selectionNode = selectionNode
    }

    func file(in dataFiles: [String: DataFile], blockName: String) throws(BlockError) -> DataFile {
        if let file = dataFiles[name] {
            return file
        }
        let available = dataFiles.keys.sorted().joined(separator: ", ")
        let known = available.isEmpty ? "there are no data files yet" : "available: \(available)"
        throw BlockError(
            line: 0,
            message: "\(blockName): data file content/data/\(name).yml is missing — create it or set `data:` "
                + "to an existing file in content/data/ (\(known))",
            fileIsMissing: true)
    }
}

/// Reads a data file's root mapping, or says the file is empty.
func composeDataFile(_ file: DataFile, blockName: String, expecting: String) throws(BlockError) -> (YAMLReader, Node) {
    let reader = YAMLReader(blockName: blockName, file: file.path)
    guard let root = try reader.compose(file.text, bounds: file.yamlBounds) else {
        throw BlockError(line: 0, file: file.path, message: "\(blockName): the data file is empty — it needs \(expecting)")
    }
    guard case .mapping = root else {
        throw reader.error("the data file must be a mapping with \(expecting)", at: root)
    }
    return (reader, root)
}

/// Ids end up in HTML ids and attributes, so they are kept to a plain, predictable shape.
func checkIdentifier(_ id: String, path: String, reader: YAMLReader, node: Node?) throws(BlockError) {
    let allowed = id.unicodeScalars.allSatisfy { scalar in
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
    guard !id.isEmpty, allowed else {
        throw reader.error(
            "`\(path)` must be lowercase letters, digits, `-` or `_`, found \"\(id)\"", at: node)
    }
}
