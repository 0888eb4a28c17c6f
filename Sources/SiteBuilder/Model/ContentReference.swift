/// What a reference to content such as a band's `next: [pitfalls/, mastery/deep-work.md]` names:
/// a kind's section, or a page. One rule for the model step (`SiteValidation`), which refuses
/// references that name nothing, and for the questionnaire page, which links them.
enum ContentReference {
    enum Target: Equatable {
        case section(PageKind, sitePath: String)
        case page(index: Int)
    }

    /// `pageIndexByContentPath` maps `pitfalls/no-training.md` to the page's index in `pages`.
    static func resolve(_ reference: String, pages: [Page], pageIndexByContentPath: [String: Int]) -> Target? {
        let normalised = SitePath.normaliseFolder(reference)
        if let kind = PageKind.allCases.first(where: { $0.sectionPath == normalised }) {
            return .section(kind, sitePath: normalised)
        }
        let contentPath = reference.hasSuffix(".md") ? reference : String(normalised.dropLast()) + ".md"
        if let index = pageIndexByContentPath[contentPath] { return .page(index: index) }
        if let index = pages.firstIndex(where: { $0.sitePath == normalised }) { return .page(index: index) }
        return nil
    }
}
