import Markdown
import Scoring

/// What goes in the search index: everything a reader sees on a page, not only its prose. A
/// page's line holds its Markdown's text with the visible text of its fenced blocks (charts'
/// captions and data, ladders, comparison and band tables) where they stand, and on the
/// questionnaire page the questionnaire itself (statements, scale words, results by total; the
/// search-index part holding that page records that it read the questionnaire).
/// Section index pages get a line of their own (title, summary, introduction).
extension SiteRenderer {
    func searchLine(of page: Page, body: RenderedMarkdown) -> String {
        var text = body.searchText
        if let questionnaire = model.questionnaire, showsQuestionnaire(page) {
            // The form comes before the page's prose, as on the page.
            text = Self.searchText(of: questionnaire.words(model.config.language)) + (text.isEmpty ? "" : "\n" + text)
        }
        return SearchIndex.line(SearchIndex.Entry(title: page.metadata.title, url: links.final(page.sitePath), kindTitle: model.kindTitle(page.metadata.kind),
                                                  summary: page.metadata.summary, headings: body.headings.map(\.text), text: text))
    }

    /// Whether the page is the questionnaire page: by its template's name, which front matter
    /// sets, so the search line depends on no template's text.
    func showsQuestionnaire(_ page: Page) -> Bool { templateName(for: page) == "questionnaire" }

    /// The words of the questionnaire a reader sees on its page (in the page's language), one
    /// block to a line.
    static func searchText(of compiled: CompiledQuestionnaire.Words) -> String {
        let questionnaire = compiled.definition
        var lines = [questionnaire.title, questionnaire.intro].compactMap { $0 }
        lines += compiled.scaleLabelsInOrder.map(\.label)
        lines += questionnaire.items.map(\.text)
        for band in compiled.bandsInOrder {
            lines += ["\(band.min)–\(band.max)", band.label, band.summary, band.advice]
        }
        return lines.joined(separator: "\n")
    }

    /// A section index page in the search index: where its line goes and what it depends on.
    struct SectionSearchEntry {
        var kind: PageKind
        var url: String
        var key: UInt64
    }

    func sectionSearchEntries(keys: OutputKeys) -> [SectionSearchEntry] {
        PageKind.allCases.compactMap { kind in
            guard let path = model.sectionPath(kind), !model.isFallback(section: kind) else { return nil }
            let intro = site.sections[kind]
            var parts = [keys.globalHash, StableHash.keyOf(kind.rawValue)]
            if let intro {
                parts.append(StableHash.keyOf([intro.title, intro.summary, intro.body].joined(separator: "\u{0}")))
                if OutputKeys.mayUseData(intro.body) { parts.append(keys.dataHash) }
            }
            return SectionSearchEntry(kind: kind, url: links.final(path), key: StableHash.combine(parts))
        }
    }

    /// The section's title and summary as its page prints them, and its introduction's text.
    /// An introduction that fails to render is reported by the section page's own job, once.
    func sectionSearchLine(_ kind: PageKind) -> String {
        let path = model.sectionPath(kind) ?? ""
        let intro = site.sections[kind]
        let body = intro.flatMap { try? renderMarkdown($0.body, file: $0.file, firstLine: $0.bodyFirstLine, sitePath: path).markdown }
        return SearchIndex.line(SearchIndex.Entry(title: model.sectionTitle(kind), url: links.final(path),
                                                  kindTitle: "Section", summary: intro?.summary ?? "",
                                                  headings: body?.headings.map(\.text) ?? [], text: body?.searchText ?? ""))
    }
}
