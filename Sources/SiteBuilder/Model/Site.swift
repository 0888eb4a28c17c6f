import Blocks
import Scoring

/// One Markdown page of the site, loaded and decoded but not yet rendered.
public struct Page: Sendable {
    /// Path relative to `content/`, e.g. `pitfalls/no-training.md`.
    public var contentPath: String
    /// Path relative to the site's source folder, e.g. `content/pitfalls/no-training.md`; used in errors.
    public var file: String
    public var metadata: PageMetadata
    public var body: String
    /// File line of the body's first line.
    public var bodyFirstLine: Int
    /// Where the page is published, e.g. `pitfalls/no-training/`.
    public var sitePath: String
    /// Hash of everything read from the page's file, for caches.
    public var sourceHash: UInt64
    /// Whether the body may read data files or the questionnaire (see `OutputKeys.mayUseData`),
    /// worked out once when the file is loaded.
    var mayUseData: Bool = false
}

/// The intro of a kind's index page, from `content/<folder>/_index.md`.
public struct SectionIntro: Sendable {
    public var kind: PageKind
    public var file: String
    public var title: String
    public var summary: String
    public var body: String
    public var bodyFirstLine: Int
}

/// Everything the build knows about the site before rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Published pages, sorted by kind, weight, title and path (drafts only when asked for).
    public var pages: [Page]
    public var sections: [PageKind: SectionIntro]
    public var dataFiles: [String: DataFile]
    /// Data files decoded for templates, keyed by name. Values are YAML-shaped (String, Int, arrays, dictionaries).
    public var templateData: [String: TemplateValue]
    public var questionnaire: Questionnaire?
    public var questionnaireFile: String?

    /// Pages of one kind in reading order.
    public func pages(of kind: PageKind) -> [Page] { pages.filter { $0.metadata.kind == kind } }
}
