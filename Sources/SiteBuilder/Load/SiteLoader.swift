import Blocks
import Foundation
import Scoring
import Yams

/// Reads a site's source folder into a `Site`, reporting every problem it finds at once.
public struct SiteLoader: Sendable {
    static let maxPageBytes = SiteLimits().fileBytes

    var sourceFolder: URL
    var includeDrafts: Bool
    /// Pages loaded by an earlier `load()` of the same process, reused while their files are unchanged.
    var markdownCache: MarkdownLoadCache?
    /// The site's limits: the defaults until `load()` has read site.yml.
    var limits = SiteLimits()

    public init(sourceFolder: URL, includeDrafts: Bool = false) {
        self.sourceFolder = sourceFolder.standardizedFileURL
        self.includeDrafts = includeDrafts
    }

    /// The site read and held to its own rules, in reading order: what a build's load and model
    /// steps make of it (`SiteModel.checked`), for the export and for tests.
    func load(baseURLOverride: String? = nil) throws -> Site {
        try SiteModel.checked(read(baseURLOverride: baseURLOverride))
    }

    /// Every file of the site read and decoded, pages in file order, with every problem the files
    /// hold; throws only when there is no content folder to read.
    func read(baseURLOverride: String? = nil) throws -> LoadedSite {
        var errors = ErrorCollector()
        var config = loadConfig(&errors)
        var loader = self
        loader.limits = config.limits
        return try loader.read(config: &config, baseURLOverride: baseURLOverride, errors: &errors)
    }

    private func read(config: inout SiteConfig, baseURLOverride: String?, errors: inout ErrorCollector) throws -> LoadedSite {
        if let baseURLOverride {
            if let normalised = SiteConfig.normaliseBaseURL(baseURLOverride) {
                config.baseURL = normalised
            } else {
                errors.add(SiteError(file: "--base-url", message: "\"\(baseURLOverride)\" is not an absolute http(s) URL",
                                     fix: "pass e.g. --base-url https://example.com/guides/"))
            }
        }
        let contentFolder = sourceFolder.appendingPathComponent("content")
        var pages: [Page] = []
        var sections: [PageKind: SectionIntro] = [:]
        var dataFiles: [String: DataFile] = [:]
        var templateData: [String: TemplateValue] = [:]
        var questionnaire: Questionnaire?
        var questionnaireFile: String?
        var questionnaireSourceHash: UInt64 = 0
        var questionnaireText = ""
        var planner: (value: Planner?, file: String, hash: UInt64)?
        var languageData: [String: [String: TranslatedData]] = [:]
        var draftPages: [Page] = []
        let translatedCodes = Set(config.themeLanguages.dropFirst())
        var catalogues: [(file: ContentWalker.File, instrument: CatalogueLoader.Instrument, code: String)] = []

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            errors.add(SiteError(file: "content/", message: "no content folder in \(sourceFolder.path)",
                                 fix: "run the command inside a site folder, pass --source DIR, or create one with `crossroads new DIR`"))
            throw BuildFailure(errors.errors)
        }

        let siteRoot = SymbolicLinks.realPath(sourceFolder.path) ?? sourceFolder.path
        errors.add(contentsOf: SymbolicLinks.check(site: sourceFolder, entries: ["site.yml", "content"], walking: []))
        var markdownFiles: [ContentWalker.File] = []
        let contentFiles = ContentWalker.files(in: contentFolder, siteRoot: siteRoot, errors: &errors)
        let questionnaireFiles = contentFiles.filter { Self.questionnaireNames.contains($0.relativePath) }
        if questionnaireFiles.count > 1 {
            errors.add(SiteError(file: "content/" + questionnaireFiles[1].relativePath,
                                 message: "both content/\(questionnaireFiles[0].relativePath) and content/\(questionnaireFiles[1].relativePath) exist; a site has one questionnaire",
                                 fix: "keep one of the two files and delete the other"))
        }
        var dataFileOwners: [String: String] = [:]
        for file in contentFiles {
            let relative = file.relativePath
            let display = "content/" + relative
            if relative.hasPrefix("data/") {
                guard relative.hasSuffix(".yml") || relative.hasSuffix(".yaml") else { continue }
                let nameParts = (relative.dropFirst("data/".count) as Substring).split(separator: ".")
                let name = String(nameParts.first ?? "")
                // `ladders.de.yml`: the German version of `ladders.yml` (see `Translations`).
                if nameParts.count == 3, translatedCodes.contains(String(nameParts[1])) {
                    guard let text = readText(file.url, display: display, errors: &errors) else { continue }
                    switch YAMLDocument.parse(text, file: display, bounds: limits.yaml) {
                    case .success(let document):
                        languageData[String(nameParts[1]), default: [:]][name] = TranslatedData(
                            dataFile: DataFile(name: name, path: display, text: text, yamlBounds: limits.yaml),
                            templateValue: document.root.map(TemplateValue.init) ?? .string(""))
                    case .failure(let error):
                        errors.add(error)
                    }
                    continue
                }
                if let other = dataFileOwners[name] {
                    errors.add(SiteError(file: display, message: "this data file and \(other) are both named `\(name)`; blocks and templates could read only one of them",
                                         fix: "merge them into one file, or rename one (the name is the part before the first `.`)"))
                    continue
                }
                dataFileOwners[name] = display
                guard let text = readText(file.url, display: display, errors: &errors) else { continue }
                switch YAMLDocument.parse(text, file: display, bounds: limits.yaml) {
                case .success(let document):
                    dataFiles[name] = DataFile(name: name, path: display, text: text, yamlBounds: limits.yaml)
                    templateData[SitePath.templateKey(name)] = document.root.map(TemplateValue.init) ?? .string("")
                case .failure(let error):
                    errors.add(error)
                }
            } else if Self.questionnaireNames.contains(relative) {
                guard questionnaireFile == nil, let text = readText(file.url, display: display, errors: &errors) else { continue }
                questionnaireFile = display
                questionnaireSourceHash = StableHash.keyOf(text)
                questionnaire = QuestionnaireLoader.load(text, file: display, limits: limits, errors: &errors)
                questionnaireText = text
            } else if relative == PlannerLoader.fileName, let text = readText(file.url, display: display, errors: &errors) {
                planner = (PlannerLoader.load(text, file: display, limits: limits, errors: &errors), display, StableHash.keyOf(text))
            } else if let catalogue = CatalogueLoader.catalogue(named: relative) {
                catalogues.append((file, catalogue.instrument, catalogue.code))
            } else if relative.hasSuffix(".md") {
                markdownFiles.append(file)
            }
        }
        var translations = InstrumentTranslations()
        for catalogue in catalogues {
            let display = "content/" + catalogue.file.relativePath
            let hasDefinition = catalogue.instrument == .questionnaire ? questionnaire != nil : planner?.value != nil
            if let problem = CatalogueLoader.orphanProblem(file: display, instrument: catalogue.instrument, code: catalogue.code,
                                                           languages: config.themeLanguages, hasDefinition: hasDefinition) {
                errors.add(problem)
                continue
            }
            guard let text = readText(catalogue.file.url, display: display, errors: &errors) else { continue }
            translations.sourceHash = StableHash.keyOf("\(translations.sourceHash)\u{0}\(display)\u{0}\(text)")
            if let definition = questionnaire, catalogue.instrument == .questionnaire {
                translations.questionnaires[catalogue.code] = CatalogueLoader.loadQuestionnaire(text, file: display, definition: definition, limits: limits, errors: &errors)
            } else if let definition = planner?.value {
                translations.planners[catalogue.code] = CatalogueLoader.loadPlanner(text, file: display, definition: definition, limits: limits, errors: &errors)
            }
        }
        // Reading, splitting and decoding pages is independent per file: done in parallel, then
        // gathered in file order so pages and errors come out the same as a serial load.
        // Files that failed to load: their own errors say why, so links to them blame no one else.
        var failed: Set<String> = []
        for (file, loaded) in zip(markdownFiles, loadMarkdown(markdownFiles)) {
            errors.add(contentsOf: loaded.errors)
            if !loaded.errors.isEmpty { failed.insert(file.relativePath) }
            switch loaded.content {
            case .page(let page):
                if !page.metadata.draft || includeDrafts {
                    pages.append(page)
                } else {
                    draftPages.append(page)
                }
            case .sectionIntro(let intro): sections[intro.kind] = intro
            case .nothing: break
            }
        }
        if config.baseURL == nil && !config.relativeURLs {
            config.relativeURLs = true
        }
        var site = Site(config: config, pages: pages, sections: sections, dataFiles: dataFiles, templateData: templateData,
                        questionnaire: questionnaire, questionnaireFile: questionnaireFile, questionnaireSourceHash: questionnaireSourceHash,
                        planner: planner?.value, plannerFile: planner?.file, plannerSourceHash: planner?.hash ?? 0,
                        translations: translations)
        // The default language's strings first: every other language falls back to them.
        site.themeStrings = loadThemeStrings(languages: config.themeLanguages, errors: &errors)
        return LoadedSite(site: site, failedFiles: failed, questionnaireText: questionnaireText, limits: limits, problems: errors.errors,
                          draftPages: draftPages, languageData: languageData)
    }

    /// What the loader read, before the model step holds it to the site's own rules
    /// (`SiteModel.checked`): the site with its pages in file order, every problem of its files,
    /// and what those rules need besides.
    struct LoadedSite: Sendable {
        var site: Site
        /// Content paths of the Markdown files that failed to load: their own errors say why, so
        /// links to them blame no one else.
        var failedFiles: Set<String>
        /// The questionnaire's text, to find the line of a bad `next:`.
        var questionnaireText: String
        var limits: SiteLimits
        var problems: [SiteError]
        /// Pages left out as drafts: a translation that does not set `draft` takes its original's.
        var draftPages: [Page] = []
        /// Each language's data files (`data/x.de.yml`), by code and name.
        var languageData: [String: [String: TranslatedData]] = [:]
    }

    /// A data file of a language other than the default (`data/ladders.de.yml`).
    struct TranslatedData: Sendable {
        var dataFile: DataFile
        var templateValue: TemplateValue
    }

    /// What one Markdown file under `content/` holds, with the problems found in it.
    struct LoadedMarkdown: Sendable {
        enum Content: Sendable {
            case page(Page)
            case sectionIntro(SectionIntro)
            case nothing
        }
        var content: Content
        var errors: [SiteError]
    }

    func loadMarkdown(_ files: [ContentWalker.File]) -> [LoadedMarkdown] {
        markdownCache?.beginLoad(keeping: Set(files.map(\.relativePath)))
        let slots = ResultSlots<LoadedMarkdown>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots[index] = loadMarkdown(files[index])
        }
        return slots.values.map { $0 ?? LoadedMarkdown(content: .nothing, errors: []) }
    }

    func loadMarkdown(_ file: ContentWalker.File) -> LoadedMarkdown {
        // The size is checked before the cache, which keeps what was read under any limit.
        if file.stamp.size > limits.fileBytes {
            return LoadedMarkdown(content: .nothing, errors: [tooLarge("content/" + file.relativePath, bytes: Int(file.stamp.size))])
        }
        guard let markdownCache, file.readable else { return readMarkdown(file) }
        if let loaded = markdownCache.loaded(file.relativePath, stamp: file.stamp) { return loaded }
        let loaded = readMarkdown(file)
        markdownCache.store(loaded, for: file.relativePath, stamp: file.stamp)
        return loaded
    }

    /// One Markdown file under `content/` read again, for a preview told that it changed; nil
    /// when it is no longer a regular file.
    func reloadMarkdown(relativePath: String) -> LoadedMarkdown? {
        let url = sourceFolder.appendingPathComponent("content").appendingPathComponent(relativePath)
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return loadMarkdown(ContentWalker.File(path: url.path, relativePath: relativePath, stamp: FileStamp(info),
                                               readable: access(url.path, R_OK) == 0))
    }

    private func readMarkdown(_ file: ContentWalker.File) -> LoadedMarkdown {
        var errors = ErrorCollector()
        let relative = file.relativePath
        let display = "content/" + relative
        guard let text = readText(file.url, display: display, errors: &errors) else {
            return LoadedMarkdown(content: .nothing, errors: errors.errors)
        }
        let content: LoadedMarkdown.Content
        if (relative as NSString).lastPathComponent == "_index.md" {
            content = loadSectionIntro(text, relative: relative, display: display, errors: &errors).map { .sectionIntro($0) } ?? .nothing
        } else {
            content = loadPage(text, path: file.path, relative: relative, display: display, errors: &errors).map { .page($0) } ?? .nothing
        }
        return LoadedMarkdown(content: content, errors: errors.errors)
    }

    static let questionnaireNames = ["questionnaire.yml", "questionnaire.yaml"]

    func loadConfig(_ errors: inout ErrorCollector) -> SiteConfig {
        let url = sourceFolder.appendingPathComponent("site.yml")
        if FileManager.default.fileExists(atPath: sourceFolder.appendingPathComponent("site.yaml").path) {
            errors.add(SiteError(file: "site.yaml", message: "site.yaml is never read: the settings file is site.yml",
                                 fix: "move its settings into site.yml and delete site.yaml"))
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            errors.add(SiteError(file: "site.yml", message: "no site.yml in \(sourceFolder.path)",
                                 fix: "create site.yml with at least `title: My guides`, or start from `crossroads new DIR`"))
            return SiteConfig()
        }
        guard let text = readText(url, display: "site.yml", errors: &errors) else { return SiteConfig() }
        switch SiteConfig.decode(text, file: "site.yml") {
        case .success(let config): return config
        case .failure(let problems):
            errors.add(contentsOf: problems.errors)
            return SiteConfig()
        }
    }

    func readText(_ url: URL, display: String, errors: inout ErrorCollector) -> String? {
        let data: Data
        do {
            // The size is checked before the bytes are read, so an oversized file costs nothing.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            if size > UInt64(limits.fileBytes) {
                errors.add(tooLarge(display, bytes: Int(clamping: size)))
                return nil
            }
            try handle.seek(toOffset: 0)
            data = try handle.readToEnd() ?? Data()
        } catch {
            errors.add(SiteError(file: display, message: "cannot read the file (\(FileWriting.reason(error)))",
                                 fix: "check that the file exists and that you have permission to read it (chmod a+r)"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = Self.firstInvalidUTF8Line(data)
            errors.add(SiteError(file: display, line: line, message: "file is not valid UTF-8 text",
                                 fix: "re-save the file with UTF-8 encoding in your editor"))
            return nil
        }
        return text
    }


    private func tooLarge(_ display: String, bytes: Int) -> SiteError {
        SiteError(file: display, message: "file is \(bytes) bytes, over the limit of \(limits.fileBytes) bytes",
                  fix: limits.raiseFix("file_bytes", otherwise: "split it into several files or remove the pasted data"))
    }

    private static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return line
    }

    private func split(_ text: String, display: String, errors: inout ErrorCollector) -> FrontMatter? {
        // Stops at the first visible character instead of copying the whole page.
        if text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) {
            errors.add(SiteError(file: display, line: 1, message: "file is empty",
                                 fix: "add front matter (`---`, `title: ...`, `---`) and some Markdown, or delete the file"))
            return nil
        }
        switch FrontMatter.split(text) {
        case .success(let frontMatter):
            if frontMatter.yamlFirstLine == 1 && frontMatter.yaml.isEmpty {
                errors.add(SiteError(file: display, line: 1, message: "page has no front matter",
                                     fix: "start the file with `---`, a line `title: ...`, and a closing `---`"))
                return nil
            }
            return frontMatter
        case .failure(.unclosed(let line)):
            errors.add(SiteError(file: display, line: line, message: "front matter opened with `---` is never closed",
                                 fix: "add a line containing only `---` after the last front-matter field"))
            return nil
        }
    }

    private func loadPage(_ text: String, path: String, relative: String, display: String, errors: inout ErrorCollector) -> Page? {
        guard let (frontMatter, metadata) = decode(text, display: display, errors: &errors) else { return nil }
        let sitePath = Self.sitePath(forContentPath: relative, slug: metadata.slug)
        // The slug was checked with its line; what is left to check is the file's own name and folders.
        do {
            _ = try OutputPath(sitePath: sitePath)
        } catch {
            errors.add(SiteError(file: display, message: "this file would be published at an address that \(error)",
                                 fix: "rename the file (or its folder) with letters, digits and hyphens, or set a `slug`"))
            return nil
        }
        var page = Page(contentPath: relative, file: display, metadata: metadata, body: frontMatter.body,
                        bodyFirstLine: frontMatter.bodyFirstLine, sitePath: sitePath, sourceHash: StableHash.keyOf(text))
        page.bodyText = PageMarkdown(frontMatter.body, file: path)
        page.mayUseData = OutputKeys.mayUseData(frontMatter.body)
        return page
    }

    /// The front matter split from the body and decoded, or nil with the problems added.
    private func decode(_ text: String, display: String, errors: inout ErrorCollector) -> (FrontMatter, PageMetadata)? {
        guard let frontMatter = split(text, display: display, errors: &errors) else { return nil }
        switch PageMetadata.decode(frontMatter.yaml, file: display, yamlFirstLine: frontMatter.yamlFirstLine) {
        case .failure(let problems):
            errors.add(contentsOf: problems.errors)
            return nil
        case .success(let metadata):
            return (frontMatter, metadata)
        }
    }

    private func loadSectionIntro(_ text: String, relative: String, display: String, errors: inout ErrorCollector) -> SectionIntro? {
        let folder = SitePath.normaliseFolder((relative as NSString).deletingLastPathComponent)
        guard let kind = PageKind.allCases.first(where: { $0.sectionPath == folder }) else {
            let known = PageKind.allCases.compactMap(\.sectionPath).joined(separator: ", ")
            errors.add(SiteError(file: display, message: "`_index.md` in a folder that is not a kind's index",
                                 fix: "`_index.md` belongs in one of: \(known); rename this one to index.md for a normal page"))
            return nil
        }
        guard let (frontMatter, metadata) = decode(text, display: display, errors: &errors) else { return nil }
        return SectionIntro(kind: kind, file: display, title: metadata.title, summary: metadata.summary,
                            body: frontMatter.body, bodyFirstLine: frontMatter.bodyFirstLine)
    }

    /// `pitfalls/no-training.md` -> `pitfalls/no-training/`; `index.md` -> ""; `guides/index.md` -> `guides/`.
    static func sitePath(forContentPath path: String, slug: String?) -> String {
        var components = path.split(separator: "/").map(String.init)
        guard var last = components.popLast() else { return "" }
        if last.hasSuffix(".md") { last.removeLast(3) }
        if last == "index" {
            return components.isEmpty ? "" : components.joined(separator: "/") + "/"
        }
        components.append(slug ?? last)
        return components.joined(separator: "/") + "/"
    }
}

extension SitePath {
    /// Data file names as Mustache keys: `career-ladders` -> `career_ladders`.
    static func templateKey(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
    }
}
