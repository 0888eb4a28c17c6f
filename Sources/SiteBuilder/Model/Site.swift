import Foundation
import Synchronization
import Blocks
import Scoring

/// One Markdown page of the site, loaded and decoded but not yet rendered.
struct Page: Sendable {
    /// Path relative to `content/`, e.g. `pitfalls/no-training.md`.
    var contentPath: String
    /// Path relative to the site's source folder, e.g. `content/pitfalls/no-training.md`; used in errors.
    var file: String
    var metadata: PageMetadata
    /// The Markdown below the front matter. A page restored from the build cache reads it from
    /// its file only when something renders the page.
    var body: String {
        get { deferredBody?.text ?? storedBody }
        set {
            storedBody = newValue
            deferredBody = nil
        }
    }
    private var storedBody: String
    var deferredBody: DeferredBody?
    /// File line of the body's first line.
    var bodyFirstLine: Int
    /// Where the page is published, e.g. `pitfalls/no-training/`.
    var sitePath: String
    /// Hash of everything read from the page's file, for caches.
    var sourceHash: UInt64
    /// Whether the body may read data files or the questionnaire (see `OutputKeys.mayUseData`),
    /// worked out once when the file is loaded.
    var mayUseData: Bool = false

    init(contentPath: String, file: String, metadata: PageMetadata, body: String, bodyFirstLine: Int, sitePath: String,
                sourceHash: UInt64) {
        self.contentPath = contentPath
        self.file = file
        self.metadata = metadata
        storedBody = body
        self.bodyFirstLine = bodyFirstLine
        self.sitePath = sitePath
        self.sourceHash = sourceHash
    }
}

/// The body of a page whose front matter came from the build cache, read from the file when
/// first asked for. Should the file have changed since it was listed (during the build), the
/// body read is the new one; the next build sees the new stamp and renders the page again.
final class DeferredBody: Sendable {
    private let loaded = Mutex<String?>(nil)
    /// The file's path (a string: making 10,000 URLs was a measurable part of restoring a cache).
    let path: String

    init(path: String) { self.path = path }

    var text: String {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            let data = FileManager.default.contents(atPath: path) ?? Data()
            let body: String
            switch FrontMatter.split(String(decoding: data, as: UTF8.self)) {
            case .success(let split): body = split.body
            case .failure: body = ""
            }
            loaded = body
            return body
        }
    }
}

/// The intro of a kind's index page, from `content/<folder>/_index.md`.
struct SectionIntro: Sendable {
    var kind: PageKind
    var file: String
    var title: String
    var summary: String
    var body: String
    var bodyFirstLine: Int
}

/// Everything the build knows about the site before rendering.
struct Site: Sendable {
    var config: SiteConfig
    /// Published pages, sorted by kind, weight, title and path (drafts only when asked for).
    var pages: [Page]
    var sections: [PageKind: SectionIntro]
    var dataFiles: [String: DataFile]
    /// Data files decoded for templates, keyed by name. Values are YAML-shaped (String, Int, arrays, dictionaries).
    var templateData: [String: TemplateValue]
    var questionnaire: Questionnaire?
    var questionnaireFile: String?
    /// A hash of the questionnaire file's text (0 without one), for the keys of outputs that print it.
    var questionnaireSourceHash: UInt64 = 0
    /// The pendulum planner (`content/planner.yml`), a second instrument, when the site has one.
    var planner: Planner?
    var plannerFile: String?
    /// A hash of the planner file's text (0 without one), for the keys of outputs that print it.
    var plannerSourceHash: UInt64 = 0
    /// The theme's words per language (`i18n/`).
    var themeStrings: ThemeStrings = .none

    /// Pages of one kind in reading order.
    func pages(of kind: PageKind) -> [Page] { pages.filter { $0.metadata.kind == kind } }
}
