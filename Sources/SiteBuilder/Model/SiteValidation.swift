import Blocks
import Foundation
import Scoring

/// The site's own rules, which no single file can break alone: every `read_next` and every band's
/// `next:` names a page or section of this site. And the reading order every output lists pages
/// in. Applied in the model step (`SiteModel.checked`), in the same report as the files' own
/// problems.
struct SiteValidation {
    /// For reading the questionnaire again to find the line of a bad `next:`.
    var limits: SiteLimits

    /// Pages by kind, weight, title and path. The sort moves small keys, not whole pages (sorting
    /// the pages themselves copied every page many times over).
    static func readingOrder(_ pages: [Page]) -> [Page] {
        let keys = pages.indices.map { (pages[$0].metadata.kind, pages[$0].metadata.weight, pages[$0].metadata.title, pages[$0].contentPath, $0) }
        func before(_ a: (PageKind, Int, String, String, Int), _ b: (PageKind, Int, String, String, Int)) -> Bool {
            (a.0, a.1, a.2, a.3) < (b.0, b.1, b.2, b.3)
        }
        // Sorted first by UTF-8 bytes, which is the order String comparison gives for the usual
        // (normalised) titles at a fraction of the cost; the result is checked pair by pair with
        // the real comparison, and sorted again with it should any pair disagree.
        func byBytes(_ a: (PageKind, Int, String, String, Int), _ b: (PageKind, Int, String, String, Int)) -> Bool {
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2.utf8.lexicographicallyPrecedes(b.2.utf8) }
            return a.3.utf8.lexicographicallyPrecedes(b.3.utf8)
        }
        var sorted = keys.sorted(by: byBytes)
        if !zip(sorted, sorted.dropFirst()).allSatisfy({ before($0, $1) }) { sorted = keys.sorted(by: before) }
        return sorted.map { pages[$0.4] }
    }

    /// A band's or a region's `next:` that names no section or page would vanish from the result silently.
    func checkBandLinks(_ questionnaire: Questionnaire, text: String, file: String, pages: [Page], _ errors: inout ErrorCollector) {
        var byContentPath: [String: Int] = [:]
        for index in pages.indices { byContentPath[pages[index].contentPath] = index }
        var lines: EntryLines?
        let lists = questionnaire.bands.enumerated().map { ("bands[\($0.offset)]", $0.element.next) }
            + questionnaire.regions.enumerated().map { ("regions[\($0.offset)]", $0.element.next) }
        for (entry, next) in lists {
            for (position, reference) in next.enumerated()
            where ContentReference.resolve(reference, pages: pages, pageIndexByContentPath: byContentPath) == nil {
                if lines == nil, let root = (try? YAMLDocument.parse(text, file: file, bounds: limits.yaml).get())?.root {
                    lines = EntryLines(root)
                }
                let sections = PageKind.allCases.compactMap(\.sectionPath).joined(separator: ", ")
                errors.add(SiteError(file: file, line: lines?.line(for: "\(entry).next[\(position)]"),
                                     message: "\(entry).next: \"\(reference)\" names no section or page of this site",
                                     fix: "name a section (\(sections)) or a page under content/, such as pitfalls/no-training.md"))
            }
        }
    }

    /// Every problem of the loaded site against these rules.
    static func check(_ loaded: SiteLoader.LoadedSite, _ errors: inout ErrorCollector) {
        let validation = SiteValidation(limits: loaded.limits)
        let site = loaded.site
        validation.checkReadNext(site.pages, failed: loaded.failedFiles, &errors)
        if let questionnaire = site.questionnaire, let file = site.questionnaireFile, loaded.failedFiles.isEmpty {
            validation.checkBandLinks(questionnaire, text: loaded.questionnaireText, file: file, pages: site.pages, &errors)
        }
    }

    func checkReadNext(_ pages: [Page], failed: Set<String>, _ errors: inout ErrorCollector) {
        let known = Set(pages.map(\.contentPath))
        for index in pages.indices {
            for target in pages[index].metadata.readNext
            where !known.contains(ContentLink.contentPath(target)) && !failed.contains(ContentLink.contentPath(target)) {
                errors.add(SiteError(file: pages[index].file, message: "`read_next` names \(target), which is not a page of this site",
                                     fix: "use a path under content/, such as pitfalls/no-training.md"))
            }
        }
    }
}
