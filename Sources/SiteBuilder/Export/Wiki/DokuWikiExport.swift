/// `crossroads export --format dokuwiki`: a `data/` folder to copy over DokuWiki's own, with the
/// pages in `data/pages/<namespace>/...` and the charts in `data/media/<namespace>/`.
enum DokuWikiExport {
    static func files(_ site: WikiSite, siteTitle: String) -> [WikiExportFile] {
        let syntax = DokuWikiSyntax(namespace: namespace(siteTitle: siteTitle))
        let writer = WikiWriter(syntax: syntax, site: site)
        var files = site.pages.map { page in
            WikiExportFile(path: "data/pages/" + syntax.pageID(page).replacingOccurrences(of: ":", with: "/") + ".txt",
                           text: writer.write(page), page: page.file)
        }
        for (name, svg) in site.images {
            files.append(WikiExportFile(path: "data/media/" + syntax.mediaID(name).replacingOccurrences(of: ":", with: "/"), text: svg))
        }
        files.append(WikiExportFile(path: "README.txt", text: readme(site, syntax: syntax)))
        return files
    }

    /// The site's title as a DokuWiki id (`Crossroads` -> `crossroads`).
    static func namespace(siteTitle: String) -> String {
        let id = DokuWikiSyntax.cleanID(siteTitle).replacingOccurrences(of: ":", with: "_").replacingOccurrences(of: ".", with: "_")
        return id.isEmpty ? "guides" : id
    }

    private static func readme(_ site: WikiSite, syntax: DokuWikiSyntax) -> String {
        let home = site.pages.first { $0.parent == nil }.map(syntax.pageID) ?? syntax.namespace + ":start"
        var text = """
        Crossroads, exported for DokuWiki

        data/pages/\(syntax.namespace)/   every page, in DokuWiki syntax, under the namespace "\(syntax.namespace)"
        data/media/\(syntax.namespace)/   the charts as SVG files, shown in the pages as {{\(syntax.namespace):name.svg}}

        1. Copy the data folder over the wiki's own (Debian's package keeps it in /var/lib/dokuwiki/data),
           as the user the web server runs as:
               cp -r data/. /var/lib/dokuwiki/data/
               chown -R www-data:www-data /var/lib/dokuwiki/data/pages/\(syntax.namespace) /var/lib/dokuwiki/data/media/\(syntax.namespace)
        2. DokuWiki 2022-07-31 serves SVG files as shipped; an older one whose conf/mime.conf lacks
           svg needs the line "svg   image/svg+xml" in conf/mime.local.conf.
        3. Rebuild the search index (pages copied in are not indexed until then):
               php bin/indexer.php -c
        4. The guides start at [[\(home)]]; link to it from the wiki's start page.

        Copying again replaces the pages; DokuWiki keeps no history of files changed this way.

        Pages:

        """
        for page in site.pages { text += "  \(syntax.pageID(page))  \(page.title)\n" }
        return text
    }
}
