import Foundation

/// A small site in English (the default) and German, with the repository's templates: a
/// translated home page and section intro, a translation by file name that inherits its
/// original's front matter, one linked by `translation_key` at another path, an untranslated page
/// (a fallback in German), a German-only page, and a data file with a German version. The
/// repository's templates and theme strings (`i18n/`).
enum TwoLanguageSite {
    static let siteYML = """
    title: Crossroads
    description: Guides for tests.
    language: en
    languages:
      - {code: en, name: English}
      - code: de
        name: Deutsch
        title: Kreuzwege
        nav:
          - {title: Fallstricke, path: pitfalls/}
    nav:
      - {title: Pitfalls, path: pitfalls/}

    """

    static let files: [String: String] = [
        "content/index.md": "---\ntitle: Home\n---\nSee [alone](@/pitfalls/alone.md) and [promoted](@/pitfalls/promoted.md).\n",
        "content/index.de.md": "---\ntitle: Startseite\n---\nSiehe [allein](@/pitfalls/alone.md) und [befördert](@/pitfalls/promoted.md).\n",
        "content/pitfalls/_index.md": "---\ntitle: Pitfalls\n---\nWhere careers go wrong.\n",
        "content/pitfalls/_index.de.md": "---\ntitle: Fallstricke\n---\nWo Karrieren scheitern.\n",
        "content/pitfalls/no-training.md": """
            ---
            title: No training
            kind: pitfall
            summary: Nobody trains new managers.
            weight: 2
            tags: [training]
            date: 2024-03-01
            aliases: [old-training/]
            ---
            Read [alone](@/pitfalls/alone.md).

            ```compare
            ```

            """,
        "content/pitfalls/no-training.de.md": """
            ---
            title: Keine Schulung
            summary: Niemand schult neue Führungskräfte.
            ---
            Lies [allein](@/pitfalls/alone.md).

            ```compare
            ```

            """,
        "content/pitfalls/alone.md": "---\ntitle: Alone\nkind: pitfall\nsummary: Left alone.\nweight: 1\n---\nNobody helps.\n",
        "content/pitfalls/promoted.md": """
            ---
            title: Promoted
            kind: pitfall
            weight: 3
            tags: [career]
            translation_key: promoted
            ---
            Promoted away.

            """,
        "content/pitfalls/befoerdert.de.md": """
            ---
            title: Befördert
            tags: [karriere]
            translation_key: promoted
            ---
            Wegbefördert.

            """,
        "content/nur-deutsch.de.md": "---\ntitle: Nur Deutsch\n---\nDas Zauberwort steht nur hier.\n",
        "content/data/dimensions.yml": """
            columns: {technical: Technical, management: Management}
            dimensions:
              - {id: pay, name: Pay, technical: Good, management: Better}

            """,
        "content/data/dimensions.de.yml": """
            columns: {technical: Technik, management: Führung}
            dimensions:
              - {id: pay, name: Gehalt, technical: Gut, management: Besser}

            """,
    ]

    /// Writes the site, with the repository's templates, into `folder`.
    static func write(into folder: URL, siteYML: String = siteYML, replacing: [String: String?] = [:]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for part in ["templates", "i18n"] {
            try FileManager.default.copyItem(at: DefaultSite.root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        var all = files
        all["site.yml"] = siteYML
        for (path, text) in replacing { all[path] = text }
        for (path, text) in all {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }
}
