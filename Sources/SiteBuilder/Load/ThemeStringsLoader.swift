import Blocks
import Foundation
import Yams

/// Reads `i18n/<code>.yml` at the site root into `ThemeStrings`. A file that cannot be read as
/// a flat map of snake_case keys to text, or whose string changes the `{holes}` the builder
/// fills, fails the build at its line; a key one language lacks is a gap `check` lists.
extension SiteLoader {
    static let themeStringsFolder = "i18n"

    /// `languages`: the site's language codes, the default first.
    func loadThemeStrings(languages: [String], errors: inout ErrorCollector) -> ThemeStrings {
        let folder = sourceFolder.appendingPathComponent(Self.themeStringsFolder)
        var isFolder: ObjCBool = false
        guard let defaultLanguage = languages.first,
              FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            return ThemeStrings(defaultLanguage: languages.first ?? "en", files: [:], fileNames: [:], gaps: [], notes: [], hash: 0)
        }
        errors.add(contentsOf: SymbolicLinks.check(site: sourceFolder, entries: [Self.themeStringsFolder], walking: [Self.themeStringsFolder]))
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var files: [String: [String: String]] = [:]
        var fileNames: [String: String] = [:]
        var keyLines: [String: [String: Int]] = [:]
        var notes: [SiteError] = []
        var hashed: [UInt64] = []
        for name in names where !name.hasPrefix(".") {
            let display = "\(Self.themeStringsFolder)/\(name)"
            guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else {
                notes.append(SiteError(file: display, message: "not a theme strings file, so never read",
                                       fix: "name theme strings files after their language: i18n/en.yml, i18n/pt-BR.yml"))
                continue
            }
            let code = String(name.prefix { $0 != "." })
            guard languages.contains(code) else {
                notes.append(SiteError(file: display, message: "the site has no language `\(code)` (site.yml lists \(languages.joined(separator: ", "))), so these strings are not used",
                                       fix: "add `\(code)` to `languages:` in site.yml, or delete the file"))
                continue
            }
            if let other = fileNames[code] {
                errors.add(SiteError(file: display, message: "\(other) holds the strings of `\(code)` already",
                                     fix: "keep one file per language: merge the two and delete one"))
                continue
            }
            guard let text = readText(folder.appendingPathComponent(name), display: display, errors: &errors) else { continue }
            hashed.append(StableHash.keyOf(display + "\u{0}" + text))
            fileNames[code] = display
            let (strings, lines) = Self.decodeThemeStrings(text, file: display, bounds: limits.yaml, errors: &errors)
            files[code] = strings
            keyLines[code] = lines
        }
        Self.checkHoles(files: files, fileNames: fileNames, lines: keyLines, defaultLanguage: defaultLanguage, errors: &errors)
        let gaps = Self.gaps(files: files, fileNames: fileNames, languages: languages)
        return ThemeStrings(defaultLanguage: defaultLanguage, files: files, fileNames: fileNames, gaps: gaps, notes: notes,
                            hash: StableHash.combine(hashed))
    }

    /// A flat map of snake_case keys to text, with the line of each key.
    private static func decodeThemeStrings(_ text: String, file: String, bounds: YAMLBounds,
                                           errors: inout ErrorCollector) -> ([String: String], [String: Int]) {
        let document: YAMLDocument
        switch YAMLDocument.parse(text, file: file, resolvingTypes: false, bounds: bounds) {
        case .success(let parsed): document = parsed
        case .failure(let error):
            errors.add(error)
            return ([:], [:])
        }
        guard let root = document.root else { return ([:], [:]) }
        var fields = YAMLFields(file: file, lineOffset: 0, node: root)
        guard root.mapping != nil else {
            fields.problem(at: root, "theme strings must be a map of keys to text, found a \(YAMLFields.describe(root))",
                           fix: "write one `key: text` per line, e.g. `read_next: Read next`")
            errors.add(contentsOf: fields.errors)
            return ([:], [:])
        }
        var strings: [String: String] = [:]
        var lines: [String: Int] = [:]
        for (key, keyNode) in fields.keys {
            guard isThemeKey(key) else {
                fields.problem(at: keyNode, "`\(key)` is not a theme string key: keys are snake_case (lowercase letters, digits, `_`)",
                               fix: "rename it, e.g. `\(suggestedKey(key))`, and print it as {{i18n.\(suggestedKey(key))}}")
                continue
            }
            if let value = fields.value(key), value.scalar == nil {
                fields.problem(at: value, "`\(key)` must be text, found a \(YAMLFields.describe(value))",
                               fix: "write `\(key): some text` on one line; plural forms are keys of their own (`\(key)_one`, `\(key)_other`)")
                continue
            }
            guard fields.value(key) != nil else {
                fields.problem(at: keyNode, "`\(key)` has no text", fix: "write the text after the colon, or delete the line")
                continue
            }
            guard let string = fields.string(key) else { continue }
            strings[key] = string
            lines[key] = fields.position(of: keyNode).line
        }
        errors.add(contentsOf: fields.errors)
        return (strings, lines)
    }

    static func isThemeKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func suggestedKey(_ key: String) -> String {
        let words = key.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let joined = words.joined(separator: "_")
        return joined.first?.isLetter == true ? joined : "key_" + joined
    }

    /// The builder fills the holes of its own keys (`BuiltInStrings`), and templates of every
    /// language share one context: a string that names other holes than the builder's (or the
    /// default language's) would print `{minuts}` to readers.
    private static func checkHoles(files: [String: [String: String]], fileNames: [String: String], lines: [String: [String: Int]],
                                   defaultLanguage: String, errors: inout ErrorCollector) {
        for code in files.keys.sorted() {
            guard let strings = files[code], let file = fileNames[code] else { continue }
            for key in strings.keys.sorted() {
                let reference: (text: String, source: String)?
                if let builtIn = BuiltInStrings.english[key] {
                    reference = (builtIn, "the builder fills")
                } else if code != defaultLanguage, let original = files[defaultLanguage]?[key], let name = fileNames[defaultLanguage] {
                    reference = (original, "\(name) has")
                } else {
                    reference = nil
                }
                guard let reference, let text = strings[key] else { continue }
                let expected = Set(LanguageStrings.holes(in: reference.text)), found = Set(LanguageStrings.holes(in: text))
                guard expected != found else { continue }
                let list = { (names: Set<String>) in names.isEmpty ? "none" : names.sorted().map { "{\($0)}" }.joined(separator: ", ") }
                errors.add(SiteError(file: file, line: lines[code]?[key],
                                     message: "`\(key)` has the holes \(list(found)), but \(reference.source) \(list(expected))",
                                     fix: "use exactly the holes \(list(expected)) (in any order), spelled as there"))
            }
        }
    }

    /// Every key a configured language's file lacks that another file or the builder defines; a
    /// language other than the default without a file at all is one gap. A default language
    /// without a file is a one-language site as before theme strings: the builder's own words.
    private static func gaps(files: [String: [String: String]], fileNames: [String: String], languages: [String]) -> [SiteError] {
        let defined = ThemeStrings.definedKeys(in: files)
        var gaps: [SiteError] = []
        for (position, code) in languages.enumerated() {
            guard let strings = files[code], let file = fileNames[code] else {
                if position > 0 {
                    gaps.append(SiteError(file: "\(themeStringsFolder)/\(code).yml",
                                          message: "no theme strings for `\(code)`: its pages print the \(languages[0]) strings",
                                          fix: "copy i18n/\(languages[0]).yml to i18n/\(code).yml and translate every string"))
                }
                continue
            }
            for key in defined.subtracting(strings.keys).sorted() {
                let fallback = if position > 0, files[languages[0]]?[key] != nil { "the \(languages[0]) string is printed instead" }
                    else if BuiltInStrings.english[key] != nil { "the builder's English is printed instead" }
                    else { "nothing is printed" }
                gaps.append(SiteError(file: file, message: "no string for `\(key)` in `\(code)`: \(fallback)",
                                      fix: "add `\(key): …` to \(file)"))
            }
        }
        return gaps
    }
}
