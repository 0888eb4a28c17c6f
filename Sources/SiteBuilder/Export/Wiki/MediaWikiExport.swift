import Blocks
import Foundation

/// `crossroads export --format mediawiki`: `dump.xml` for `importDump.php`, the same pages as
/// `pages/<slug>.wiki` to read, the charts in `images/` for `importImages.php`, and `README.txt`.
enum MediaWikiExport {
    static let namespace = "http://www.mediawiki.org/xml/export-0.11/"

    static func files(_ site: WikiSite, siteTitle: String, timestamp: Date) -> [WikiExportFile] {
        let writer = WikiWriter(syntax: MediaWikiSyntax(), site: site)
        var files: [WikiExportFile] = []
        var dump = "<mediawiki xmlns=\"\(namespace)\" version=\"0.11\" xml:lang=\"en\">\n"
        dump += "  <siteinfo>\n    <sitename>\(escapeHTML(siteTitle))</sitename>\n    <case>first-letter</case>\n  </siteinfo>\n"
        let stamp = ISO8601DateFormatter().string(from: timestamp)
        for page in site.pages {
            let text = writer.write(page)
            files.append(WikiExportFile(path: "pages/\(page.slug).wiki", text: text, page: page.file))
            dump += """
              <page>
                <title>\(escapeHTML(page.title))</title>
                <ns>0</ns>
                <revision>
                  <timestamp>\(stamp)</timestamp>
                  <contributor><username>Crossroads export</username></contributor>
                  <comment>Exported by crossroads export --format mediawiki</comment>
                  <model>wikitext</model>
                  <format>text/x-wiki</format>
                  <text xml:space="preserve" bytes="\(text.utf8.count)">\(escapeHTML(text))</text>
                </revision>
              </page>

            """
        }
        dump += "</mediawiki>\n"
        files.append(WikiExportFile(path: "dump.xml", text: dump))
        for (name, svg) in site.images { files.append(WikiExportFile(path: "images/" + name, text: svg)) }
        files.append(WikiExportFile(path: "README.txt", text: readme(site)))
        return files
    }

    private static func readme(_ site: WikiSite) -> String {
        let home = site.pages.first { $0.parent == nil }
        var text = """
        Crossroads, exported for MediaWiki (1.39 or later)

        dump.xml      every page, in MediaWiki's XML export format
        pages/        the same wikitext, one file per page, to read
        images/       the charts as SVG files, shown in the pages as [[File:name.svg]]

        1. Let the wiki take SVG files: in LocalSettings.php,
               $wgEnableUploads = true;
               $wgFileExtensions[] = 'svg';
               $wgSVGConverter = 'rsvg';      # apt-get install librsvg2-bin (1.39 has no $wgSVGNativeRendering)
               $wgSVGConverterPath = '/usr/bin';
        2. From the MediaWiki folder (/usr/share/mediawiki on Debian), images first so the pages
           find them:
               php maintenance/importImages.php --extensions=svg /path/to/this/images
               php maintenance/importDump.php --no-updates /path/to/this/dump.xml
               php maintenance/refreshLinks.php     # links and caches once every page exists
               php maintenance/runJobs.php
               php maintenance/rebuildrecentchanges.php
        3. Optional: make the home page the wiki's main page by editing MediaWiki:Mainpage to read
               \(home?.title ?? "")

        Importing again updates the pages (the newer revision wins). Tables use class "wikitable",
        which every MediaWiki skin styles; nothing else needs an extension.

        Pages:

        """
        for page in site.pages { text += "  \(page.title)  (pages/\(page.slug).wiki)\n" }
        return text
    }
}
