import Foundation
import TestSupport

/// The default site with hostile content added: every payload, if it ever ran, would call
/// `alert`, which the browser probe records.
enum HostileSite {
    static let page = #"""
    ---
    title: "\"><script>alert('title')</script><img src=x onerror=alert('title-img')>"
    kind: pitfall
    summary: "</title><script>alert('summary')</script>' onmouseover='alert(1)"
    tags: ["<script>alert('tag')</script>", "\" onfocus=\"alert('tag-attr')"]
    ---
    # Headline <img src=x onerror="alert('heading')">

    <script>alert('raw script')</script>

    <img src="x" onerror="alert('onerror')">

    <div onmouseover="alert('hover')" style="width:100%">hover me</div>

    <svg><script>alert('svg script')</script><a xlink:href="javascript:alert('svg link')"><text>x</text></a></svg>

    <iframe src="javascript:alert('iframe')"></iframe>

    <a href="javascript:alert('raw anchor')">raw anchor</a>

    [javascript link](javascript:alert('markdown-link'))
    [spaced link]( JaVaScRiPt:alert('mixed-case'))
    [entity link](jav&#x09;ascript:alert('entity'))
    [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+)
    [vbscript link](vbscript:msgbox(1))
    ![image](javascript:alert('image'))

    <javascript:alert('autolink')>

    Text for the search index: </script><script>alert('search')</script> "; alert('search-js'); " \u2028 ` ${alert('template')} `

    ```chart
    type: bar
    title: "</title><script>alert('chart title')</script>"
    description: "<img src=x onerror=alert('chart description')>"
    bars:
      - {label: "<svg onload=alert('chart label')>", value: 3}
      - {label: "</text><script>alert('chart text')</script>", value: 4}
    ```

    ```ladder
    ```
    """#

    static let ladders = #"""
    title: "<script>alert('ladder title')</script>"
    tracks:
      - id: hostile
        name: "<img src=x onerror=alert('ladder name')>"
        summary: "</p><script>alert('ladder summary')</script>"
        levels:
          - name: "\"><svg onload=alert('level')>"
            scope: "javascript:alert('scope')"
    """#

    /// Copies the repository's default site into `folder` and adds the hostile content.
    static func write(into folder: URL) throws {
        for part in ["site.yml", "content", "templates", "i18n"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        try DefaultSiteLanguages.keepOnlyTheDefaultLanguage(in: folder)
        let pagePath = folder.appendingPathComponent("content/pitfalls/hostile.md")
        try Data(page.utf8).write(to: pagePath)
        // The questionnaire's statements travel inside a <script type="application/json"> element.
        let questionnaire = folder.appendingPathComponent("content/questionnaire.yml")
        var text = try String(contentsOf: questionnaire, encoding: .utf8)
        guard let range = text.range(of: "  - id: own-hands\n    text: \"") else { throw HardeningError("the default questionnaire changed: no own-hands item") }
        text.replaceSubrange(range, with: "  - id: own-hands\n    text: \"</script><script>alert('questionnaire')</script><!-- ")
        try Data(text.utf8).write(to: questionnaire)
        // The default tracks stay (other pages' ladder blocks name them); a hostile track goes first.
        let laddersPath = folder.appendingPathComponent("content/data/ladders.yml")
        let original = try String(contentsOf: laddersPath, encoding: .utf8)
        guard let tracks = original.range(of: "tracks:\n") else { throw HardeningError("the default ladders.yml changed: no tracks") }
        let rest = original[tracks.upperBound...]
        let hostileTracks = ladders.components(separatedBy: "tracks:\n")[1]
        try Data((ladders.components(separatedBy: "tracks:\n")[0] + "tracks:\n" + hostileTracks + "\n" + rest).utf8).write(to: laddersPath)
    }
}
