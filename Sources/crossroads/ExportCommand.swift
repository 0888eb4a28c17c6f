import ArgumentParser
import Foundation
import SiteBuilder

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the guides for wikis: GFM Markdown, a TechDocs/MkDocs project, or MediaWiki, DokuWiki or Confluence pages.",
        discussion: """
        markdown: every guide as a .md file, fenced blocks as tables, lists and SVG chart images, \
        links between the exported files, plus the questionnaire on paper.
        techdocs: the same files under DIR/docs/ and DIR/mkdocs.yml with the site's navigation.
        mediawiki: DIR/dump.xml for importDump.php, DIR/images/ for importImages.php, DIR/pages/*.wiki.
        dokuwiki: DIR/data/pages/<namespace>/ and DIR/data/media/<namespace>/, to copy over DokuWiki's data/.
        confluence: storage-format pages in DIR/pages/, their charts in DIR/attachments/, DIR/manifest.json.
        Every wiki format writes DIR/README (the import steps).
        A site with several languages exports the default language into DIR and every other into \
        DIR/<code>/, each a complete export of its own; --lang CODE exports one language into DIR.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "markdown, techdocs, mediawiki, dokuwiki or confluence.")
    var format: ExportFormat = .markdown

    @Option(name: .long, help: "Folder to write the export into (created if missing).")
    var output: String

    @Option(name: .customLong("base-url"), help: "Where the full site is published; links to pages that are not exported (tags, search) point there.")
    var baseURL: String?

    @Option(name: .long, help: "In a site with several languages, export this language alone (a code of `languages:`); without it, every language, the default at the root and each other in its folder (DIR/de/).")
    var lang: String?

    @Flag(name: .long, help: "Write into --output even when it is not a folder Crossroads wrote.")
    var force = false

    func run() throws {
        var options = ExportOptions(source: site.sourceURL, output: URL(fileURLWithPath: output, isDirectory: true),
                                    format: format, baseURL: baseURL)
        options.force = force
        options.language = lang
        let report = try FileHandleOutput.exitingOnBuildFailure { try SiteExport.export(options) }
        print(report.summaryLine + " -> \(options.output.path)")
    }
}
