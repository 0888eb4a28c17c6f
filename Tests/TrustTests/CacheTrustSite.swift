import Foundation
import TestSupport

/// A small site whose every kind of input a cached build must follow: pages of several kinds with
/// front matter and bodies, a section intro, data files printed by templates (and one naming the
/// partial a template includes through `{{>*name}}`), a partial included after a delimiter change,
/// a questionnaire and its page, `site.yml`, and theme assets. Small enough to build in-process
/// hundreds of times in a test.
enum CacheTrustSite {
    static let base = """
    <!doctype html>
    <html><head><title>{{$title}}{{page.title}} · {{site.title}}{{/title}}</title>
    <link rel="stylesheet" href="{{root}}{{assets.site_css}}">
    </head><body>
    {{>partials/nav}}
    <p class="motto">{{data.settings.motto}}</p>
    <main>{{$main}}{{/main}}</main>
    <aside class="chosen">{{>*data.settings.partial}}</aside>
    {{=<% %>=}}<footer><%> partials/delimited %></footer><%={{ }}=%>
    </body></html>

    """

    static let nav = """
    <nav><a href="{{root}}{{site.home_url}}">Home</a>{{#site.sections}} <a href="{{root}}{{url}}">{{title}}</a>{{/site.sections}}{{#site.nav}} <a href="{{root}}{{url}}">{{title}}</a>{{/site.nav}}</nav>
    <ul lang="{{site.language}}">{{#site.languages}}<li><a hreflang="{{code}}" href="{{root}}{{url}}">{{name}}</a></li>{{/site.languages}}</ul>

    """

    static let article = """
    {{<base}}{{$main}}
    <article><h1>{{page.title}}</h1><p class="summary">{{page.summary}}</p>
    {{#page.alternates}}<link rel="alternate" hreflang="{{hreflang}}" href="{{href}}">{{/page.alternates}}{{#page.untranslated}}<p lang="{{page.lang}}">untranslated, canonical {{page.canonical}}</p>{{/page.untranslated}}
    <div class="content">{{{page.content}}}</div>
    <ul class="tags">{{#page.tags}}<li><a href="{{root}}{{url}}">{{name}}</a></li>{{/page.tags}}</ul>
    {{#page.prev}}<a rel="prev" href="{{root}}{{url}}">{{title}}</a>{{/page.prev}}{{#page.next}}<a rel="next" href="{{root}}{{url}}">{{title}}</a>{{/page.next}}
    {{#page.read_next}}<a class="read-next" href="{{root}}{{url}}">{{title}}</a>{{/page.read_next}}
    </article>
    {{/main}}{{/base}}

    """

    static let pitfall = """
    {{<base}}{{$main}}
    <article class="pitfall"><h1>{{page.title}}</h1>{{#data.team.lead}}<p class="lead">{{.}}</p>{{/data.team.lead}}
    <div class="content">{{{page.content}}}</div>
    </article>
    {{/main}}{{/base}}

    """

    static let home = """
    {{<base}}{{$main}}
    <h1>{{site.title}}</h1><div class="content">{{{page.content}}}</div>
    {{#sections_full}}<section><h2>{{title}}</h2><p>{{summary}}</p><ul>{{#pages}}<li><a href="{{root}}{{url}}">{{title}}</a> {{summary}}</li>{{/pages}}</ul></section>{{/sections_full}}
    {{/main}}{{/base}}

    """

    static let questionnaire = """
    {{<base}}{{$main}}
    <h1>{{page.title}}</h1>
    {{#questionnaire}}<h2>{{title}}</h2><ol>{{#items}}<li>{{text}}</li>{{/items}}</ol>
    <ul>{{#bands}}<li>{{label}} {{min}}–{{max}}{{#next}} <a href="{{root}}{{url}}">{{title}}</a>{{/next}}</li>{{/bands}}</ul>{{/questionnaire}}
    <div class="content">{{{page.content}}}</div>
    {{/main}}{{/base}}

    """

    static let list = """
    {{<base}}{{$title}}{{list.title}} · {{site.title}}{{/title}}{{$main}}
    <h1>{{list.title}}</h1><div class="intro">{{{list.content}}}</div>
    <ul class="pages">{{#list.pages}}<li><a href="{{root}}{{url}}">{{title}}</a> <span class="summary">{{summary}}</span></li>{{/list.pages}}</ul>
    {{/main}}{{/base}}

    """

    static let tags = """
    {{<base}}{{$title}}Tags{{/title}}{{$main}}<ul>{{#tags}}<li><a href="{{root}}{{url}}">{{name}} ({{count}})</a></li>{{/tags}}</ul>{{/main}}{{/base}}

    """

    static let notFound = """
    {{<base}}{{$title}}Not found{{/title}}{{$main}}<p>Nothing here. <a href="{{root}}{{site.home_url}}">Home</a></p>{{/main}}{{/base}}

    """

    static let search = """
    {{<base}}{{$title}}Search{{/title}}{{$main}}<p>Search {{data.team.name}}</p>{{/main}}{{/base}}

    """

    static let embed = """
    <!doctype html><html><body class="embed">{{>partials/nav}}<h1>{{page.title}}</h1>{{{page.content}}}<script src="{{root}}{{embed.script}}"></script></body></html>

    """

    static let settings = """
    motto: "Choose with care"
    partial: partials/one

    """

    static let team = """
    name: "The guide team"
    lead: "Ada"

    """

    static let questionnaireYAML = """
    id: fit
    version: 1
    title: "Which path fits"
    scale: {min: 0, max: 4, labels: {0: "No", 4: "Yes"}}
    items:
      - {id: alone, text: "I like to solve problems alone", dimension: craft}
      - {id: people, text: "I like to help people grow", dimension: people, reverse: true}
    bands:
      - {id: low, label: "Low", min: 0, max: 3, summary: "Few", advice: "Read more", next: [pitfalls/]}
      - {id: high, label: "High", min: 4, max: 8, summary: "Many", advice: "Try it", next: [pitfalls/first.md]}

    """

    static let siteYML = """
    title: Trust guides
    description: Guides for cache tests.
    language: en
    author: Tester
    nav:
      - {title: Pitfalls, path: pitfalls/}

    """

    /// Page files (relative to the site) and their text.
    static let pages: [String: String] = [
        "content/index.md": page(title: "Welcome", kind: nil, body: "Start with [the first pitfall](@/pitfalls/first.md)."),
        "content/pitfalls/first.md": page(title: "First pitfall", kind: "pitfall", extra: "tags: [growth, people]\nweight: 1\n",
                                          body: "## Why\n\nThe first one."),
        "content/pitfalls/second.md": page(title: "Second pitfall", kind: "pitfall", extra: "tags: [people]\nweight: 2\n",
                                           body: "Back to [the first](@/pitfalls/first.md#why)."),
        "content/pitfalls/_index.md": "---\ntitle: Pitfalls\nsummary: Where careers go wrong.\n---\nThe pitfalls.\n",
        "content/comparisons/paths.md": page(title: "Two paths", kind: "comparison", extra: "date: 2026-02-01\n",
                                             body: "## Money\n\nBoth pay. {{scoring.total.max}} points at most."),
        "content/mastery/stage.md": page(title: "First stage", kind: "mastery-stage", body: "Text of the stage."),
        "content/about.md": page(title: "About", kind: nil, body: "About these guides."),
        "content/check.md": page(title: "Check yourself", kind: nil, extra: "template: questionnaire\n", body: "Answer honestly."),
        "content/questionnaire.yml": questionnaireYAML,
        "content/data/settings.yml": settings,
        "content/data/team.yml": team,
    ]

    static func page(title: String, kind: String?, extra: String = "", body: String) -> String {
        "---\ntitle: \(title)\n" + (kind.map { "kind: \($0)\n" } ?? "") + extra + "---\n" + body + "\n"
    }

    static var templates: [String: String] {
        var files: [String: String] = [
            "templates/base.mustache": base,
            "templates/partials/nav.mustache": nav,
            "templates/partials/one.mustache": "<p>partial one</p>\n",
            "templates/partials/delimited.mustache": "<small>after a delimiter change</small>\n",
            "templates/list.mustache": list,
            "templates/tag.mustache": list,
            "templates/tags.mustache": tags,
            "templates/404.mustache": notFound,
            "templates/search.mustache": search,
            "templates/home.mustache": home,
            "templates/pitfall.mustache": pitfall,
            "templates/questionnaire.mustache": questionnaire,
            "templates/embed/page.mustache": embed,
            "templates/assets/site.css": "body { color: #222; }\n",
            "templates/assets/embed.js": "console.log('embed');\n",
        ]
        for name in ["page", "comparison", "pendulum", "mastery-stage"] {
            files["templates/\(name).mustache"] = article
        }
        return files
    }

    /// The same site in English and German: some pages translated (one by `translation_key`),
    /// the rest published in German as fallbacks, a German section intro and data file.
    static let twoLanguageSiteYML = siteYML.replacingOccurrences(of: "nav:\n", with: """
    languages:
      - {code: en, name: English}
      - {code: de, name: Deutsch, title: Vertrauen}
    nav:

    """)

    static let germanPages: [String: String] = [
        "content/index.de.md": page(title: "Willkommen", kind: nil, body: "Beginne mit [dem ersten](@/pitfalls/first.md)."),
        "content/pitfalls/first.de.md": page(title: "Erster Fallstrick", kind: nil, body: "## Warum\n\nDer erste."),
        "content/pitfalls/zweiter.de.md": page(title: "Zweiter", kind: nil, extra: "translation_key: pitfalls/second.md\n", body: "Zurück zum [ersten](@/pitfalls/first.md#warum)."),
        "content/pitfalls/_index.de.md": "---\ntitle: Fallstricke\n---\nDie Fallstricke.\n",
        "content/data/team.de.yml": "name: \"Das Team\"\nlead: \"Ada\"\n",
    ]

    /// Writes the site into `folder`, every file dated an hour ago (so a build trusts their stamps).
    static func write(into folder: URL, twoLanguages: Bool = false) throws {
        var files = templates.merging(pages) { _, new in new }
        files["site.yml"] = twoLanguages ? twoLanguageSiteYML : siteYML
        if twoLanguages { files.merge(germanPages) { _, new in new } }
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
            try FileStamp.setModified(file, secondsAgo: 3_600)
        }
    }
}

/// Modification times, set to the nanosecond (`utimensat`), as `touch -r` and `cp -p` do.
enum FileStamp {
    static func modified(_ file: URL) throws -> timespec {
        var info = stat()
        guard stat(file.path, &info) == 0 else { throw HardeningError("cannot stat \(file.path)") }
        return info.st_mtim
    }

    static func setModified(_ file: URL, to time: timespec) throws {
        var times = [time, time]
        guard utimensat(AT_FDCWD, file.path, &times, 0) == 0 else { throw HardeningError("cannot set the time of \(file.path)") }
    }

    static func setModified(_ file: URL, secondsAgo: Int) throws {
        try setModified(file, to: timespec(tv_sec: Int(Date().timeIntervalSince1970) - secondsAgo, tv_nsec: 123_456_789))
    }
}
