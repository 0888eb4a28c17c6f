import Foundation

/// `crossroads export --format confluence`: one storage-format file per page in `pages/`, each
/// page's charts in `attachments/<slug>/`, the page tree in `manifest.json`, and `README.md`
/// with the REST API calls that create the pages in order and attach the files.
enum ConfluenceExport {
    struct ManifestPage: Codable, Equatable {
        var title: String
        var file: String
        /// The parent page's title; nil for the home page, which goes under the space's home.
        var parent: String?
        var attachments: [String]
    }

    struct Manifest: Codable, Equatable {
        /// The site's title.
        var site: String
        /// Parents before their children, in the order to create them.
        var pages: [ManifestPage]
    }

    static func files(_ site: WikiSite, siteTitle: String) throws -> [WikiExportFile] {
        let writer = WikiWriter(syntax: ConfluenceSyntax(), site: site)
        var files: [WikiExportFile] = []
        var manifest = Manifest(site: siteTitle, pages: [])
        for page in site.pages {
            let file = "pages/\(page.slug).xml"
            files.append(WikiExportFile(path: file, text: writer.write(page), page: page.file))
            let attachments = page.images.map { "attachments/\(page.slug)/\($0)" }
            for (name, path) in zip(page.images, attachments) {
                files.append(WikiExportFile(path: path, text: site.images[name] ?? "", page: page.file))
            }
            manifest.pages.append(ManifestPage(title: page.title, file: file, parent: page.parent.flatMap { site.page($0)?.title },
                                               attachments: attachments))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files.append(WikiExportFile(path: "manifest.json", text: String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"))
        files.append(WikiExportFile(path: "README.md", text: readme))
        return files
    }

    private static let readme = #"""
    # Crossroads, exported for Confluence

    - `pages/<slug>.xml`: each page in Confluence's storage format (XHTML with `ac:` and `ri:`
      elements). Links between pages are `<ac:link>` to the page's title, so the pages must keep
      the titles in `manifest.json`; quoted passages are `info` or `note` panels; charts are
      `<ac:image>` of the page's own attachments.
    - `attachments/<slug>/`: the charts (SVG) each page shows, to attach to that page.
    - `manifest.json`: the page tree, parents first: `title`, `file`, `parent` (a title; null for the
      top page) and `attachments`.

    ## Import with the REST API (Confluence Server / Data Center 7+, or Cloud)

    Needs `curl` and `jq`. Set the wiki's address, a space key and a personal access token
    (Cloud: use `-u email:api-token` instead of the `Authorization` header), then run from this
    folder:

    ```sh
    WIKI=https://confluence.example.com   # Cloud: https://example.atlassian.net/wiki
    SPACE=GUIDES
    AUTH="Authorization: Bearer $TOKEN"
    declare -A ID
    while read -r page; do
      title=$(jq -r .title <<<"$page"); file=$(jq -r .file <<<"$page"); parent=$(jq -r '.parent // empty' <<<"$page")
      ancestors='[]'; [ -n "$parent" ] && ancestors="[{\"id\":\"${ID[$parent]}\"}]"
      body=$(jq -n --arg t "$title" --arg s "$SPACE" --rawfile v "$file" --argjson a "$ancestors" \
        '{type:"page",title:$t,space:{key:$s},ancestors:$a,body:{storage:{value:$v,representation:"storage"}}}')
      ID[$title]=$(curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "$body" "$WIKI/rest/api/content" | jq -r .id)
      for attachment in $(jq -r '.attachments[]' <<<"$page"); do
        curl -sf -H "$AUTH" -H 'X-Atlassian-Token: nocheck' -F "file=@$attachment;type=image/svg+xml" \
          "$WIKI/rest/api/content/${ID[$title]}/child/attachment" > /dev/null
      done
    done < <(jq -c '.pages[]' manifest.json)
    ```

    Pages are created in the manifest's order, so every parent exists before its children. To
    update pages already imported, `PUT /rest/api/content/{id}` with `version.number` one higher.

    ## Without the API

    A page's file can also be pasted into the editor's source view (Confluence Server's "Source
    editor", or the Confluence Source Editor app on Cloud), with its attachments uploaded by hand.
    Links to a heading of another page use the heading's text as `ac:anchor`.
    """#
}
