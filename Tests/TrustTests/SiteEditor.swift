import Foundation
import TestSupport

/// Applies seeded random edits of every kind of input to a `CacheTrustSite`, each one valid (the
/// site still builds), and says which source files it touched, as the preview's watcher would.
struct SiteEditor {
    enum Kind: CaseIterable {
        case pageBody, frontMatter, addPage, deletePage, renamePage, sectionIntro
        case template, partial, dynamicPartialEdit, dynamicPartialChoice, dynamicPartialFile, delimitedPartial
        case dataFile, questionnaire, siteSettings, asset, sameSizeRestoredTime
        /// A German translation added, edited or removed (a site in two languages only).
        case translation
    }

    let site: URL
    var random: SeededRandom
    private var serial = 0
    /// Pages other pages link to (`@/`, `next:`): never deleted or renamed.
    private let linked: Set<String> = ["content/index.md", "content/pitfalls/first.md", "content/check.md"]
    private static let words = ["career", "ladder", "manager", "craft", "team", "growth", "pendulum", "trust", "review", "mentor",
                                "path", "skill", "scope", "impact", "café", "naïve", "focus", "plan"]
    /// Theme files and the text in them an edit decorates with a version number.
    private static let templateMarks = ["templates/base.mustache": "<main>", "templates/pitfall.mustache": "<h1>",
                                        "templates/page.mustache": "<h1>", "templates/home.mustache": "<h1>",
                                        "templates/list.mustache": "<h1>", "templates/tags.mustache": "<ul>",
                                        "templates/questionnaire.mustache": "<h1>", "templates/embed/page.mustache": "<h1>",
                                        "templates/404.mustache": "<p>", "templates/search.mustache": "<p>"]

    /// What a `siteSettings` edit starts from.
    private let siteYML: String

    init(site: URL, seed: UInt64, siteYML: String = CacheTrustSite.siteYML) {
        self.site = site
        random = SeededRandom(seed: seed)
        self.siteYML = siteYML
    }

    // MARK: Files

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path) }

    func read(_ path: String) -> String {
        (try? String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func write(_ path: String, _ text: String) throws {
        let file = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Every page file (not section intros), sorted.
    func pageFiles() -> [String] {
        let content = site.appendingPathComponent("content")
        var pages: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: content.path) {
            for case let relative as String in enumerator where relative.hasSuffix(".md") && !relative.hasSuffix("_index.md") {
                pages.append("content/" + relative)
            }
        }
        return pages.sorted()
    }

    private mutating func nextSerial() -> Int {
        serial += 1
        return serial
    }

    private mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in random.pick(Self.words) }.joined(separator: " ")
    }

    // MARK: Edits

    /// Applies one edit of `kind` and returns the site-relative paths it touched.
    mutating func apply(_ kind: Kind) throws -> Set<String> {
        switch kind {
        case .pageBody: return try editBody()
        case .frontMatter: return try editFrontMatter()
        case .addPage: return try addPage()
        case .deletePage: return try deletePage()
        case .renamePage: return try renamePage()
        case .sectionIntro:
            let path = "content/pitfalls/_index.md"
            try write(path, "---\ntitle: Pitfalls \(words(1))\nsummary: \(words(3))\n---\n\(words(6))\n")
            return [path]
        case .template:
            let path = random.pick(Self.templateMarks.keys.sorted())
            return try decorate(path, mark: Self.templateMarks[path] ?? "<h1>", original: original(path))
        case .partial:
            return try decorate("templates/partials/nav.mustache", mark: "<nav>", original: CacheTrustSite.nav)
        case .dynamicPartialEdit:
            let chosen = chosenPartial()
            let path = "templates/\(chosen).mustache"
            try write(path, "<p>\(chosen) \(words(2)) \(nextSerial())</p>\n")
            return [path]
        case .dynamicPartialChoice:
            let chosen = random.pick(["partials/one", "partials/two", "partials/three"])
            return try setSettings(motto: nil, partial: chosen)
        case .dynamicPartialFile:
            let path = "templates/\(random.pick(["partials/two", "partials/three"])).mustache"
            if exists(path) && random.chance(50) {
                try FileManager.default.removeItem(at: site.appendingPathComponent(path))
            } else {
                try write(path, "<p>\(path) \(words(2))</p>\n")
            }
            return [path]
        case .delimitedPartial:
            let path = "templates/partials/delimited.mustache"
            try write(path, "<small>\(words(3)) \(nextSerial())</small>\n")
            return [path]
        case .dataFile: return try editData()
        case .questionnaire:
            let path = "content/questionnaire.yml"
            var text = CacheTrustSite.questionnaireYAML
            text = text.replacingOccurrences(of: "Which path fits", with: "Which path fits \(words(1))")
            text = text.replacingOccurrences(of: "I like to help people grow", with: "I like to help \(words(2))")
            if random.chance(50) { text = text.replacingOccurrences(of: "label: \"High\"", with: "label: \"High \(nextSerial())\"") }
            try write(path, text)
            return [path]
        case .siteSettings:
            var text = siteYML.replacingOccurrences(of: "Trust guides", with: "Trust \(words(1))")
            if random.chance(50) { text += "  - {title: About, path: about/}\n" }
            try write("site.yml", text)
            return ["site.yml"]
        case .asset:
            let path = random.pick(["templates/assets/site.css", "templates/assets/embed.js"])
            let text = path.hasSuffix(".css") ? "body { color: #\(random.next(in: 100...999)); }\n" : "console.log('embed \(nextSerial())');\n"
            try write(path, text)
            return [path]
        case .sameSizeRestoredTime: return try editSameSizeRestoringTime()
        case .translation: return try editTranslation()
        }
    }

    /// A German version of a page, added or rewritten (its own front matter or its original's),
    /// or removed so the page falls back; now and then the section intro or the data file.
    private mutating func editTranslation() throws -> Set<String> {
        switch random.below(6) {
        case 0:
            let path = "content/pitfalls/_index.de.md"
            if exists(path) && random.chance(40) {
                try FileManager.default.removeItem(at: site.appendingPathComponent(path))
            } else {
                try write(path, "---\ntitle: Fallstricke \(words(1))\n---\n\(words(4))\n")
            }
            return [path]
        case 1:
            let path = "content/data/team.de.yml"
            try write(path, "name: \"Das \(words(1)) Team\"\n" + (read("content/data/team.yml").contains("lead:") ? "lead: \"\(words(1))\"\n" : ""))
            return [path]
        default:
            // Not second.md, whose translation is zweiter.de.md (by `translation_key`): a second one would be an error.
            let originals = pageFiles().filter { !$0.hasSuffix(".de.md") && $0 != "content/pitfalls/second.md" }
            guard !originals.isEmpty else { return try addPage() }
            let original = random.pick(originals)
            let path = String(original.dropLast(3)) + ".de.md"
            if exists(path) && random.chance(35) {
                try FileManager.default.removeItem(at: site.appendingPathComponent(path))
                return [path]
            }
            var extra = ""
            if random.chance(30) { extra += "tags: [\(words(1))]\n" }
            if random.chance(30) { extra += "weight: \(random.next(in: -3...9))\n" }
            if random.chance(20) { extra += "summary: \(words(3))\n" }
            try write(path, CacheTrustSite.page(title: "DE " + words(2).capitalized, kind: nil, extra: extra, body: words(8)))
            return [path]
        }
    }

    private func original(_ path: String) -> String {
        CacheTrustSite.templates[path] ?? ""
    }

    private mutating func decorate(_ path: String, mark: String, original: String) throws -> Set<String> {
        let tag = String(mark.dropLast())
        try write(path, original.replacingOccurrences(of: mark, with: "\(tag) data-v=\"\(nextSerial())\">"))
        return [path]
    }

    private func chosenPartial() -> String {
        let settings = read("content/data/settings.yml")
        for line in settings.split(separator: "\n") where line.hasPrefix("partial: ") {
            return String(line.dropFirst("partial: ".count))
        }
        return "partials/one"
    }

    private mutating func setSettings(motto: String?, partial: String?) throws -> Set<String> {
        let currentMotto = read("content/data/settings.yml").split(separator: "\n").first { $0.hasPrefix("motto: ") }
            .map { String($0.dropFirst("motto: ".count)) } ?? "\"Choose with care\""
        let text = "motto: \(motto.map { "\"\($0)\"" } ?? currentMotto)\npartial: \(partial ?? chosenPartial())\n"
        try write("content/data/settings.yml", text)
        return ["content/data/settings.yml"]
    }

    private mutating func editData() throws -> Set<String> {
        switch random.below(3) {
        case 0:
            return try setSettings(motto: words(3), partial: nil)
        case 1:
            let lead = random.chance(70) ? "lead: \"\(words(1))\"\n" : ""
            try write("content/data/team.yml", "name: \"The \(words(1)) team\"\n" + lead)
            return ["content/data/team.yml"]
        default:
            let path = "content/data/extra.yml"
            if exists(path) {
                try FileManager.default.removeItem(at: site.appendingPathComponent(path))
            } else {
                try write(path, "note: \(words(2))\n")
            }
            return [path]
        }
    }

    private mutating func editBody() throws -> Set<String> {
        let path = random.pick(pageFiles())
        let text = read(path)
        let addition: String
        switch random.below(4) {
        case 0: addition = "\n## \(words(2).capitalized)\n\n\(words(8)).\n"
        case 1: addition = "\n\(words(5)) ({{scoring.items.count}} questions).\n"
        case 2: addition = "\n```chart\ntype: bar\ntitle: \(words(2))\nbars:\n  - {label: a, value: \(random.next(in: 1...9))}\n```\n"
        default: addition = "\n\(words(12)).\n"
        }
        try write(path, text + addition)
        return [path]
    }

    private mutating func editFrontMatter() throws -> Set<String> {
        let path = random.pick(pageFiles())
        let text = read(path)
        guard let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 4)..<text.endIndex) else { return [] }
        var lines = text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound].split(separator: "\n").map(String.init)
        let body = text[end.upperBound...]
        func set(_ key: String, _ value: String?) {
            lines.removeAll { $0.hasPrefix(key + ":") }
            if let value { lines.append("\(key): \(value)") }
        }
        switch random.below(6) {
        case 0: set("title", "\(words(2).capitalized) \(nextSerial())")
        case 1: set("summary", random.chance(80) ? words(4) : nil)
        case 2: set("tags", random.chance(80) ? "[\(words(1)), \(words(1))]" : nil)
        case 3: set("weight", String(random.next(in: -3...9)))
        case 4: set("date", random.chance(70) ? "2026-0\(random.next(in: 1...9))-1\(random.next(in: 0...9))" : nil)
        default:
            // Another kind moves the page between sections, neighbours and templates.
            if path != "content/index.md" && path != "content/check.md" {
                set("kind", random.pick(["pitfall", "comparison", "page", "mastery-stage"]))
            } else {
                set("summary", words(2))
            }
        }
        try write(path, "---\n" + lines.joined(separator: "\n") + "\n---\n" + body)
        return [path]
    }

    private mutating func addPage() throws -> Set<String> {
        let folder = random.pick(["pitfalls", "comparisons", "mastery", ""])
        let kind = ["pitfalls": "pitfall", "comparisons": "comparison", "mastery": "mastery-stage"][folder]
        let path = "content/" + (folder.isEmpty ? "" : folder + "/") + "new-\(nextSerial()).md"
        try write(path, CacheTrustSite.page(title: words(2).capitalized, kind: kind, extra: "tags: [\(words(1))]\n", body: words(10)))
        return [path]
    }

    private mutating func deletePage() throws -> Set<String> {
        let candidates = pageFiles().filter { !linked.contains($0) }
        guard !candidates.isEmpty else { return try addPage() }
        let path = random.pick(candidates)
        try FileManager.default.removeItem(at: site.appendingPathComponent(path))
        return [path]
    }

    private mutating func renamePage() throws -> Set<String> {
        let candidates = pageFiles().filter { !linked.contains($0) }
        guard !candidates.isEmpty else { return try addPage() }
        let path = random.pick(candidates)
        let renamed = (path as NSString).deletingLastPathComponent + "/renamed-\(nextSerial()).md"
        try FileManager.default.moveItem(at: site.appendingPathComponent(path), to: site.appendingPathComponent(renamed))
        return [path, renamed]
    }

    /// Swaps one letter of a page's body for another and restores the file's modification time,
    /// as `cp -p`, `touch -r` or a checkout of an old file leave it: same size, same time.
    private mutating func editSameSizeRestoringTime() throws -> Set<String> {
        let path = random.pick(pageFiles())
        let file = site.appendingPathComponent(path)
        let time = try FileStamp.modified(file)
        var bytes = [UInt8](read(path).utf8)
        // A letter of a plain prose line of the body: one in a link, placeholder, block or front
        // matter could make the page invalid.
        let bodyStart = (read(path).range(of: "\n---\n").map { read(path).utf8.distance(from: read(path).startIndex, to: $0.upperBound) }) ?? 0
        var lineStart = bodyStart
        var position: Int?
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if !line.contains(where: { "{@:`#(-".utf8.contains($0) }), let letter = line.firstIndex(where: { (97...122).contains($0) }) {
                position = letter
            }
            lineStart = lineEnd + 1
        }
        guard let position else { return [] }
        bytes[position] = bytes[position] == 122 ? 97 : bytes[position] + 1
        try Data(bytes).write(to: file)
        try FileStamp.setModified(file, to: time)
        return [path]
    }
}
