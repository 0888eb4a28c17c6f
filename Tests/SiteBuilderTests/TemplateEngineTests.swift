import Foundation
import Mustache
@testable import SiteBuilder
import TestSupport
import XCTest

/// Our template renderer (`TemplateRenderer`, compiled from swift-mustache's parsed tokens) against
/// swift-mustache's own renderer: the same bytes for the default theme and site, for every tag kind
/// written by hand, and for seeded random templates. Also pins that swift-mustache's tokens can
/// still be read (`rendersCompiled`), since a shape we cannot read silently falls back to
/// swift-mustache and would make every comparison here vacuous.
final class TemplateEngineTests: XCTestCase {
    private var scratch: TemporaryFolder!

    override func setUpWithError() throws {
        scratch = try TemporaryFolder("template-engine")
    }

    override func tearDown() {
        scratch?.remove()
        scratch = nil
    }

    // MARK: 1. The default theme

    func testDefaultThemeCompilesEntirely() throws {
        let set = try TemplateSet.load(from: DefaultSite.root.appendingPathComponent("templates"))
        XCTAssertTrue(set.rendersCompiled, "swift-mustache's tokens of the default theme could not be read: every page falls back to swift-mustache")
        XCTAssertGreaterThan(set.names.count, 10)
        XCTAssertEqual(Set(set.compiled?.templates.keys.map { $0 } ?? []), set.names, "a template of the theme is missing from the compiled set")
    }

    // MARK: 2. The whole default site

    func testDefaultSiteIsByteIdenticalWithBothRenderers() throws {
        try assertDefaultSiteBuildsIdentically(baseURL: nil)
    }

    func testDefaultSiteWithBaseURLIsByteIdenticalWithBothRenderers() throws {
        try assertDefaultSiteBuildsIdentically(baseURL: "https://example.org/sub/")
    }

    private func assertDefaultSiteBuildsIdentically(baseURL: String?, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = scratch.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try DefaultSite.copy(into: source)
        let oursOutput = scratch.url.appendingPathComponent("ours")
        let theirsOutput = scratch.url.appendingPathComponent("swift-mustache")

        _ = try SiteBuild.build(BuildOptions(source: source, output: oursOutput, baseURL: baseURL))
        var options = BuildOptions(source: source, output: theirsOutput, baseURL: baseURL)
        options.rendersWithSwiftMustache = true
        _ = try SiteBuild.build(options)

        let ours = BuiltSite(folder: oursOutput).snapshot
        let theirs = BuiltSite(folder: theirsOutput).snapshot
        XCTAssertGreaterThan(ours.keys.filter { $0.hasSuffix(".html") }.count, 10, "the default site built almost nothing", file: file, line: line)
        XCTAssertEqual(ours.keys.sorted(), theirs.keys.sorted(), "the two renderers wrote different files", file: file, line: line)
        let differing = theirs.keys.sorted().filter { ours[$0] != theirs[$0] }
        XCTAssertEqual(differing, [], "files that differ between our renderer and swift-mustache", file: file, line: line)
        if let first = differing.first, let a = ours[first], let b = theirs[first] {
            let oursText = String(decoding: a, as: UTF8.self), theirsText = String(decoding: b, as: UTF8.self)
            let common = zip(oursText, theirsText).prefix { $0 == $1 }.count
            XCTFail("\(first) first differs at character \(common):\n ours:  \(oursText.dropFirst(max(0, common - 80)).prefix(240).debugDescription)\n"
                    + " swift-mustache: \(theirsText.dropFirst(max(0, common - 80)).prefix(240).debugDescription)", file: file, line: line)
        }
    }

    // MARK: 3. Every tag kind, by hand

    func testEveryTagKindRendersLikeSwiftMustache() throws {
        let context = Self.tableContext()
        var compared = 0
        for (index, example) in Self.table().enumerated() {
            try assertSameOutput(example, context: example.context ?? context, folder: "case-\(index)")
            compared += 1
        }
        XCTAssertGreaterThan(compared, 60)
    }

    /// A deliberate difference: a `{{%CONTENT_TYPE:HTML}}` pragma written in a template selects
    /// swift-mustache's own HTML escaping, which looks up each Character in a table, so `<` followed
    /// by a combining mark (U+0338, one Character) is printed unescaped. Ours escapes the same UTF-8
    /// bytes everywhere (`escapeHTML`, as the theme's own pragma does), so `<` is always `&lt;`.
    func testExplicitHTMLPragmaEscapesEveryAngleBracket() throws {
        let folder = scratch.url.appendingPathComponent("html-pragma")
        try write(["main": "{{%CONTENT_TYPE:HTML}}{{v}}|{{w}}"], into: folder)
        let set = try TemplateSet.load(from: folder)
        XCTAssertTrue(set.rendersCompiled)
        let context: TemplateValue = ["v": "<\u{0338}", "w": "&\u{301}'\u{FE0F}"]
        XCTAssertEqual(try set.render("main", context: context, forFile: "content/x.md", recorder: ReadRecorder()), "&lt;\u{0338}|&amp;\u{301}&#39;\u{FE0F}")
        XCTAssertEqual(try set.renderedBySwiftMustache().render("main", context: context, forFile: "content/x.md", recorder: ReadRecorder()), "<\u{0338}|&\u{301}'\u{FE0F}",
                       "swift-mustache's escaper changed: the difference documented here is gone")
    }

    /// Values a plain context could hold and a typed one cannot: code (a closure, a lambda) and a
    /// parsed template. See the note at the end of `table()`.
    func testValuesWithNoTypedFormAreRefused() throws {
        let values: [String: Any] = [
            "closure": { () -> String in "never" },
            "lambda": MustacheLambda { (text: String) -> Any? in "<lambda>" + text },
            "template": try MustacheTemplate(string: "{{s}}!"),
        ]
        for (name, value) in values {
            XCTAssertThrowsError(try TemplateValue.former(["s": "<s>", name: value]), name)
        }
    }

    /// Partials nest at most `TemplateRenderer.maxPartialDepth` deep: data that recurses one level
    /// more is an error naming the partial, where swift-mustache would go on until the stack ends.
    func testRecursivePartialDeeperThanTheLimitIsAnErrorNamingIt() throws {
        var tree: [String: Any] = ["name": "leaf"]
        for level in (0..<TemplateRenderer.maxPartialDepth).reversed() { tree = ["name": "n\(level)", "child": tree] }
        let folder = scratch.url.appendingPathComponent("deep-tree")
        try write(["main": "{{#tree}}{{>node}}{{/tree}}", "node": "{{name}}{{#.child}}({{>node}}){{/.child}}"], into: folder)
        let set = try TemplateSet.load(from: folder)
        XCTAssertTrue(set.rendersCompiled)
        XCTAssertThrowsError(try set.render("main", context: TemplateValue.former(["tree": tree]), forFile: "content/deep.md", recorder: ReadRecorder())) { error in
            XCTAssertEqual((error as? SiteError)?.file, "templates/node.mustache", "\(error)")
        }
    }

    // MARK: 4. Seeded random templates

    func testSeededRandomTemplatesRenderLikeSwiftMustache() throws {
        var compared = 0
        var refused = 0
        var mismatches = 0
        var nonEmpty = 0
        for seed in UInt64(1)...400 {
            var generator = TemplateGenerator(seed: seed)
            let templates = generator.templates()
            let context = try TemplateValue.former(generator.context())
            let folder = scratch.url.appendingPathComponent("random-\(seed)")
            try write(templates, into: folder)
            let set: TemplateSet
            do {
                set = try TemplateSet.load(from: folder)
            } catch {
                refused += 1
                continue
            }
            guard set.rendersCompiled else {
                XCTFail("seed \(seed): the tokens could not be read, so nothing would be compared\n\(Self.describe(templates))")
                continue
            }
            compared += 1
            let theirs = try set.renderedBySwiftMustache().render("main", context: context, forFile: "random", recorder: ReadRecorder())
            let ours: String
            do throws(TemplateRenderer.Failure) {
                ours = try set.compiled?.render("main", context: context, recorder: ReadRecorder()) ?? "<no main template>"
            } catch {
                XCTFail("seed \(seed): our renderer failed (\(error))\n\(Self.describe(templates))")
                continue
            }
            let throughSet = try set.render("main", context: context, forFile: "random", recorder: ReadRecorder())
            XCTAssertEqual(ours, throughSet, "seed \(seed): TemplateSet did not render with our renderer's output")
            if !ours.isEmpty { nonEmpty += 1 }
            if ours != theirs {
                mismatches += 1
                if mismatches <= 5 {
                    XCTFail("seed \(seed): the renderers differ\n\(Self.describe(templates))context: \(context)\n"
                            + "ours:           \(ours.debugDescription)\nswift-mustache: \(theirs.debugDescription)")
                }
            }
        }
        XCTAssertEqual(mismatches, 0, "random cases where the renderers differ")
        XCTAssertGreaterThanOrEqual(compared, 300, "too few random cases compared (\(refused) refused by the parser)")
        XCTAssertGreaterThan(nonEmpty, compared * 3 / 4, "most random templates should print something")
        print("TemplateEngineTests: \(compared) random cases compared (\(nonEmpty) printing something), \(refused) refused by swift-mustache's parser")
    }

    // MARK: 5. A partial that includes itself

    func testSelfIncludingPartialIsAnErrorNamingIt() throws {
        let folder = scratch.url.appendingPathComponent("loop")
        try write(["loop": "{{>loop}}", "page": "<p>{{title}}</p>\n{{>loop}}\n"], into: folder)
        let set = try TemplateSet.load(from: folder)
        // swift-mustache overflows the stack on this: only ever render it with ours.
        guard set.rendersCompiled else { return XCTFail("the templates were not compiled; swift-mustache would overflow the stack") }
        for name in ["loop", "page"] {
            XCTAssertThrowsError(try set.render(name, context: ["title": "T"] as TemplateValue, forFile: "content/index.md", recorder: ReadRecorder())) { error in
                guard let error = error as? SiteError else { return XCTFail("expected a SiteError, got \(type(of: error)): \(error)") }
                XCTAssertEqual(error.file, "templates/loop.mustache")
                XCTAssertTrue(error.description.contains("templates/loop.mustache"), error.description)
                XCTAssertTrue(error.description.contains("content/index.md"), error.description)
            }
        }
    }

    /// swift-mustache's parser stops the process on an empty section between one-character
    /// delimiters; the change is refused with the file and line before the parser sees it.
    func testOneCharacterOpeningDelimiterIsAnErrorWithItsLine() throws {
        let folder = scratch.url.appendingPathComponent("short-delimiters")
        try write(["page": "<p>{{title}}</p>\n{{=<% %>=}}\n<%title%>\n<%={{ }}=%>\n{{=[ ]=}}[#a][/a]\n"], into: folder)
        XCTAssertThrowsError(try TemplateSet.load(from: folder)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("templates/page.mustache:5"), text)
            XCTAssertTrue(text.contains("one-character"), text)
        }
        try write(["page": "{{=<% %>=}}<%#a%><%/a%>{{=[[ ]]=}}"], into: folder)
        XCTAssertNoThrow(try TemplateSet.load(from: folder), "two-character delimiters are fine")
    }

    // MARK: Helpers

    /// Why an example's output cannot be what its plain context printed before issue 16, when
    /// contexts were `[String: Any]` (its output is still compared with swift-mustache's on the
    /// same typed context).
    private enum FormerOutput {
        /// It prints a map whole: Swift's description of a dictionary, in an order that differs
        /// between two dictionaries of the same entries (the typed context is another one).
        case mapOrder
        /// swift-mustache printed a nil optional held in an `Any` as the text `nil` and repeated a
        /// section for it; a typed context leaves nil out, so it prints nothing and is false.
        case nilPrintedNil
        /// A typed list holds no nil: a nil or `NSNull` item is `""` there (as a YAML null in a
        /// data file is), and a section repeats for `""` where it did not for `NSNull`.
        case nullInList
        /// A value that prints text and is null in a section (`Nothing`): no typed value is both.
        case printedNull
        /// A boolean `NSNumber` printed `1`/`0` (Linux) and was a `Bool` in a section; a typed
        /// bool prints `true`/`false`.
        case foundationBool
        /// `sorted(list)` sorted a `[String]`; typed lists reach swift-mustache as `[Any]` (as
        /// data files' lists always did), which it cannot sort, and ours does as it does.
        case sortedStrings
    }

    /// A template set to render: `main` is rendered, the others are its partials and parents.
    private struct Example {
        let label: String
        let templates: [String: String]
        /// nil: the shared table context. Written as the plain Swift values contexts held before
        /// they were typed (issue 16); the renderer reads their typed form (`TemplateValue.former`).
        let context: [String: Any]?
        /// The typed context, where it is not the plain one's typed form.
        let typed: TemplateValue?
        /// Why ours is not compared with what the plain context printed before contexts were typed
        /// (`FormerOutput`); nil: ours prints exactly that.
        let formerDiffers: FormerOutput?

        init(_ label: String, _ templates: [String: String], context: [String: Any]? = nil, typed: TemplateValue? = nil,
             formerDiffers: FormerOutput? = nil) {
            self.label = label
            self.templates = templates
            self.context = context
            self.typed = typed
            self.formerDiffers = formerDiffers
        }
    }

    private func write(_ templates: [String: String], into folder: URL) throws {
        for (name, text) in templates {
            let file = folder.appendingPathComponent(name + ".mustache")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    private func assertSameOutput(_ example: Example, context plain: [String: Any], folder: String,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let context = try example.typed ?? TemplateValue.former(plain)
        let url = scratch.url.appendingPathComponent(folder)
        try write(example.templates, into: url)
        let set: TemplateSet
        do {
            set = try TemplateSet.load(from: url)
        } catch {
            return XCTFail("\(example.label): the templates do not load: \(error)\n\(Self.describe(example.templates))", file: file, line: line)
        }
        guard set.rendersCompiled else {
            return XCTFail("\(example.label): not compiled, so this compares swift-mustache with itself", file: file, line: line)
        }
        let theirs = try set.renderedBySwiftMustache().render("main", context: context, forFile: "test", recorder: ReadRecorder())
        let ours: String
        do {
            ours = try set.render("main", context: context, forFile: "test", recorder: ReadRecorder())
        } catch {
            return XCTFail("\(example.label): our renderer failed where swift-mustache gave \(theirs.debugDescription): \(error)", file: file, line: line)
        }
        XCTAssertEqual(ours.debugDescription, theirs.debugDescription,
                       "\(example.label): ours (first) differs from swift-mustache (second)\n\(Self.describe(example.templates))", file: file, line: line)
        // What the page printed before contexts were typed: swift-mustache (which our renderer
        // matched then) on the plain values.
        let former = set.library.render(plain, withTemplate: "main")
        if example.formerDiffers == nil {
            XCTAssertEqual(ours.debugDescription, former?.debugDescription,
                           "\(example.label): ours (first) differs from what the plain context printed before issue 16 (second)", file: file, line: line)
        }
        // The output above must be our renderer's own, not swift-mustache's taking over the page.
        do throws(TemplateRenderer.Failure) {
            let direct = try set.compiled?.render("main", context: context, recorder: ReadRecorder())
            XCTAssertEqual(direct, theirs, "\(example.label): our renderer alone", file: file, line: line)
        } catch {
            XCTFail("\(example.label): our renderer failed (\(error))", file: file, line: line)
        }
    }

    private static func describe(_ templates: [String: String]) -> String {
        templates.keys.sorted().map { "templates/\($0).mustache: \(templates[$0]!.debugDescription)\n" }.joined()
    }

    // MARK: The table

    /// Read by swift-mustache through `Mirror`; lowered to a map by its own code, as a context
    /// builder lowers its structs.
    private struct Person: LowersToTemplateValue {
        let name: String
        let nick: String?
        let age: Int

        var templateValue: TemplateValue? {
            var fields: [String: TemplateValue] = ["name": .string(name), "age": .int(age)]
            if let nick { fields["nick"] = .string(nick) }
            return .map(fields)
        }
    }

    private struct Price: MustacheCustomRenderable, LowersToTemplateValue {
        var renderText: String { "<5 €>" }
        var isNull: Bool { false }
        var templateValue: TemplateValue? { .string(renderText) }
    }

    /// Prints text but counts as null in a section: no typed value does both (see its example).
    private struct Nothing: MustacheCustomRenderable, LowersToTemplateValue {
        var renderText: String { "nothing & none" }
        var isNull: Bool { true }
        var templateValue: TemplateValue? { nil }
    }

    private struct Represented: MustacheCustomRepresentation, LowersToTemplateValue {
        let value: Any?
        var representation: Any? { value }
        var templateValue: TemplateValue? { try? value.flatMap { try TemplateValue.former(value: $0) } }
    }

    private static func tableContext() -> [String: Any] {
        let optionalNil: String? = nil
        let optionalSome: String? = "some <thing>"
        let optionalMap: [String: Any]? = ["name": "in optional map"]
        let optionalList: [[String: Any]]? = [["name": "first in optional list"], ["name": "second"]]
        let optionalBool: Bool? = false
        return [
            "s": "<b>\"Tom\" & 'Jerry'</b>",
            "u": "café é 😀 👩‍👩‍👧 naïve",
            "t": true,
            "f": false,
            "i": 42,
            "zero": 0,
            "neg": -7,
            "d": 3.25,
            "int64": Int64(5),
            "name": "top",
            "emptyString": "",
            "crlf": "line1\r\nline2",
            "html": "<p>raw</p>",
            "a": ["b": ["c": "a.b.c <value>"] as [String: Any]] as [String: Any],
            "m": ["a": "m.a", "b": ["c": "deep <c>", "name": "b's name"] as [String: Any], "flag": true] as [String: Any],
            "items": [
                ["name": "one", "n": 1, "flag": true],
                ["name": "two & <2>", "n": 2, "flag": false],
                ["name": "three", "n": 3, "tags": ["x", "y"]],
            ] as [[String: Any]],
            "none": [] as [[String: Any]],
            "mixed": ["x", 1, true, ["name": "in map"] as [String: Any], 2.5, ["nested", "list"], false, NSNull(), optionalNil as Any] as [Any],
            "strings": ["a", "b<", "c"],
            "emptyStrings": [] as [String],
            "emptyAny": [] as [Any],
            "emptyMap": [:] as [String: Any],
            "stringMap": ["k": "v & w"],
            "set": Set(["only"]),
            "optNil": optionalNil as Any,
            "optSome": optionalSome as Any,
            "optMap": optionalMap as Any,
            "optList": optionalList as Any,
            "optBool": optionalBool as Any,
            "null": NSNull(),
            "person": Person(name: "Ada <L>", nick: nil, age: 36),
            "price": Price(),
            "nothing": Nothing(),
            "represented": Represented(value: ["name": "represented name"] as [String: Any]),
            "representedNil": Represented(value: nil),
            "pname": "p",
            "parentName": "base",
            "missingPartialName": "nope",
        ]
    }

    private static func table() -> [Example] {
        var tree: [String: Any] = ["name": "leaf"]
        for level in (0..<20).reversed() { tree = ["name": "n\(level)", "child": tree] }
        // 100 nested partials: the most our renderer allows.
        var deepTree: [String: Any] = ["name": "leaf"]
        for level in (0..<TemplateRenderer.maxPartialDepth - 1).reversed() { deepTree = ["name": "n\(level)", "child": deepTree] }
        let small: [String: Any] = ["k": "v<"]
        return [
            // Variables of every type.
            Example("escaped and unescaped", ["main": "{{s}}|{{{s}}}|{{&s}}|{{ s }}|{{{ s }}}|{{& s }}"]),
            Example("non-ASCII", ["main": "{{u}} {{{u}}} {{uppercased(u)}}"]),
            Example("scalars", ["main": "{{t}} {{f}} {{i}} {{zero}} {{neg}} {{d}} {{int64}} {{{d}}}"]),
            Example("collections printed", ["main": "{{strings}}|{{emptyStrings}}|{{emptyAny}}|{{emptyMap}}|{{stringMap}}|{{set}}|{{mixed}}|{{none}}"], formerDiffers: .mapOrder),
            Example("maps printed", ["main": "{{a}}|{{{a.b}}}|{{items}}"], formerDiffers: .mapOrder),
            Example("dotted names", ["main": "{{a.b.c}} {{m.b.c}} {{m.a}} {{a.x.c}} {{missing}} {{missing.deep}} {{s.length}} {{a.b.c.d}}"]),
            Example("odd names", ["main": "[{{m.a.}}][{{#}}x{{k}}{{/}}][{{^}}y{{/}}][{{*k}}][{{k?}}][{{..}}][{{#..}}{{k}}{{/..}}]"], context: ["k": "v", "*k": "star", "k?": "question", "m": ["a": "m.a"]], formerDiffers: .mapOrder),
            Example("current value at top", ["main": "{{.}}|{{{.}}}|{{}}"], context: small),
            Example("optionals and null", ["main": "[{{optNil}}][{{{optNil}}}][{{optSome}}][{{optMap}}][{{optBool}}][{{null}}][{{{null}}}][{{optMap.name}}][{{optList.first}}]"], formerDiffers: .nilPrintedNil),
            Example("leading dot", ["main": "{{#m}}{{.a}}|{{.missing}}|{{.b.c}}|{{name}}|{{.name}}|{{b.name}}|{{.flag}}{{/m}}|{{.name}}|{{.a.b.c}}"]),
            Example("CRLF and empty values", ["main": "{{crlf}}|{{emptyString}}|{{{html}}}|{{html}}"]),
            Example("struct fields by mirror", ["main": "{{person.name}}|{{person.nick}}|{{person.age}}|{{#person}}{{name}} {{age}} {{nick}}{{^nick}}no nick{{/nick}}{{/person}}"]),
            Example("custom renderable", ["main": "{{price}}|{{{price}}}|{{#price}}P{{/price}}|{{^price}}!P{{/price}}|{{nothing}}|{{#nothing}}N{{/nothing}}|{{^nothing}}!N{{/nothing}}"], formerDiffers: .printedNull),
            Example("custom representation", ["main": "{{represented.name}}|{{#represented}}{{name}}{{/represented}}|{{representedNil}}|{{^representedNil}}nil{{/representedNil}}|{{#representedNil}}X{{/representedNil}}"]),

            // Sections and inverted sections over every type.
            Example("booleans", ["main": "{{#t}}T{{/t}}{{#f}}F{{/f}}{{^t}}!T{{/t}}{{^f}}!F{{/f}}{{#t}}{{.}}{{name}}{{/t}}"], formerDiffers: .mapOrder),
            Example("integers", ["main": "{{#i}}[{{.}}|{{name}}]{{/i}}{{#zero}}[{{.}}]{{/zero}}{{^i}}!i{{/i}}{{^zero}}!zero{{/zero}}{{#neg}}{{.}}{{/neg}}{{#int64}}{{.}}{{/int64}}{{^int64}}!{{/int64}}"]),
            Example("doubles", ["main": "{{#d}}{{.}}{{/d}}{{^d}}!d{{/d}}"]),
            Example("strings", ["main": "{{#s}}{{.}}|{{name}}|{{.name}}{{/s}}{{^s}}!s{{/s}}{{#emptyString}}[{{.}}]{{/emptyString}}{{^emptyString}}!empty{{/emptyString}}"]),
            Example("names inside scalars climb the stack", ["main": "{{#u}}{{name}} {{s.x}} {{.x}}{{/u}}{{#t}}{{name}}{{/t}}{{#i}}{{name}}{{.name}}{{/i}}{{#strings}}{{name}}{{.name}}{{/strings}}"]),
            Example("list of maps with positions", ["main": "{{#items}}{{name}}:{{n}}:{{s}}:{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{^first()}}^F{{/first()}},{{/items}}"]),
            Example("empty list of maps", ["main": "{{#none}}x{{/none}}{{^none}}empty {{.}} {{name}}{{/none}}"]),
            Example("mixed list", ["main": "{{#mixed}}<{{.}}|{{{.}}}|{{name}}|{{index()}}>{{/mixed}}"], formerDiffers: .nilPrintedNil),
            Example("sections over mixed elements", ["main": "{{#mixed}}{{#.}}[{{.}}]{{/.}}{{^.}}(empty {{index()}}){{/.}}{{/mixed}}"], formerDiffers: .nullInList),
            Example("list of strings", ["main": "{{#strings}}{{.}}{{^last()}}, {{/last()}}{{/strings}}|{{^strings}}none{{/strings}}"]),
            Example("empty lists", ["main": "{{^emptyStrings}}none:{{.}}{{/emptyStrings}}{{^emptyAny}}none:{{.}}{{/emptyAny}}{{#emptyStrings}}X{{/emptyStrings}}"]),
            Example("maps as sections", ["main": "{{#emptyMap}}in {{.}} {{name}}{{/emptyMap}}{{^emptyMap}}!{{/emptyMap}}{{#m}}{{a}}{{/m}}{{^m}}!m{{/m}}"]),
            Example("optional values", ["main": "{{#optNil}}[{{.}}]{{/optNil}}{{^optNil}}!nil{{/optNil}}{{#optSome}}[{{.}}]{{/optSome}}{{^optSome}}!some{{/optSome}}{{#optMap}}{{name}}{{/optMap}}{{#optList}}{{name}};{{index()}}{{/optList}}{{#optBool}}T{{/optBool}}{{^optBool}}!T{{/optBool}}"], formerDiffers: .nilPrintedNil),
            Example("null", ["main": "{{#null}}N{{/null}}{{^null}}!N{{/null}}{{#null.x}}x{{/null.x}}"]),
            Example("missing names", ["main": "{{#missing}}M{{/missing}}{{^missing}}!M{{/missing}}{{^a.missing}}!am{{/a.missing}}{{#a.b.missing}}{{/a.b.missing}}"]),
            Example("string maps and sets", ["main": "{{#stringMap}}{{k}}|{{.}}{{/stringMap}}{{#set}}{{.}}{{index()}}{{/set}}{{^set}}!{{/set}}"]),
            Example("stack climbing", ["main": "{{#items}}{{#m}}{{name}}-{{a}}-{{n}}-{{b.name}}{{/m}};{{/items}}"]),
            Example("nested dotted sections", ["main": "{{#a}}{{#b}}{{c}}{{/b}}{{/a}}{{#a.b}}{{c}}{{.c}}{{/a.b}}{{#a.b.c}}{{.}}{{/a.b.c}}"]),
            Example("list position outside lists", ["main": "[{{index()}}]{{#first()}}x{{/first()}}{{^first()}}y{{/first()}}{{#even()}}e{{/even()}}"]),
            Example("list position reset by values, kept by booleans", ["main": "{{#items}}({{#m}}{{index()}}{{/m}}|{{#t}}{{index()}}{{/t}}|{{#name}}{{index()}}{{/name}}|{{^f}}{{index()}}{{/f}}|{{^missing}}{{index()}}{{/missing}}){{/items}}"]),
            Example("nested lists", ["main": "{{#items}}{{#strings}}{{index()}}{{name}}{{.}};{{/strings}}{{#tags}}{{.}}{{index()}}{{/tags}}{{/items}}"]),
            Example("recursive partial that ends", ["main": "{{#tree}}{{>node}}{{/tree}}", "node": "{{name}}{{#.child}}\n  {{>node}}\n{{/.child}}"], context: ["tree": tree]),
            Example("recursive partial at the depth limit", ["main": "{{#tree}}{{>node}}{{/tree}}", "node": "{{name}}{{#.child}}({{>node}}){{/.child}}"], context: ["tree": deepTree]),
            Example("Foundation numbers", ["main": "{{nsTrue}} {{nsFalse}} {{nsInt}} {{#nsTrue}}T{{/nsTrue}}{{^nsFalse}}!F{{/nsFalse}}{{#nsInt}}[{{.}}]{{/nsInt}}{{^nsInt}}!{{/nsInt}}"],
                    context: ["nsTrue": NSNumber(value: true), "nsFalse": NSNumber(value: false), "nsInt": NSNumber(value: 3)],
                    typed: ["nsTrue": true, "nsFalse": false, "nsInt": 3], formerDiffers: .foundationBool),

            // Transforms.
            Example("string transforms", ["main": "{{uppercased(s)}}|{{lowercased(u)}}|{{capitalized(name)}}|{{reversed(u)}}|{{empty(emptyString)}}|{{empty(s)}}|{{#reversed(s)}}{{.}}{{/reversed(s)}}"]),
            Example("list transforms", ["main": "{{count(items)}} {{empty(none)}} {{#empty(none)}}E{{/empty(none)}} {{^empty(items)}}NE{{/empty(items)}} {{first(strings)}} {{last(strings)}} {{#reversed(strings)}}{{.}}{{index()}}{{/reversed(strings)}} {{#sorted(strings)}}{{.}}{{/sorted(strings)}} {{#first(items)}}{{name}}{{/first(items)}} {{first(none)}}"], formerDiffers: .sortedStrings),
            Example("integer transforms", ["main": "{{plusone(i)}} {{minusone(zero)}} {{#even(i)}}even{{/even(i)}} {{#odd(i)}}odd{{/odd(i)}} {{equalzero(zero)}} {{plusone(int64)}} {{plusone(plusone(i))}}"]),
            Example("enumerated map", ["main": "{{#enumerated(stringMap)}}{{key}}={{value}} {{index()}}{{/enumerated(stringMap)}}|{{#enumerated(emptyMap)}}x{{/enumerated(emptyMap)}}{{^enumerated(emptyMap)}}none{{/enumerated(emptyMap)}}"]),
            Example("map transforms", ["main": "{{empty(.)}} {{count(emptyMap)}} {{empty(emptyMap)}} {{#sorted(stringMap)}}{{key}}={{value}}{{/sorted(stringMap)}} {{count(m)}} {{#sorted(m)}}{{key}};{{/sorted(m)}}"]),
            Example("failing transforms", ["main": "[{{uppercased(missing)}}][{{unknown(s)}}][{{uppercased(i)}}][{{uppercased(reversed(s))}}][{{#unknown(items)}}x{{/unknown(items)}}][{{^unknown(items)}}y{{/unknown(items)}}][{{uppercased(null)}}]"]),
            Example("transforms in lists", ["main": "{{#items}}{{uppercased(name)}}{{plusone(index())}}{{#empty(tags)}}E{{/empty(tags)}}{{count(tags)}};{{/items}}{{#strings}}{{uppercased(.)}}{{/strings}}"]),

            // Partials.
            Example("inline partial", ["main": "a{{>p}}b{{> p }}c", "p": "[{{s}}]"]),
            Example("standalone partial, multi-line", ["main": "x\n  {{>p}}\ny\n", "p": "line1\n{{s}}\n\nline3 {{#t}}\nt\n{{/t}}\n"]),
            Example("standalone partial, CRLF", ["main": "x\r\n  {{>p}}\r\ny\r\n", "p": "one\r\ntwo\r\n{{#items}}\r\n{{name}}\r\n{{/items}}\r\nend"]),
            Example("nested indentation", ["main": "  {{>p}}\n", "p": "p1\n\t{{>q}}\np2\n", "q": "q1\nq2 {{i}}\n  {{#strings}}\n  - {{.}}\n  {{/strings}}\n"]),
            Example("partial in a list", ["main": "{{#items}}\n  {{>p}}\n{{/items}}\n", "p": "{{name}}\n{{index()}}\n"]),
            Example("partial in a list, not standalone", ["main": "{{#items}}<{{>p}}>{{/items}}", "p": "{{name}}{{index()}}{{#first()}}F{{/first()}}"]),
            Example("dynamic partials", ["main": "{{>*pname}}|{{>*missingPartialName}}|{{>*i}}|{{>*missing}}|{{>*optNil}}", "p": "P{{s}}"]),
            Example("other line ends in an indented partial", ["main": "a\r  {{>p}}\rb\u{2028}  {{>p}}\u{85}c\n  {{>p}}\n",
                                                                "p": "1\r2\u{2028}3\u{85}4\r\n5\n{{#t}}\r\n6\r{{/t}}\u{2028}7"]),
            Example("standalone partial on the last line", ["main": "a\n  {{>p}}", "p": "1\n2"]),
            Example("dynamic partial, standalone", ["main": "a\n  {{>*pname}}\nb", "p": "1\n2\n"]),
            Example("partial resets the text pragma", ["main": "{{%CONTENT_TYPE:TEXT}}{{s}}{{>p}}{{s}}", "p": "({{s}})"]),
            Example("partial lines that print nothing", ["main": "<ul>\n  {{>p}}\n</ul>\n", "p": "{{#none}}\n<li>x</li>\n{{/none}}\n{{#f}}\nf\n{{/f}}\n"]),

            // Inheritance.
            Example("parent with one override", ["main": "{{<base}}{{$title}}T {{s}}{{/title}}{{/base}}", "base": "<h>{{$title}}default{{/title}}</h>{{$body}}body {{i}}{{/body}}"]),
            Example("two levels", ["main": "{{<mid}}{{$a}}from main{{/a}}{{/mid}}",
                                   "mid": "{{<base}}{{$a}}from mid{{/a}}{{$b}}from mid b {{s}}{{/b}}{{/base}}",
                                   "base": "A={{$a}}base a{{/a}} B={{$b}}base b{{/b}} C={{$c}}base c{{/c}}"]),
            Example("two levels, standalone and indented", ["main": "before\n{{<mid}}\n{{$a}}\nmain a\n  {{s}}\n{{/a}}\n{{/mid}}\nafter\n",
                                                            "mid": "mid\n  {{<base}}\n  {{$b}}\n  mid b\n  {{/b}}\n  {{/base}}\n",
                                                            "base": "<div>\n  {{$a}}\n  default a\n  {{/a}}\n    {{$b}}\n    default b\n    {{/b}}\n</div>\n"]),
            Example("blocks inside a list of the parent", ["main": "{{<base}}{{$row}}<{{name}}|{{index()}}>{{/row}}{{/base}}",
                                                           "base": "{{#items}}{{$row}}{{name}}{{/row}};{{/items}}"]),
            Example("override reaches the parent's partials", ["main": "{{<base}}{{$x}}overridden {{s}}{{/x}}{{/base}}",
                                                                "base": "[{{>inner}}]", "inner": "{{$x}}inner default{{/x}}"]),
            Example("dynamic parent", ["main": "{{<*parentName}}{{$a}}dyn {{s}}{{/a}}{{/*parentName}}", "base": "{{$a}}A{{/a}}"]),
            Example("block expanded inside an override", ["main": "{{<base}}{{$a}}A[{{$b}}main's b default{{/b}}]{{/a}}{{/base}}",
                                                          "base": "{{$a}}{{/a}}|{{$b}}base b{{/b}}"]),
            Example("inline parent between text", ["main": "x {{<base}} {{$a}}y {{s}}{{/a}} {{/base}} z\n", "base": "<{{$a}}{{/a}}>\n"]),
            Example("blocks without a parent", ["main": "{{$a}}default a {{s}}{{/a}}\n  {{$b}}\n  b line\n  {{/b}}\n"]),
            Example("text pragma in an override", ["main": "{{<base}}{{$a}}{{%CONTENT_TYPE:TEXT}}{{s}}{{/a}}{{/base}}", "base": "{{s}}{{$a}}{{/a}}{{s}}"]),

            // Pragmas.
            Example("text pragma", ["main": "{{%CONTENT_TYPE:TEXT}}\n{{s}} {{{s}}} {{#items}}{{name}}{{/items}}"]),
            Example("switching pragmas", ["main": "{{s}}\n{{%CONTENT_TYPE:TEXT}}\n{{s}}\n{{%CONTENT_TYPE:HTML}}\n{{s}} {{u}}"]),
            Example("pragma inside a section", ["main": "{{#t}}{{%CONTENT_TYPE:TEXT}}{{s}}{{/t}}{{s}}{{#items}}{{#first()}}{{%CONTENT_TYPE:TEXT}}{{/first()}}{{name}}{{/items}}"]),
            Example("text pragma before a parent", ["main": "{{%CONTENT_TYPE:TEXT}}{{<base}}{{$a}}{{s}}{{/a}}{{/base}}{{s}}", "base": "{{s}}{{$a}}{{/a}}"]),

            // Set delimiters, comments, standalone lines.
            Example("set delimiters", ["main": "{{=<% %>=}}<% s %> <%&s%> <%#items%><%name%><%/items%> {{s}}\n<%={{ }}=%>{{s}}"]),
            Example("set delimiters, standalone", ["main": "a\n{{=|| ||=}}\n||s||\n  ||#t||\n  x\n  ||/t||\n||={{ }}=||\nb {{s}}"]),
            Example("set delimiters inside a section", ["main": "{{#t}}{{=[[ ]]=}}[[s]][[/t]]{{s}}", "p": ""]),
            Example("comments", ["main": "a{{! comment }}b\n  {{! standalone }}\nc\n{{!\nmulti\nline\n}}\nd {{!x}} e"]),
            Example("standalone lines", ["main": "begin\n  {{#t}}\n  inside\n  {{/t}}\nend\n{{#none}}\nx\n{{/none}}\n  {{^none}}  \n  empty\n  {{/none}}  \nlast"]),
            Example("standalone lines, CRLF and tabs", ["main": "a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc\n\t{{#t}}\t\nx\n\t{{/t}}\n| {{#t}} |\n{{/t}}"]),
            Example("not standalone", ["main": " {{#t}}x{{/t}} \n{{s}} {{#f}}\n{{/f}} y\n"]),
            Example("file ends without a newline after a standalone tag", ["main": "x\n{{#t}}\ny\n{{/t}}"]),

            // Before issue 16 the table also held a closure, a `MustacheLambda` and a parsed
            // `MustacheTemplate` as values ("closures and templates as values", "lambda",
            // "template as an escaped value"), which our renderer handed to swift-mustache. No
            // typed context holds one: `TemplateValue` has no case for code, since a context is
            // `Sendable` data made from the site's files, and the output keys depend on the reads
            // being the record of names (`ReadRecorder`) that code run by a lambda would escape.
            // `testValuesWithNoTypedFormAreRefused` keeps those values and shows they are refused.
        ]
    }
}

// MARK: Seeded random templates


/// Random templates `main`, `base`, `mid`, `p1` and `p2` (pulled in without cycles: main -> p1, p2,
/// base, mid; mid -> base; base -> p1, p2; p1 -> p2) and a random context for them.
private struct TemplateGenerator {
    var rng: SeededRandom
    private var open = "{{"
    private var close = "}}"

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    static let keys = ["a", "b", "c", "list", "flag", "n", "s"]
    static let strings = ["plain", "<b>&\"'</b>", "é", "😀 👩‍👩‍👧", "", "two\nlines", "p1", "tab\tx", "  "]
    static let texts = ["x", "yz", " ", "  ", "\n", "\n", "\n", "\t", "\r\n", "\r", " é ", "😀", "<&>\"'", "a\n  b", "\n  ", "  \n", "}"]
    static let names = ["a", "b", "c", "list", "flag", "n", "s", "a.b", "a.b.c", "list.a", "b.s", "a.flag",
                        ".", ".a", ".s", ".list", "missing", "a.missing", "s.x"]
    static let transformed = ["uppercased(s)", "lowercased(a.s)", "empty(list)", "count(list)", "first(list)", "last(list)",
                              "reversed(s)", "plusone(n)", "even(n)", "empty(.)", "count(.)", "index()", "first()", "last()",
                              "even()", "odd()", "plusone(index())", "capitalized(s)", "sorted(list)", "empty(s)", "reversed(list)"]

    // MARK: Context

    mutating func context() -> [String: Any] {
        var context = map(depth: 0)
        context["pname"] = rng.pick(["p1", "p2", "nope"])
        return context
    }

    private mutating func map(depth: Int) -> [String: Any] {
        var map: [String: Any] = [:]
        for key in Self.keys where depth == 0 || rng.chance(55) {
            map[key] = typedValue(for: key, depth: depth)
        }
        return map
    }

    /// Mostly the type a theme would give the name (so dotted names and sections reach deep),
    /// sometimes any value.
    private mutating func typedValue(for key: String, depth: Int) -> Any {
        guard depth < 3, rng.chance(65) else { return value(depth: depth) }
        switch key {
        case "list": return (0..<rng.below(4)).map { _ in map(depth: depth + 1) }
        case "a", "b": return map(depth: depth + 1)
        case "flag": return rng.chance(50)
        case "n": return rng.below(4)
        case "s": return rng.pick(Self.strings)
        default: return value(depth: depth)
        }
    }

    private mutating func value(depth: Int) -> Any {
        switch rng.below(depth < 2 ? 14 : 8) {
        case 0: return rng.pick(Self.strings)
        case 1: return rng.chance(50)
        case 2: return rng.below(5) - 1
        case 3: return rng.pick([2.5, -0.0, 1e20])
        case 4:
            let none: String? = nil
            return none as Any
        case 5: return NSNull()
        case 6: return (0..<rng.below(4)).map { _ in rng.pick(Self.strings) }
        case 7:
            let some: String? = rng.pick(Self.strings)
            return some as Any
        case 8, 9: return map(depth: depth + 1)
        case 10, 11: return (0..<rng.below(4)).map { _ in map(depth: depth + 1) }
        case 12: return (0..<rng.below(4)).map { _ in value(depth: depth + 1) }
        default: return [] as [[String: Any]]
        }
    }

    // MARK: Templates

    mutating func templates() -> [String: String] {
        var templates: [String: String] = [:]
        templates["p2"] = sequence(depth: 0, partials: [], blocks: [], dynamic: false)
        templates["p1"] = sequence(depth: 0, partials: ["p2"], blocks: ["b1"], dynamic: false)
        templates["base"] = sequence(depth: 0, partials: ["p1", "p2"], blocks: ["b1", "b2"], dynamic: true)
            + sequence(depth: 0, partials: ["p1"], blocks: ["b2"], dynamic: false)
        templates["mid"] = text() + inheritance(parent: "base") + text()
        if rng.chance(20) {
            // Set delimiters for the whole of main (swift-mustache has no `<%{name}%>`, so `&`). Two
            // characters each: swift-mustache's parser steps back two characters from a closing tag
            // and traps on an empty section between one-character delimiters (`[#a][/a]`).
            let pair = rng.pick([("<%", "%>"), ("[[", "]]"), ("{%", "%}")])
            open = pair.0
            close = pair.1
            templates["main"] = "{{=\(open) \(close)=}}" + rng.pick(["", "\n", "\n  "]) + mainBody()
            open = "{{"
            close = "}}"
        } else {
            templates["main"] = mainBody()
        }
        return templates
    }

    private mutating func mainBody() -> String {
        var body = sequence(depth: 0, partials: ["p1", "p2"], blocks: ["b1"], dynamic: true)
        if rng.chance(60) { body += inheritance(parent: rng.pick(["base", "mid"])) }
        return body + sequence(depth: 0, partials: ["p2"], blocks: [], dynamic: true)
    }

    private func tag(_ inside: String) -> String { open + inside + close }

    private mutating func newline() -> String { rng.chance(85) ? "\n" : "\r\n" }

    private mutating func indentation() -> String { rng.pick(["", " ", "  ", "\t", "    "]) }

    private mutating func text() -> String {
        (0..<rng.below(3) + 1).map { _ in rng.pick(Self.texts) }.joined()
    }

    /// `{{<parent}}` with overrides of some blocks. Overrides reach every partial the parent pulls
    /// in, so their bodies expand no blocks and pull in only `p2`, which expands none: otherwise
    /// `{{$b1}}` in p1 would expand an override that includes p1 again, without end.
    private mutating func inheritance(parent: String) -> String {
        let standalone = rng.chance(50)
        var result = standalone ? newline() + indentation() + tag("<" + parent) + newline() : tag("<" + parent)
        for block in ["b1", "b2"] where rng.chance(70) {
            let body = sequence(depth: 1, partials: ["p2"], blocks: [], dynamic: false)
            if rng.chance(50) {
                result += indentation() + tag("$" + block) + newline() + body + newline() + indentation() + tag("/" + block) + newline()
            } else {
                result += tag("$" + block) + body + tag("/" + block) + rng.pick(["", " ", "\n"])
            }
        }
        result += standalone ? indentation() + tag("/" + parent) + newline() : tag("/" + parent)
        return result
    }

    private mutating func sequence(depth: Int, partials: [String], blocks: [String], dynamic: Bool) -> String {
        var result = ""
        for _ in 0..<(rng.below(depth == 0 ? 7 : 4) + 1) {
            result += node(depth: depth, partials: partials, blocks: blocks, dynamic: dynamic)
        }
        return result
    }

    private mutating func variableName() -> String {
        rng.chance(25) ? rng.pick(Self.transformed) : rng.pick(Self.names)
    }

    private mutating func node(depth: Int, partials: [String], blocks: [String], dynamic: Bool) -> String {
        switch rng.below(16) {
        case 0...4:
            return text()
        case 5...7:
            let name = variableName()
            switch rng.below(5) {
            case 0 where open == "{{": return "{{{" + name + "}}}"
            case 1: return tag("&" + name)
            case 2: return tag(" " + name + " ")
            default: return tag(name)
            }
        case 8...10 where depth < 3:
            let name = rng.chance(30) ? rng.pick(Self.transformed) : rng.pick(["list", "a", "b", "flag", "list", "c", "s", "n", "a.b", "."])
            let kind = rng.chance(70) ? "#" : "^"
            let body = sequence(depth: depth + 1, partials: partials, blocks: blocks, dynamic: dynamic)
            if rng.chance(50) {
                let indent = indentation()
                return newline() + indent + tag(kind + name) + newline() + body + newline() + indent + tag("/" + name) + newline()
            }
            return tag(kind + name) + body + tag("/" + name)
        case 11 where !partials.isEmpty:
            let name = rng.pick(partials)
            let partial = rng.chance(20) ? tag("> " + name + " ") : tag(">" + name)
            return rng.chance(60) ? newline() + indentation() + partial + newline() : partial
        case 12 where dynamic:
            return rng.chance(50) ? newline() + indentation() + tag(">*pname") + newline() : tag(">*pname")
        case 13 where !blocks.isEmpty:
            let name = rng.pick(blocks)
            let body = sequence(depth: depth + 1, partials: partials, blocks: [], dynamic: dynamic)
            if rng.chance(50) {
                let indent = indentation()
                return newline() + indent + tag("$" + name) + newline() + body + newline() + indent + tag("/" + name) + newline()
            }
            return tag("$" + name) + body + tag("/" + name)
        case 14:
            let comment = tag("! a comment ")
            return rng.chance(50) ? newline() + indentation() + comment + newline() : comment
        case 15 where rng.chance(40):
            let pragma = tag("%CONTENT_TYPE:" + rng.pick(["TEXT", "HTML"]))
            return rng.chance(50) ? newline() + pragma + newline() : pragma
        default:
            return text()
        }
    }
}

/// A value of a plain context, lowered by its own type (a context's struct lowers itself, as the
/// builders in `Render/Contexts/` do).
private protocol LowersToTemplateValue {
    /// nil: the value is left out of its map.
    var templateValue: TemplateValue? { get }
}

extension TemplateValue {
    struct NoTypedForm: Error, CustomStringConvertible {
        var description: String
    }

    /// A context written as plain Swift values (what contexts were before issue 16) in the typed
    /// form the build gives the renderer now: strings, integers, booleans, lists and string-keyed
    /// maps as they are; a sized integer as `int`; a floating-point number as the text it printed
    /// (a number with a fraction reaches a template only as data-file text, printed as written);
    /// a set as a list; `nil` and `NSNull` left out of a map and `""` in a list (what a YAML null
    /// in a data file becomes); a struct as what it lowers itself to. Code has no typed form.
    static func former(_ context: [String: Any]) throws -> TemplateValue {
        try former(value: context) ?? .map([:])
    }

    fileprivate static func former(value: Any) throws -> TemplateValue? {
        if let lowering = value as? any LowersToTemplateValue { return lowering.templateValue }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return try former(value: wrapped)
        }
        switch value {
        case is NSNull: return nil
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .int(int)
        case let int as Int64: return .int(Int(int))
        case let double as Double: return .string(String(describing: double))
        case let set as Set<String>: return .list(set.map(TemplateValue.string))
        case let map as [String: Any]: return .map(try map.compactMapValues { try former(value: $0) })
        case let list as [Any]: return .list(try list.map { try former(value: $0) ?? "" })
        default: throw NoTypedForm(description: "a typed context holds no \(type(of: value))")
        }
    }
}
