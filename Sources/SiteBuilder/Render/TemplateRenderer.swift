import Blocks
import Mustache

/// Renders compiled templates by swift-mustache's rules, byte for byte (`TemplateEngineTests`
/// renders the default theme, every tag kind and seeded random templates both ways). The values
/// the site builder puts in contexts (strings, booleans, integers, `[String: Any]` and
/// `[[String: Any]]`) are recognised by their exact type, with no protocol cast; any other value
/// takes the same casts, in the same order, as swift-mustache.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    enum Failure: Error {
        /// A value only swift-mustache can render (a lambda, a template): render the page with it.
        case needsLibrary
        /// Partials nested past `maxPartialDepth`: a partial that pulls itself in.
        case partialsTooDeep(name: String)
    }

    /// Far deeper than any theme nests partials; a partial that includes itself reaches it at once
    /// instead of exhausting the thread's stack.
    static let maxPartialDepth = 100

    /// Renders `name`, telling `recorder` every template it looks up and every input it reads
    /// from the context (see `ReadRecorder`); the caller records `name` itself.
    func render(_ name: String, context: Any, recorder: ReadRecorder) throws(Failure) -> String? {
        guard let template = templates[name] else { return nil }
        var stack = [Frame(context)]
        var output = ""
        try render(template, stack: &stack, scope: Scope(recorder: recorder), into: &output)
        return output
    }

    /// What swift-mustache keeps in its context besides the stack, and the recorder.
    private struct Scope {
        /// Unowned: the caller holds it for the whole render, and scopes are copied for every
        /// section, list item and partial (a retain and release each).
        unowned(unsafe) let recorder: ReadRecorder
        var position: ListPosition?
        var indentation: String?
        var inherited: [String: CompiledTemplate]?
        var escaping = TemplateEscaping.html
        var partialDepth = 0

        /// The scope inside `{{#value}}` for one value (not a list item).
        var forValue: Scope {
            var scope = self
            scope.position = nil
            return scope
        }

        func indented(by indentation: String?) -> String? {
            guard let indentation else { return self.indentation }
            return (self.indentation ?? "") + indentation
        }
    }

    private func render(_ template: CompiledTemplate, stack: inout [Frame], scope: Scope, into output: inout String) throws(Failure) {
        var scope = scope
        if let indentation = scope.indentation, !indentation.isEmpty {
            // Each printed piece that starts a line of this template's own text is indented.
            var text = ""
            for node in template.nodes {
                var piece = ""
                try render(node, stack: &stack, scope: &scope, into: &piece)
                if !piece.isEmpty, text.last == "\n" { text += indentation }
                text += piece
            }
            output += text
        } else {
            for node in template.nodes {
                try render(node, stack: &stack, scope: &scope, into: &output)
            }
        }
    }

    private func render(_ node: TemplateNode, stack: inout [Frame], scope: inout Scope, into output: inout String) throws(Failure) {
        switch node {
        case .text(let text):
            output += text

        case .variable(let name, let escaped):
            guard let value = try lookUp(name, stack: stack, scope: scope) else { return }
            let text: String
            switch value {
            case .string(let string): text = string
            case .bool(let bool): text = bool ? "true" : "false"
            case .int(let int): text = String(int)
            case .map, .maps, .other:
                let any = value.any
                if escaped, any is MustacheTemplate { throw .needsLibrary }
                if let renderable = any as? MustacheCustomRenderable {
                    text = renderable.renderText
                } else if any is MustacheLambda {
                    throw .needsLibrary
                } else {
                    text = String(describing: Self.unwrappingOptional(any))
                }
            }
            output += escaped && scope.escaping == .html ? escapeHTML(text) : text

        case .section(let name, let body, let inverted):
            let value = try lookUp(name, stack: stack, scope: scope)
            if inverted {
                try renderInverted(value, body: body, stack: &stack, scope: scope, into: &output)
            } else {
                try renderSection(value, body: body, stack: &stack, scope: scope, into: &output)
            }

        case .blockExpansion(let name, let fallback, let indentation):
            var inner = scope.forValue
            inner.indentation = scope.indented(by: indentation)
            try render(scope.inherited?[name] ?? fallback, stack: &stack, scope: inner, into: &output)

        case .partial(let name, let indentation, let inherits):
            let partialName: String
            switch name {
            case .fixed(let fixed): partialName = fixed
            case .lookedUp(let lookup):
                guard let value = try lookUp(lookup, stack: stack, scope: scope)?.any as? String else { return }
                partialName = value
            }
            // Found or not: a partial added later changes what this output prints.
            scope.recorder.template(partialName)
            guard let template = templates[partialName] else { return }
            guard scope.partialDepth < Self.maxPartialDepth else { throw .partialsTooDeep(name: partialName) }
            var inner = scope.forValue
            inner.indentation = scope.indented(by: indentation)
            if let inherits {
                // Blocks given further out win over those given here.
                inner.inherited = scope.inherited.map { $0.merging(inherits) { outer, _ in outer } } ?? inherits
            }
            inner.escaping = .html
            inner.partialDepth += 1
            try render(template, stack: &stack, scope: inner, into: &output)

        case .contentType(let escaping):
            scope.escaping = escaping
        }
    }

    private func renderSection(_ value: Value?, body: CompiledTemplate, stack: inout [Frame], scope: Scope, into output: inout String) throws(Failure) {
        guard let value else { return }
        switch value {
        case .bool(let bool):
            if bool { try render(body, stack: &stack, scope: scope, into: &output) }
        case .maps(let maps):
            try renderList(count: maps.count, body: body, stack: &stack, scope: scope, into: &output) { .map(maps[$0]) }
        case .string, .int, .map:
            try render(body, pushing: Frame(value: value), stack: &stack, scope: scope.forValue, into: &output)
        case .other(let any):
            if any is MustacheLambda { throw .needsLibrary }
            if let sequence = any as? any MustacheSequence {
                let items = Self.elements(of: sequence)
                try renderList(count: items.count, body: body, stack: &stack, scope: scope, into: &output) { Frame(items[$0]) }
            } else if let bool = any as? Bool {
                if bool { try render(body, stack: &stack, scope: scope, into: &output) }
            } else if let renderable = any as? MustacheCustomRenderable, renderable.isNull {
                return
            } else {
                try render(body, pushing: Frame(any), stack: &stack, scope: scope.forValue, into: &output)
            }
        }
    }

    private func renderInverted(_ value: Value?, body: CompiledTemplate, stack: inout [Frame], scope: Scope, into output: inout String) throws(Failure) {
        guard let value else {
            try render(body, stack: &stack, scope: scope, into: &output)
            return
        }
        switch value {
        case .bool(let bool):
            if !bool { try render(body, stack: &stack, scope: scope, into: &output) }
        case .maps(let maps):
            if maps.isEmpty { try render(body, pushing: .other(maps), stack: &stack, scope: scope.forValue, into: &output) }
        case .string, .int, .map:
            return
        case .other(let any):
            if let sequence = any as? any MustacheSequence {
                if Self.isEmpty(sequence) {
                    try render(body, pushing: Frame(sequence), stack: &stack, scope: scope.forValue, into: &output)
                }
            } else if let bool = any as? Bool {
                if !bool { try render(body, stack: &stack, scope: scope, into: &output) }
            } else if let renderable = any as? MustacheCustomRenderable, renderable.isNull {
                try render(body, stack: &stack, scope: scope, into: &output)
            }
        }
    }

    private func renderList(count: Int, body: CompiledTemplate, stack: inout [Frame], scope: Scope, into output: inout String,
                            item: (Int) -> Frame) throws(Failure) {
        var inner = scope
        for index in 0..<count {
            inner.position = ListPosition(first: index == 0, last: index == count - 1, index: index)
            try render(body, pushing: item(index), stack: &stack, scope: inner, into: &output)
        }
    }

    private func render(_ body: CompiledTemplate, pushing frame: Frame, stack: inout [Frame], scope: Scope, into output: inout String) throws(Failure) {
        stack.append(frame)
        defer { stack.removeLast() }
        try render(body, stack: &stack, scope: scope, into: &output)
    }

    // MARK: Looking up names

    private func lookUp(_ name: TemplateName, stack: [Frame], scope: Scope) throws(Failure) -> Value? {
        let found: Any?
        switch name.start {
        case .current:
            // `{{.}}` on the whole context: anything in it may be read.
            if stack.count == 1 { Self.recordWholeContext(scope.recorder) }
            found = stack.last?.any
        case .listPosition: found = scope.position
        case .innermost:
            if stack.count == 1 { name.recordRead(into: scope.recorder) }
            found = try stack.last.flatMap { frame throws(Failure) in try Self.descend(name.path[...], from: frame.any) }
        case .stack:
            found = name.input == nil ? try Self.findInStack(name.path, stack: stack)
                : try Self.findInStack(name, stack: stack, recorder: scope.recorder)
        }
        guard let found else { return nil }
        var value = Value(found)
        if case .other(let any) = value, let custom = any as? MustacheCustomRepresentation {
            guard let representation = custom.representation else { return nil }
            value = Value(representation)
        }
        for transform in name.transforms {
            guard let transformed = value.transformed(by: transform) else { return nil }
            value = Value(transformed)
        }
        return value
    }

    /// `findInStack` for a name that starts with an input (`data`, `questionnaire`): recorded when
    /// the outermost frame, the page's context, answers it, or when nothing does (its absence from
    /// the context was read: a questionnaire added later changes the output).
    private static func findInStack(_ name: TemplateName, stack: [Frame], recorder: ReadRecorder) throws(Failure) -> Any? {
        let path = name.path
        guard let first = path.first else { return stack.last?.any }
        var level = stack.count
        while level > 0 {
            level -= 1
            if let child = stack[level].child(named: first) {
                if level == 0 { name.recordRead(into: recorder) }
                return try descend(path[1...], from: child)
            }
        }
        name.recordRead(into: recorder)
        return nil
    }

    static func recordWholeContext(_ recorder: ReadRecorder) {
        recorder.allDataFiles()
        recorder.readQuestionnaire()
    }

    private static func findInStack(_ path: [String], stack: [Frame]) throws(Failure) -> Any? {
        guard let first = path.first else { return stack.last?.any }
        var level = stack.count
        while level > 0 {
            level -= 1
            if let child = stack[level].child(named: first) { return try descend(path[1...], from: child) }
        }
        return nil
    }

    private static func descend(_ path: ArraySlice<String>, from object: Any) throws(Failure) -> Any? {
        guard let name = path.first else { return object }
        let frame = Frame(object)
        // swift-mustache calls a lambda to look inside it (not on the stack itself).
        if case .other = frame, object is MustacheLambda { throw .needsLibrary }
        guard let child = frame.child(named: name) else { return nil }
        return try descend(path.dropFirst(), from: child)
    }

    /// swift-mustache's lookup for values that are not a plain `[String: Any]`.
    fileprivate static func childByProtocols(named name: String, of object: Any) -> Any? {
        let represented: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        if let parent = represented as? MustacheParent {
            return parent.child(named: name)
        }
        guard let represented else { return nil }
        guard let match = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: match.value)
        guard mirror.displayStyle == .optional else { return match.value }
        return mirror.children.first?.value
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] {
        sequence.map { $0 as Any }
    }

    private static func isEmpty<S: Sequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    private static func unwrappingOptional(_ value: Any) -> Any {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrappedAny ?? value
    }
}

/// `{{first()}}`, `{{last()}}`, `{{index()}}`, `{{even()}}`, `{{odd()}}` inside a list.
struct ListPosition: MustacheTransformable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": first
        case "last": last
        case "index": index
        case "even": index & 1 == 0
        case "odd": index & 1 == 1
        default: nil
        }
    }
}

/// A value on the context stack: a plain `[String: Any]` is looked up without casts, and a
/// string, boolean or integer has no names in it (swift-mustache finds none: they are not
/// `MustacheParent` and their mirrors have no children; `TemplateEngineTests` checks it).
private enum Frame {
    case map([String: Any])
    case scalar(Any)
    case other(Any)

    init(_ value: Any) {
        let type = type(of: value)
        // Exactly a `[String: Any]`: another dictionary type, or an optional one, is reached
        // through swift-mustache's protocols.
        if type == [String: Any].self, let map = value as? [String: Any] {
            self = .map(map)
        } else if type == String.self || type == Bool.self || type == Int.self {
            self = .scalar(value)
        } else {
            self = .other(value)
        }
    }

    /// The value `name` holds here, as swift-mustache finds it.
    func child(named name: String) -> Any? {
        switch self {
        case .map(let map): map[name]
        case .scalar: nil
        case .other(let any): TemplateRenderer.childByProtocols(named: name, of: any)
        }
    }

    init(value: Value) {
        switch value {
        case .map(let map): self = .map(map)
        case .string, .bool, .int: self = .scalar(value.any)
        case .maps, .other: self = .other(value.any)
        }
    }

    var any: Any {
        switch self {
        case .map(let map): map
        case .scalar(let any), .other(let any): any
        }
    }
}

/// A looked-up value, sorted by its exact type once.
private enum Value {
    case string(String)
    case bool(Bool)
    case int(Int)
    case map([String: Any])
    case maps([[String: Any]])
    case other(Any)

    init(_ any: Any) {
        let type = type(of: any)
        if type == String.self, let string = any as? String {
            self = .string(string)
        } else if type == [String: Any].self, let map = any as? [String: Any] {
            self = .map(map)
        } else if type == [[String: Any]].self, let maps = any as? [[String: Any]] {
            self = .maps(maps)
        } else if type == Bool.self, let bool = any as? Bool {
            self = .bool(bool)
        } else if type == Int.self, let int = any as? Int {
            self = .int(int)
        } else {
            self = .other(any)
        }
    }

    /// swift-mustache's transform of the value (`empty(.)`, `first(list)`), called on the known
    /// types directly: they are the `MustacheTransformable` conformances swift-mustache declares
    /// (a Bool has none), so only other values need the protocol cast.
    func transformed(by name: String) -> Any? {
        switch self {
        case .string(let string): string.transform(name)
        case .int(let int): int.transform(name)
        case .map(let map): map.transform(name)
        case .maps(let maps): maps.transform(name)
        case .bool: nil
        case .other(let any): (any as? MustacheTransformable)?.transform(name)
        }
    }

    var any: Any {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool
        case .int(let int): int
        case .map(let map): map
        case .maps(let maps): maps
        case .other(let any): any
        }
    }
}

private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self }
}
