import Blocks
import Foundation
import Mustache

/// The theme's Mustache templates, read from `templates/` at build time (never compiled in) and
/// checked before any page is rendered: a syntax error, a missing partial or parent, or a missing
/// page template is reported with the template's file and line.
struct TemplateSet: Sendable {
    let folder: URL
    let library: MustacheLibrary
    /// The same templates for our renderer; nil when swift-mustache's tokens could not be read,
    /// and then swift-mustache renders.
    let compiled: TemplateRenderer?
    /// Template names (path under templates/ without `.mustache`).
    let names: Set<String>
    /// Hash of every template's text, for caches.
    let combinedHash: UInt64
    /// Hash of each template's text, for the keys of outputs that looked it up (`InputHashes`).
    let textHashes: [String: UInt64]
    /// Every literal `id="..."` the templates write (`main`, `qn-form` ...): a heading never gets
    /// one of these, so a page never holds two elements with one id.
    let reservedIDs: Set<String>
    /// Every `i18n.<key>` a template names, with its file and line (`check` reports keys no
    /// language defines).
    var themeKeyReads: [ThemeKeyRead] = []

    static func load(from folder: URL) throws -> TemplateSet {
        var errors = ErrorCollector()
        var library = MustacheLibrary()
        var names: Set<String> = []
        var texts: [String: String] = [:]
        var compiled: [String: CompiledTemplate]? = [:]
        var references: [String: [(name: String, line: Int)]] = [:]
        let files = Self.templateFiles(in: folder)
        if files.isEmpty {
            errors.add(SiteError(file: "templates/", message: "no templates (*.mustache) found in \(folder.path)",
                                 fix: "copy the default theme's templates folder, or create one with `crossroads new DIR`"))
        }
        for relative in files {
            let display = "templates/" + relative
            let name = String(relative.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path),
                  let text = String(data: data, encoding: .utf8) else {
                errors.add(SiteError(file: display, message: "cannot read this template as UTF-8 text", fix: "re-save it as UTF-8"))
                continue
            }
            if let line = Self.oneCharacterDelimiterLine(in: text) {
                errors.add(SiteError(file: display, line: line, message: "template syntax error: the delimiter change sets a one-character opening delimiter, which the template parser cannot read",
                                     fix: "use an opening delimiter of two or more characters, such as {{=<% %>=}}"))
                continue
            }
            do {
                let template = try MustacheTemplate(string: FastHTMLContent.pragmaLine + text)
                library.register(template, named: name)
                compiled?[name] = CompiledTemplate.compile(template)
                if compiled?[name] == nil { compiled = nil }
                names.insert(name)
                texts[name] = text
                references[name] = Self.references(in: text)
            } catch let error as MustacheTemplate.ParserError {
                errors.add(SiteError(file: display, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                     message: "template syntax error: \(Self.explain(error.error))",
                                     fix: "check that every {{#section}} / {{$block}} / {{<parent}} is closed with a matching {{/name}}"))
            } catch {
                errors.add(SiteError(file: display, message: "template syntax error: \(error)"))
            }
        }
        for (name, refs) in references.sorted(by: { $0.key < $1.key }) {
            for ref in refs where !names.contains(ref.name) && texts[ref.name] == nil && !files.contains(ref.name + ".mustache") {
                errors.add(SiteError(file: "templates/\(name).mustache", line: ref.line,
                                     message: "template uses partial or layout `\(ref.name)`, but templates/\(ref.name).mustache does not exist",
                                     fix: "create templates/\(ref.name).mustache or correct the name"))
            }
        }
        try errors.throwIfAny()
        let combined = texts.keys.sorted().map { "\($0)\u{0}\(texts[$0] ?? "")" }.joined(separator: "\u{1}")
        return TemplateSet(folder: folder, library: library, compiled: compiled.map(TemplateRenderer.init), names: names,
                           combinedHash: StableHash.of(combined),
                           textHashes: texts.mapValues { StableHash.of($0) },
                           reservedIDs: texts.values.reduce(into: []) { $0.formUnion(Self.literalIDs(in: $1)) },
                           themeKeyReads: texts.keys.sorted().flatMap { ThemeKeyRead.all(in: texts[$0] ?? "", file: "templates/\($0).mustache") })
    }

    /// The values of `id="..."` and `id='...'` attributes that hold no Mustache tag. An id built
    /// from a tag (`id="band-{{id}}"`) comes from data, not from a heading's text, and is left out.
    static func literalIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = Substring(text)
        while let attribute = rest.range(of: "id=") {
            rest = rest[attribute.upperBound...]
            let before = rest.base[..<attribute.lowerBound].last
            guard before.map({ $0 == " " || $0 == "\n" || $0 == "\t" }) ?? false,
                  let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            if !value.isEmpty, !value.contains("{{") { ids.insert(String(value)) }
        }
        return ids
    }

    /// The same templates rendered by swift-mustache alone: slower, the same bytes. For tests that
    /// prove it, and to measure the difference.
    func renderedBySwiftMustache() -> TemplateSet {
        TemplateSet(folder: folder, library: library, compiled: nil, names: names, combinedHash: combinedHash,
                    textHashes: textHashes, reservedIDs: reservedIDs, themeKeyReads: themeKeyReads)
    }

    /// Whether our renderer is in use (false when swift-mustache's tokens could not be read).
    var rendersCompiled: Bool { compiled != nil }

    /// Whether the theme has template `name`; the answer is recorded (a template added later
    /// changes what the output that asked prints).
    func has(_ name: String, recorder: ReadRecorder) -> Bool {
        recorder.template(name)
        return names.contains(name)
    }

    /// Renders `name` with `context`, recording what it reads (see `ReadRecorder`); a missing
    /// template is an error naming the file it expected.
    func render(_ name: String, context: TemplateValue, forFile file: String, recorder: ReadRecorder) throws -> String {
        guard has(name, recorder: recorder),
              let output = try renderIfPresent(name, context: context, forFile: file, recorder: recorder) else {
            throw SiteError(file: file, message: "needs template templates/\(name).mustache, which does not exist",
                            fix: "create templates/\(name).mustache (it can extend layouts/base), or set `template:` in the front matter to an existing one")
        }
        return output
    }

    private func renderIfPresent(_ name: String, context: TemplateValue, forFile file: String, recorder: ReadRecorder) throws -> String? {
        guard let compiled else {
            recorder.readEverything()
            return library.render(context.lowered, withTemplate: name)
        }
        do throws(TemplateRenderer.Failure) {
            return try compiled.render(name, context: context, recorder: recorder)
        } catch .partialsTooDeep(let partial) {
            throw SiteError(file: "templates/\(partial).mustache",
                            message: "partials nest more than \(TemplateRenderer.maxPartialDepth) deep while rendering \(file) with templates/\(name).mustache",
                            fix: "a partial includes itself, directly or through others; put the repeated part in a section that ends")
        }
    }

    /// swift-mustache escapes Character by Character through a dictionary; every template
    /// starts with a pragma line that switches to the same escaping done on UTF-8 bytes (the
    /// line is standalone, so it prints nothing; parser lines are one more than the file's).
    enum FastHTMLContent {
        static let name = "CROSSROADS_HTML"
        static let pragmaLine: String = {
            MustacheContentTypes.register(Escaper(), named: name)
            return "{{%CONTENT_TYPE:\(name)}}\n"
        }()

        struct Escaper: MustacheContentType {
            func escapeText(_ text: String) -> String { escapeHTML(text) }
        }
    }

    private static func templateFiles(in folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") && !path.hasPrefix("assets/") {
            files.append(path)
        }
        return files.sorted()
    }

    /// The line of a delimiter change to a one-character opening delimiter (`{{=[ ]=}}`):
    /// swift-mustache's parser stops the whole process on an empty section between such
    /// delimiters (`[#a][/a]`), so the change is refused before the parser sees it.
    static func oneCharacterDelimiterLine(in text: String) -> Int? {
        var opening = "{{"
        var closing = "}}"
        var rest = text[...]
        while let change = rest.range(of: opening + "=") {
            let inside = rest[change.upperBound...]
            guard let end = inside.range(of: "=" + closing) else { return nil }
            let delimiters = inside[..<end.lowerBound].split(whereSeparator: \.isWhitespace)
            // Anything else is a syntax error the parser reports with its position.
            guard delimiters.count == 2 else { return nil }
            if delimiters[0].count < 2 {
                return text[..<change.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            }
            opening = String(delimiters[0])
            closing = String(delimiters[1])
            rest = inside[end.upperBound...]
        }
        return nil
    }

    /// `{{> name}}` and `{{< name}}` references with their lines.
    static func references(in text: String) -> [(name: String, line: Int)] {
        var result: [(String, Int)] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" { line += 1 }
            if text[index...].hasPrefix("{{>") || text[index...].hasPrefix("{{<") {
                let start = text.index(index, offsetBy: 3)
                if let close = text[start...].range(of: "}}") {
                    let name = text[start..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty && !name.hasPrefix("*") { result.append((name, line)) }
                }
            }
            index = text.index(after: index)
        }
        return result
    }

    private static func explain(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a closing tag {{/name}} does not match the section it closes"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is opened but never closed with {{/name}}"
        case MustacheTemplate.Error.invalidSetDelimiter: return "invalid delimiter change"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection, MustacheTemplate.Error.textInsideInheritSection:
            return "inside {{<parent}} … {{/parent}} only {{$block}} overrides are allowed"
        default: return "\(error)"
        }
    }
}
