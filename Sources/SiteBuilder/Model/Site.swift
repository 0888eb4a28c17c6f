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
    /// The Markdown below the front matter (see `PageMarkdown`: held from loading until the page is
    /// rendered, read from the file again should anything ask for it after that).
    var body: String {
        get { bodyText.text }
        set { bodyText = PageMarkdown(newValue) }
    }
    var bodyText: PageMarkdown
    /// File line of the body's first line.
    var bodyFirstLine: Int
    /// Where the page is published, e.g. `pitfalls/no-training/`.
    var sitePath: String
    /// Hash of everything read from the page's file, for caches.
    var sourceHash: UInt64
    /// Whether the body may read data files or the questionnaire (see `OutputKeys.mayUseData`),
    /// worked out once when the file is loaded.
    var mayUseData: Bool = false
    /// The page's language (see `Translations`); the defaults in a site with one language.
    var language = PageLanguage()

    /// The home page of its language: "" at the root, `de/` for German.
    var isHome: Bool { sitePath == language.prefix }

    init(contentPath: String, file: String, metadata: PageMetadata, body: String, bodyFirstLine: Int, sitePath: String,
                sourceHash: UInt64) {
        self.contentPath = contentPath
        self.file = file
        self.metadata = metadata
        bodyText = PageMarkdown(body)
        self.bodyFirstLine = bodyFirstLine
        self.sitePath = sitePath
        self.sourceHash = sourceHash
    }
}

/// Where a page stands among the site's languages. In a site with several languages every page
/// has a `code`; `contentPath` is then the default language's name of the page (what `@/` links
/// and `read_next` name), and `file` the file it was read from.
struct PageLanguage: Sendable, Equatable {
    /// The language whose pages this page is among; "" in a site with one language.
    var code = ""
    /// Where that language's pages are published: "" at the root, or `de/`.
    var prefix = ""
    /// The language the page's content is written in: the default language's on a fallback page.
    var contentCode = ""
    /// Published in this language from the default language's page, for want of a translation.
    var untranslated = false
}

/// The Markdown of a page, which only rendering the page needs: a build drops it once the page
/// and its copies are written (`release`), so the site's bodies are not all alive at the peak
/// of a build, beside the search lines and links the rendered pages leave. A body from a file is
/// read from that file again if asked for after that, as is the body of a page whose front
/// matter came from the build cache (`deferred`), which is read only when the page renders.
/// Should the file have changed since it was listed (during the build), the body read is the new
/// one; the next build sees the new stamp and renders the page again.
final class PageMarkdown: Sendable {
    private let loaded: Mutex<String?>
    /// The page's file, to read the body from again; nil for a body given as text, which is kept.
    /// (A string: making 10,000 URLs was a measurable part of restoring a cache.)
    let path: String?

    /// A body kept for good.
    init(_ text: String) {
        loaded = Mutex(text)
        path = nil
    }

    /// A body read from `path`, given as text, and read again from there after `release`.
    init(_ text: String, file path: String) {
        loaded = Mutex(text)
        self.path = path
    }

    /// A body read from `path` when first asked for.
    init(deferred path: String) {
        loaded = Mutex(nil)
        self.path = path
    }

    var text: String {
        loaded.withLock { loaded in
            if let loaded { return loaded }
            let body = path.map(Self.read) ?? ""
            loaded = body
            return body
        }
    }

    /// Drops the text of a body that can be read from its file again.
    func release() {
        guard path != nil else { return }
        loaded.withLock { $0 = nil }
    }

    private static func read(_ path: String) -> String {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        switch FrontMatter.split(String(decoding: data, as: UTF8.self)) {
        case .success(let split): return split.body
        case .failure: return ""
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
    /// In a site with several languages, the site in each other language, and what links every
    /// language's pages (see `Translations`); empty and nil in a site with one language.
    var otherLanguages: [Site] = []
    var languages: SiteLanguages?
    /// The instruments in the languages their catalogues give (`content/questionnaire.de.yml`).
    var translations = InstrumentTranslations()

    /// Pages of one kind in reading order.
    func pages(of kind: PageKind) -> [Page] { pages.filter { $0.metadata.kind == kind } }
}
