import Foundation

extension SiteRenderer {
    /// The configuration files of the hosts `host:` chose (`HostFiles`), made from the output map
    /// and the aliases. Its key is the files' own text, which is cheap to make.
    func hostFilesJob(emitGolden: Bool) -> OutputJob? {
        let hosts = model.config.hosts.sorted()
        // The model step made this map already (`claimOutputs`), so it cannot fail here.
        guard !hosts.isEmpty, let map = try? model.outputMap(templates: templates, assets: assets, emitGolden: emitGolden) else { return nil }
        // Every language's aliases, and the 404 page of each language under a folder.
        var aliases: [(alias: String, target: String)] = []
        var notFoundPages: [String] = []
        for language in model.everyLanguage {
            if language.config.outputs.contains(.aliases) {
                for page in language.site.pages {
                    for alias in page.metadata.aliases { aliases.append((OutputPath.folder(ofAddress: alias), page.sitePath)) }
                }
            }
            if language.config.outputs.contains(.notFound), language.notFoundPath != model.notFoundPath { notFoundPages.append(language.notFoundPath) }
        }
        let hostFiles = HostFiles(files: map.paths.map(\.file), aliases: aliases, baseURL: site.config.baseURL, folderNotFoundPages: notFoundPages)
        let texts = hosts.flatMap(hostFiles.files(for:))
        let key = StableHash.of(texts.map { $0.path + "\u{0}" + $0.text }.joined(separator: "\u{0}"))
        return OutputJob(kind: .pages, paths: texts.map(\.path), key: { key }) { writer, _ in
            for (path, text) in texts { try writer.write(OutputPath(sitePath: path), text) }
            return []
        }
    }
}
