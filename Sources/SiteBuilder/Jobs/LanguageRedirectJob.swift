import Foundation

extension SiteRenderer {
    /// The root's `index.html` of a site whose default language is served under its code too
    /// (`default_language_in_subfolder: true`): a redirect to that language's home, `en/`.
    func languageRedirectJob(_ keys: OutputKeys) -> OutputJob? {
        guard model.writesSharedFiles, !model.prefix.isEmpty else { return nil }
        let home = model.prefix
        let title = model.config.title
        return OutputJob(kind: .pages, paths: [""], key: { keys.globalHash }) { writer, _ in
            try writer.write(OutputPath(sitePath: ""), AliasPage.html(from: "", to: home, links: links, title: title, strings: model.strings))
            return []
        }
    }
}
