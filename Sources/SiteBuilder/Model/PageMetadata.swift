/// Typed front matter of one page.
struct PageMetadata: Sendable, Equatable, Codable {
    var title: String
    var kind: PageKind = .page
    var summary: String = ""
    var weight: Int = 0
    var date: String?
    var updated: String?
    var draft: Bool = false
    var tags: [String] = []
    var slug: String?
    var aliases: [String] = []
    var template: String?
    var readNext: [String] = []
    /// Links pages of different languages as translations of each other when their paths differ
    /// (`translation_key:`); without it, `x.de.md` translates `x.md`.
    var translationKey: String?
    /// The fields the front matter writes, by their front-matter names: a translation takes the
    /// others from its original (see `Translations`).
    var writtenFields: Set<String> = []

    init(title: String) { self.title = title }

    static let knownFields: Set<String> = ["title", "kind", "summary", "weight", "date", "updated", "draft", "tags",
                                           "slug", "aliases", "template", "read_next", "description", "translation_key"]

    /// Decodes front matter, collecting every located problem. `yamlFirstLine` is the file line of
    /// the YAML's first line.
    static func decode(_ yaml: String, file: String, yamlFirstLine: Int) -> Result<PageMetadata, BuildFailure> {
        let document: YAMLDocument
        // Front matter keeps the default YAML limits: a page's result is cached apart from site.yml.
        switch YAMLDocument.parse(yaml, file: file, lineOffset: yamlFirstLine - 1, resolvingTypes: false, raisable: false) {
        case .success(let parsed): document = parsed
        case .failure(let error): return .failure(BuildFailure([error]))
        }
        guard let root = document.root, root.mapping != nil else {
            let isEmpty = yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            return .failure(BuildFailure([SiteError(file: file, line: yamlFirstLine, column: 1,
                                       message: isEmpty ? "front matter is empty; a page needs at least a title" : "front matter must be key: value pairs",
                                       fix: "write `title: Your page title` between the two `---` lines")]))
        }
        var fields = YAMLFields(file: file, lineOffset: yamlFirstLine - 1, node: root)
        for (name, node) in fields.keys where !knownFields.contains(name) {
            fields.problem(at: node, "unknown front-matter field `\(name)`",
                           fix: "use one of: \(knownFields.sorted().joined(separator: ", "))")
        }
        let title = fields.string("title")
        if title == nil || title?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            let where_ = fields.value("title") ?? root
            fields.problem(at: where_, "missing `title`", fix: "add `title: Your page title` to the front matter")
        }
        var metadata = PageMetadata(title: title ?? "")
        if let kindNode = fields.value("kind") {
            if let text = fields.string("kind") {
                if let kind = PageKind(rawValue: text) {
                    metadata.kind = kind
                } else {
                    fields.problem(at: kindNode, "unknown kind \"\(text)\"", fix: "use one of: \(PageKind.namesForMessages)")
                }
            }
        }
        metadata.summary = fields.string("summary") ?? fields.string("description") ?? ""
        metadata.weight = fields.int("weight") ?? 0
        metadata.date = fields.date("date")
        metadata.updated = fields.date("updated")
        metadata.draft = fields.bool("draft") ?? false
        metadata.tags = fields.strings("tags") ?? []
        metadata.slug = fields.string("slug")
        if let slug = metadata.slug, let slugNode = fields.value("slug") {
            if slug.contains("/") {
                fields.problem(at: slugNode, "`slug` must be one path segment, found \"\(OutputPath.shown(slug))\"", fix: "use letters, digits and hyphens, e.g. `slug: no-training`")
            } else if let problem = OutputPath.problem(inSegment: Substring(slug)) {
                fields.problem(at: slugNode, "`slug` \"\(OutputPath.shown(slug))\" \(problem)", fix: "use letters, digits and hyphens, e.g. `slug: no-training`")
            }
        }
        metadata.aliases = fields.strings("aliases") ?? []
        if let aliasesNode = fields.value("aliases") {
            for node in aliasesNode.sequence.map(Array.init) ?? [aliasesNode] {
                guard let alias = node.scalar?.string else { continue }
                do {
                    _ = try OutputPath(address: alias)
                } catch {
                    fields.problem(at: node, "alias \(error)",
                                   fix: "write an address of this site, such as `old-folder/old-page/` (it becomes old-folder/old-page/index.html)")
                }
            }
        }
        metadata.template = fields.string("template")
        metadata.readNext = fields.strings("read_next") ?? []
        metadata.translationKey = fields.string("translation_key")
        metadata.writtenFields = Set(fields.keys.map(\.name).filter { knownFields.contains($0) && fields.value($0) != nil })
        return fields.errors.isEmpty ? .success(metadata) : .failure(BuildFailure(fields.errors))
    }
}
