/// `mkdocs.yml` for the techdocs export: the site's name and a `nav` in the site's order (home,
/// then each section with its index first, then the plain guides), and the `techdocs-core` plugin
/// that Backstage's TechDocs expects.
enum MkDocsConfig {
    static func yaml(site: Site, navigation: [ExportDocuments.NavigationEntry]) -> String {
        var lines = ["site_name: " + quoted(site.config.title.isEmpty ? "Guides" : site.config.title)]
        if !site.config.description.isEmpty { lines.append("site_description: " + quoted(site.config.description)) }
        if let baseURL = site.config.baseURL { lines.append("site_url: " + quoted(baseURL)) }
        lines.append("docs_dir: docs")
        lines.append("nav:")
        for entry in navigation {
            switch entry {
            case .page(let title, let file):
                lines.append("  - \(quoted(title)): \(quoted(file))")
            case .section(let title, let files):
                lines.append("  - \(quoted(title)):")
                for (index, child) in files.enumerated() {
                    // A section's own index is listed bare, so MkDocs uses it as the section page.
                    lines.append(index == 0 ? "      - \(quoted(child.file))" : "      - \(quoted(child.title)): \(quoted(child.file))")
                }
            }
        }
        // TechDocs' builder ships this plugin; plain MkDocs needs `pip install mkdocs-techdocs-core`
        // or this line removed (tables and heading anchors are MkDocs defaults either way).
        lines.append("plugins:")
        lines.append("  - techdocs-core")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var escaped = "\""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}
