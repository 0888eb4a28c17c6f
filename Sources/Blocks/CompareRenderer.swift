import Yams

/// Renders ```compare: the technical and management sides of each dimension in one table.
struct CompareRenderer {
    struct CompareFile: Decodable {
        var caption: String?
        var columns: Columns
        var dimensions: [Dimension]
        static let keys = ["caption", "columns", "dimensions"]
    }
    struct Columns: Decodable {
        /// Heading of the first column; "Dimension" when absent.
        var dimension: String?
        var technical: String
        var management: String
        static let keys = ["dimension", "technical", "management"]
    }
    struct Dimension: Decodable {
        var id: String
        var name: String
        var technical: String
        var management: String
        static let keys = ["id", "name", "technical", "management"]
    }

    var dataFiles: [String: DataFile]
    /// Where each data file's decoded comparison is kept for the next block that reads it.
    var decoded = DecodedDataFiles()

    func render(body: String) throws(BlockError) -> String {
        let reference = try DataReference.parse(
            body: body, blockName: "compare", defaultName: "dimensions", selectionKey: nil)
        let file = try reference.file(in: dataFiles, blockName: "compare")
        let table = try decoded.comparison(file)

        var html = ["<table class=\"compare\">"]
        if let caption = table.caption?.trimmingWhitespace.nonEmpty {
            html.append("<caption>\(escapeHTML(caption))</caption>")
        }
        html.append("<thead>")
        html.append(
            "<tr><th scope=\"col\">\(escapeHTML(table.columns.dimension ?? "Dimension"))</th>"
                + "<th scope=\"col\">\(escapeHTML(table.columns.technical))</th>"
                + "<th scope=\"col\">\(escapeHTML(table.columns.management))</th></tr>")
        html.append("</thead>")
        html.append("<tbody>")
        for dimension in table.dimensions {
            html.append(
                "<tr id=\"dimension-\(escapeHTML(dimension.id))\"><th scope=\"row\">\(escapeHTML(dimension.name))</th>"
                    + "<td>\(escapeHTML(dimension.technical))</td><td>\(escapeHTML(dimension.management))</td></tr>")
        }
        html.append("</tbody>")
        html.append("</table>")
        return html.joined(separator: "\n") + "\n"
    }

    /// The data file as a comparison, checked: known keys only, at least one dimension, unique plain ids.
    static func decode(_ file: DataFile) throws(BlockError) -> CompareFile {
        let (reader, root) = try composeDataFile(
            file, blockName: "compare", expecting: "`columns:` (technical, management) and `dimensions:`")
        try reader.rejectUnknownKeys(in: root, allowed: CompareFile.keys, path: "")
        if let columns = root["columns"] {
            try reader.rejectUnknownKeys(in: columns, allowed: Columns.keys, path: "columns")
        }
        let dimensionNodes = root["dimensions"].map { $0.array() } ?? []
        for (index, node) in dimensionNodes.enumerated() {
            try reader.rejectUnknownKeys(in: node, allowed: Dimension.keys, path: "dimensions[\(index)]")
        }
        let table = try reader.decode(CompareFile.self, from: root)

        guard !table.dimensions.isEmpty else {
            throw reader.error("`dimensions` is empty — add at least one `- id: …` entry", at: root["dimensions"])
        }
        var seen: Set<String> = []
        for (index, dimension) in table.dimensions.enumerated() {
            let node = dimensionNodes.indices.contains(index) ? dimensionNodes[index] : nil
            try checkIdentifier(dimension.id, path: "dimensions[\(index)].id", reader: reader, node: node?["id"])
            guard seen.insert(dimension.id).inserted else {
                throw reader.error("two dimensions share the id \"\(dimension.id)\" — ids must be unique", at: node?["id"])
            }
        }
        return table
    }
}
