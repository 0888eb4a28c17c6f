import Blocks
import Markdown
import Scoring

/// The exported files of one site, in memory: Markdown pages, chart images and the navigation.
struct ExportDocuments {
    enum NavigationEntry {
        case page(title: String, file: String)
        case section(title: String, files: [(title: String, file: String)])
    }

    var files: [String: String] = [:]
    var images: [String: String] = [:]
    var navigation: [NavigationEntry] = []

    let site: Site

    init(site: Site) { self.site = site }

    /// `pitfalls/no-training.md` stays `pitfalls/no-training.md`; a section's `_index.md` becomes
    /// its folder's `index.md`, which MkDocs and most wikis show for the folder.
    static func exportedFile(forContentPath path: String) -> String {
        path.hasSuffix("/_index.md") ? String(path.dropLast("_index.md".count)) + "index.md" : path
    }

    func render() throws -> ExportDocuments {
        var result = self
        let model = SiteModel(site: site)
        var targets: [String: String] = [:]
        var sitePaths: [String: String] = [:]
        for page in site.pages {
            let file = Self.exportedFile(forContentPath: page.contentPath)
            targets[page.contentPath] = file
            sitePaths[page.sitePath] = file
        }
        var sectionFiles: [PageKind: String] = [:]
        for kind in PageKind.allCases {
            guard let path = model.sectionPath(kind) else { continue }
            // A language's export is written inside its own folder: its files drop the prefix (`de/`).
            let file = model.unprefixed(path) + "index.md"
            sectionFiles[kind] = file
            sitePaths[path] = file
            // `@/pitfalls/_index.md`, whichever language's intro file the section shows.
            if site.sections[kind] != nil, let sectionPath = kind.sectionPath { targets[sectionPath + "_index.md"] = file }
        }
        let questionnairePage = site.pages.firstIndex { $0.metadata.template == "questionnaire" }
        let paperFile = questionnairePage.map { Self.exportedFile(forContentPath: site.pages[$0].contentPath) } ?? "questionnaire.md"
        if site.questionnaire != nil, questionnairePage == nil {
            sitePaths["questionnaire/"] = paperFile
        }
        let converter = MarkdownSourceConverter(
            blocks: model.blocks.all,
            targets: targets, sitePaths: sitePaths, baseURL: site.config.baseURL)
        let placeholderValues = model.placeholderValues
        var errors = ErrorCollector()

        func convert(_ body: String, file: String, firstLine: Int, exportedAs exported: String) -> String? {
            let expanded = Placeholders.expand(body, values: placeholderValues)
            for unknown in expanded.unknown {
                errors.add(SiteError(file: file, line: unknown.line + firstLine - 1, message: "unknown placeholder {{\(unknown.name)}}"))
            }
            do {
                let converted = try converter.convert(expanded.text, exportedAs: exported)
                for (path, svg) in converted.images { result.images[path] = svg }
                return converted.markdown
            } catch let problem as MarkdownSourceConverter.Problem {
                errors.add(SiteError(file: file, line: problem.line + firstLine - 1, message: problem.message))
                return nil
            } catch {
                errors.add(SiteError(file: file, message: "\(error)"))
                return nil
            }
        }

        for (index, page) in site.pages.enumerated() {
            let file = Self.exportedFile(forContentPath: page.contentPath)
            guard let body = convert(page.body, file: page.file, firstLine: page.bodyFirstLine, exportedAs: file) else { continue }
            var text = "# " + GFMText.escape(page.metadata.title) + "\n\n"
            if !page.metadata.summary.isEmpty { text += "*" + GFMText.escape(page.metadata.summary) + "*\n\n" }
            text += body.trimmingTrailingNewlines() + "\n"
            if index == questionnairePage, let questionnaire = site.questionnaire {
                text += "\n" + PaperQuestionnaire.markdown(questionnaire, headingLevel: 2)
            }
            result.files[file] = text
        }
        if questionnairePage == nil, let questionnaire = site.questionnaire {
            result.files[paperFile] = PaperQuestionnaire.markdown(questionnaire, headingLevel: 1)
        }

        for kind in PageKind.allCases {
            guard let file = sectionFiles[kind] else { continue }
            let title = model.sectionTitle(kind)
            var text = "# " + GFMText.escape(title) + "\n\n"
            if let intro = site.sections[kind] {
                if !intro.summary.isEmpty { text += "*" + GFMText.escape(intro.summary) + "*\n\n" }
                if let body = convert(intro.body, file: intro.file, firstLine: intro.bodyFirstLine, exportedAs: file) {
                    text += body.trimmingTrailingNewlines() + "\n\n"
                }
            }
            let members = (model.kindOrder[kind] ?? []).map { site.pages[$0] }
            for page in members {
                let link = MarkdownSourceConverter.relativePath(from: file, to: Self.exportedFile(forContentPath: page.contentPath))
                text += "- [" + GFMText.escape(page.metadata.title) + "](" + link + ")"
                text += page.metadata.summary.isEmpty ? "\n" : ": " + GFMText.escape(page.metadata.summary) + "\n"
            }
            result.files[file] = text
        }
        try errors.throwIfAny()

        if let home = site.pages.first(where: \.isHome) {
            result.navigation.append(.page(title: home.metadata.title, file: Self.exportedFile(forContentPath: home.contentPath)))
        }
        if questionnairePage == nil, site.questionnaire != nil {
            result.navigation.append(.page(title: site.questionnaire?.title ?? "Questionnaire", file: paperFile))
        }
        for kind in PageKind.allCases {
            guard let file = sectionFiles[kind] else { continue }
            let members = (model.kindOrder[kind] ?? []).map { site.pages[$0] }
            let children = [(title: model.sectionTitle(kind), file: file)]
                + members.map { (title: $0.metadata.title, file: Self.exportedFile(forContentPath: $0.contentPath)) }
            result.navigation.append(.section(title: model.sectionTitle(kind), files: children))
        }
        for page in (model.kindOrder[.page] ?? []).map({ site.pages[$0] }) where !page.isHome {
            result.navigation.append(.page(title: page.metadata.title, file: Self.exportedFile(forContentPath: page.contentPath)))
        }
        return result
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" { text.removeLast() }
        return text
    }
}
