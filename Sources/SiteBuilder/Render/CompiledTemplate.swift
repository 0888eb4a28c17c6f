import Mustache

/// A theme template in the form `TemplateRenderer` walks. swift-mustache stays the parser (its
/// syntax, errors, standalone lines and indentation rules are the ones users read about); only the
/// renderer is ours, because swift-mustache's renderer tries several protocol casts for every
/// name at every level of the context stack, for every value of every page.
final class CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    init(nodes: [TemplateNode]) { self.nodes = nodes }

    /// Reads the tokens swift-mustache parsed. They are not public API, so they are read by
    /// reflection; a shape this code does not know returns nil, and the theme is then rendered by
    /// swift-mustache itself (slower, never different). `TemplateEngineTests` pins the shape.
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Reflected.child("tokens", of: template).flatMap(Reflected.elements) else { return nil }
        var nodes: [TemplateNode] = []
        nodes.reserveCapacity(tokens.count)
        for token in tokens {
            guard let node = node(from: token) else { return nil }
            if let node { nodes.append(node) }
        }
        return CompiledTemplate(nodes: nodes)
    }

    /// nil: the token is not understood; `.some(nil)`: it renders nothing.
    private static func node(from token: Any) -> TemplateNode?? {
        guard let (kind, payload) = Reflected.enumCase(token) else { return nil }
        switch kind {
        case "text":
            guard let text = payload as? String else { return nil }
            return .some(.text(text))
        case "variable", "unescapedVariable":
            guard let name = Reflected.string("name", of: payload),
                  let transforms = Reflected.child("transforms", of: payload) as? [String] else { return nil }
            return .some(.variable(TemplateName(name, transforms: transforms), escaped: kind == "variable"))
        case "section", "invertedSection":
            guard let name = Reflected.string("name", of: payload),
                  let transforms = Reflected.child("transforms", of: payload) as? [String],
                  let body = Reflected.child("template", of: payload).flatMap({ $0 as? MustacheTemplate }).flatMap(compile) else { return nil }
            return .some(.section(TemplateName(name, transforms: transforms), body: body, inverted: kind == "invertedSection"))
        case "blockExpansion":
            guard let name = Reflected.string("name", of: payload),
                  let fallback = Reflected.child("default", of: payload).flatMap({ $0 as? MustacheTemplate }).flatMap(compile),
                  let indentation = Reflected.child("indentation", of: payload) else { return nil }
            return .some(.blockExpansion(name: name, fallback: fallback, indentation: Reflected.optionalString(indentation)))
        case "partial", "dynamicNamePartial":
            guard let name = Reflected.string(".0", of: payload),
                  let indentation = Reflected.child("indentation", of: payload),
                  let inheritsField = Reflected.child("inherits", of: payload) else { return nil }
            var inherits: [String: CompiledTemplate]?
            if let overrides = inheritsField as? [String: MustacheTemplate] {
                var compiled: [String: CompiledTemplate] = [:]
                for (block, template) in overrides {
                    guard let body = compile(template) else { return nil }
                    compiled[block] = body
                }
                inherits = compiled
            }
            let partialName: PartialName = kind == "dynamicNamePartial" ? .lookedUp(TemplateName(name, transforms: [])) : .fixed(name)
            return .some(.partial(name: partialName, indentation: Reflected.optionalString(indentation), inherits: inherits))
        case "contentType":
            guard let escaping = TemplateEscaping(contentType: payload) else { return nil }
            return .some(.contentType(escaping))
        case "blockDefinition":
            // Only kept inside `{{<parent}}`, where the parser moves it into `inherits`.
            return .some(nil)
        default:
            return nil
        }
    }
}

enum TemplateNode: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool)
    case section(TemplateName, body: CompiledTemplate, inverted: Bool)
    case blockExpansion(name: String, fallback: CompiledTemplate, indentation: String?)
    case partial(name: PartialName, indentation: String?, inherits: [String: CompiledTemplate]?)
    case contentType(TemplateEscaping)
}

/// `{{>name}}`, or `{{>*name}}`: the partial named by the value of `name`.
enum PartialName: Sendable {
    case fixed(String)
    case lookedUp(TemplateName)
}

/// How printed values are escaped: `{{%CONTENT_TYPE:…}}`.
enum TemplateEscaping: Sendable {
    case html
    case text

    init?(contentType: Any) {
        if contentType is TemplateSet.FastHTMLContent.Escaper {
            self = .html
            return
        }
        // swift-mustache's own content types are internal; its HTML escaping gives the same bytes
        // as ours (a test compares them).
        switch String(describing: type(of: contentType)) {
        case "HTMLContentType": self = .html
        case "TextContentType": self = .text
        default: return nil
        }
    }
}

/// A name as written in a tag, split once when the template is compiled instead of on every use.
/// A class, so walking the nodes retains one object per name rather than each array in it.
final class TemplateName: Sendable {
    enum Start: Sendable {
        /// `{{.}}`: the innermost value.
        case current
        /// `{{index()}}` and the like: the position in the list being iterated.
        case listPosition
        /// `{{.a.b}}`: from the innermost value only.
        case innermost
        /// `{{a.b}}`: the first value on the stack that has `a`.
        case stack
    }

    /// An input of the page's context that a name starting there reads (see `ReadRecorder`); every
    /// other value in that context derives from what the output's key covers up front.
    enum Input: Sendable {
        case data
        case questionnaire
    }

    let start: Start
    let path: [String]
    /// In the order they apply (innermost first).
    let transforms: [String]
    /// Set when `path` starts with an input's name.
    let input: Input?

    init(_ name: String, transforms: [String]) {
        self.transforms = transforms.reversed()
        if name == "." {
            start = .current
            path = []
        } else if name.isEmpty, !transforms.isEmpty {
            start = .listPosition
            path = []
        } else {
            start = name.first == "." ? .innermost : .stack
            path = name.split(separator: ".").map(String.init)
        }
        input = switch path.first {
        case "data": .data
        case "questionnaire": .questionnaire
        default: nil
        }
    }

    /// Tells `recorder` what this name reads when the page's context answers it: one data file
    /// (`data.team...`), all of them (`data` itself), or the questionnaire.
    func recordRead(into recorder: ReadRecorder) {
        switch input {
        case .data: if path.count >= 2 { recorder.data(path[1]) } else { recorder.allDataFiles() }
        case .questionnaire: recorder.readQuestionnaire()
        case nil: break
        }
    }
}

/// Reads values out of swift-mustache's internal token types.
private enum Reflected {
    static func child(_ label: String, of value: Any) -> Any? {
        Mirror(reflecting: value).children.first { $0.label == label }?.value
    }

    static func string(_ label: String, of value: Any) -> String? {
        child(label, of: value) as? String
    }

    static func elements(_ value: Any) -> [Any]? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .collection else { return nil }
        return mirror.children.map(\.value)
    }

    static func enumCase(_ value: Any) -> (String, Any)? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .enum, let only = mirror.children.first, let label = only.label else { return nil }
        return (label, only.value)
    }

    /// The value of an `Optional<String>` field.
    static func optionalString(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value as? String }
        return mirror.children.first?.value as? String
    }
}
