import Foundation

extension SiteRenderer {
    /// A redirect page at each of the page's `aliases`, always `<alias>/index.html` (an address,
    /// never a file name). Written with the page, when `outputs:` has `aliases`.
    func writeAliases(ofPage index: Int, into writer: any OutputWriter) throws {
        let page = site.pages[index]
        for alias in page.metadata.aliases {
            let aliasPath = OutputPath.folder(ofAddress: alias)
            try writer.write(OutputPath(sitePath: aliasPath), AliasPage.html(from: aliasPath, to: page.sitePath, links: links, title: page.metadata.title,
                                                                                      strings: model.strings))
        }
    }
}

extension SiteModel {
    /// The alias files of a page of the kinds `outputs:` chose.
    func aliasPaths(ofPage index: Int) throws -> [OutputPath] {
        guard config.outputs.contains(.aliases) else { return [] }
        return try site.pages[index].metadata.aliases.map(OutputPath.init(address:))
    }
}
