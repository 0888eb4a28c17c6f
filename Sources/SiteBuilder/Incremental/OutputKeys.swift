import ByteText
import Foundation
/// Cache keys for rendered pages: a page whose key is unchanged since the last build renders to
/// the same bytes, so incremental and cached builds can reuse its output. A key has two parts:
/// - what the page's context is made of, known before rendering (this type): its own file, the
///   theme's assets, the site settings, where every page and section is published, the summaries
///   of the pages it lists (neighbours, read-next, and on the home page every page), and the data
///   files and questionnaire when its Markdown may use them (fenced blocks, placeholders);
/// - what rendering read, recorded while it ran (`ReadRecorder`): every template it looked up,
///   found or not, every data file its templates read, and the questionnaire. The previous build's
///   record says which inputs to hash again (`OutputRecord`, `InputHashes`).
struct OutputKeys {
    private(set) var keys: [UInt64]
    /// Site settings, theme assets, section titles and intros, and every page's published path.
    let globalHash: UInt64
    /// Data files, the questionnaire and the planner, for Markdown that may read them.
    let dataHash: UInt64
    /// `summaryHash` of each page.
    let summaries: [UInt64]
    private let everySummary: UInt64
    /// The current values of the inputs outputs record reading.
    let inputs: InputHashes

    /// `questionnaireURL`: where the site's pages link the questionnaire page.
    init(model: SiteModel, templates: TemplateSet, assets: Assets, questionnaireURL: String) {
        let site = model.site
        let summaries = site.pages.map(Self.summaryHash)
        self.summaries = summaries
        var global = "\(assets.combinedHash);\(Self.configHash(site.config));\(questionnaireURL)"
        // Every page body is checked against the limits and names its headings around the theme's ids.
        global += ";\(SiteLimits.settingNames.map { "\($0)=\(site.config.limits[setting: $0] ?? 0)" }.joined(separator: ","))"
        global += ";\(templates.reservedIDs.sorted().joined(separator: " "))"
        // Every page prints theme strings (`i18n`, and the builder's words filled from them).
        global += ";i18n=\(site.themeStrings.hash)"
        for kind in PageKind.allCases {
            let intro = site.sections[kind]
            global += ";\(kind.rawValue)=\(model.sectionTitles[kind] ?? "")|\(model.sectionPath(kind) ?? "-")|\(intro?.summary ?? "\u{0}")"
        }
        // Where every page and section is published: `@/` links in any page resolve through it.
        var targets = site.pages.map { StableHash.keyOf($0.contentPath + "\u{0}" + $0.sitePath) }
        for kind in PageKind.allCases where site.sections[kind] != nil { targets.append(StableHash.keyOf(kind.rawValue)) }
        // Every page of a site with several languages prints where its versions are (switcher, alternates).
        if let languages = site.languages { targets.append(languages.hash) }
        let globalHash = StableHash.combine([StableHash.keyOf(global), StableHash.combine(targets)])
        self.globalHash = globalHash
        var dataText = "\(site.questionnaireFile ?? "")\u{0}\(site.questionnaireSourceHash)"
        for name in site.dataFiles.keys.sorted() { dataText += "\u{0}\(name)\u{0}\(site.dataFiles[name]?.text ?? "")" }
        if let questionnaire = model.questionnaire { dataText += "\u{0}" + questionnaire.tableJSON }
        // The planner reaches Markdown the same ways (its block, its placeholders).
        dataText += "\u{0}\(site.plannerFile ?? "")\u{0}\(site.plannerSourceHash)"
        // Their catalogues reach the pages of their languages the same ways.
        if site.translations.sourceHash != 0 { dataText += "\u{0}catalogues\u{0}\(site.translations.sourceHash)" }
        let dataHash = StableHash.keyOf(dataText)
        self.dataHash = dataHash
        let everySummary = StableHash.combine(summaries)
        self.everySummary = everySummary
        inputs = InputHashes(site: site, templates: templates, everySummary: everySummary, globalHash: globalHash)
        keys = []
        let pages = site.pages
        // Each key depends on its page alone: computed in parallel, in chunks, into place.
        var computed = [UInt64](repeating: 0, count: pages.count)
        let chunk = 512
        let chunks = (pages.count + chunk - 1) / chunk
        let keysSoFar = self
        computed.withUnsafeMutableBufferPointer { buffer in
            let output = UncheckedSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                for index in (part * chunk)..<min(pages.count, (part + 1) * chunk) {
                    output.value[index] = keysSoFar.key(of: pages[index], at: index, model: model)
                }
            }
        }
        keys = computed
    }

    private func key(of page: Page, at index: Int, model: SiteModel) -> UInt64 {
        var parts: [UInt64] = [page.sourceHash, globalHash]
        let siblings = model.kindOrder[page.metadata.kind] ?? []
        let position = model.positionInKind[index]
        if position > 0 { parts.append(summaries[siblings[position - 1]]) }
        if position + 1 < siblings.count { parts.append(summaries[siblings[position + 1]]) }
        parts.append(contentsOf: model.readNext(for: index).map { summaries[$0] })
        if page.mayUseData { parts.append(dataHash) }
        // The home page lists every page (`sections_full`).
        if page.isHome { parts.append(everySummary) }
        return StableHash.combine(parts)
    }

    /// The keys after an edit to the bodies of some pages (front matter and published path
    /// unchanged): only those pages' keys move, since no other key covers a page's body.
    func replacingBodies(_ edited: [Int: Page], model: SiteModel) -> OutputKeys {
        var updated = self
        for (index, page) in edited {
            updated.keys[index] = key(of: page, at: index, model: model)
        }
        return updated
    }

    /// Whether a body holds a fenced block (```` ``` ```` or `~~~`) or a placeholder (`{{`), which
    /// read the data files and the questionnaire. One pass over the bytes in place: Foundation's
    /// `contains` would convert every body to UTF-16 first.
    static func mayUseData(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            var previous: UInt8 = 0
            var run = 0
            for byte in bytes {
                run = byte == previous ? run + 1 : 1
                previous = byte
                if run >= 3 && (byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~")) { return true }
                if run >= 2 && byte == UInt8(ascii: "{") { return true }
            }
            return false
        }
    }

    /// Everything about a page that other pages print about it.
    static func summaryHash(_ page: Page) -> UInt64 {
        let metadata = page.metadata
        return StableHash.keyOf([page.sitePath, page.contentPath, metadata.title, metadata.summary, metadata.kind.rawValue,
                              metadata.date ?? "", metadata.updated ?? "", metadata.tags.joined(separator: "\u{1}"), String(metadata.weight)].joined(separator: "\u{0}"))
    }

    static func configHash(_ config: SiteConfig) -> UInt64 {
        StableHash.of([config.title, config.description, config.baseURL ?? "", config.language, config.author, String(config.defaultLanguageInSubfolder),
                       String(config.relativeURLs), String(config.unsafeHTML),
                       config.nav.map { "\($0.title)=\($0.path)" }.joined(separator: ";"),
                       config.outputs.sorted().map(\.name).joined(separator: ",")].joined(separator: "\u{0}"))
    }
}

/// A value handed to other threads that only read it, or that each touch a disjoint part of it.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
