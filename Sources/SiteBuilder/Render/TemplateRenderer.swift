import Blocks

/// Renders compiled templates by swift-mustache's rules, byte for byte (`TemplateEngineTests`
/// renders the default theme, every tag kind and seeded random templates both ways), over typed
/// contexts (`TemplateValue`): every value is matched by its case, never cast.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    enum Failure: Error {
        /// Partials nested past `maxPartialDepth`: a partial that pulls itself in.
        case partialsTooDeep(name: String)
    }

    /// Far deeper than any theme nests partials; a partial that includes itself reaches it at once
    /// instead of exhausting the thread's stack.
    static let maxPartialDepth = 100

    /// Renders `name`, telling `recorder` every template it looks up and every input it reads
    /// from the context (see `ReadRecorder`); the caller records `name` itself.
    func render(_ name: String, context: TemplateValue, recorder: ReadRecorder) throws(Failure) -> String? {
        guard let template = templates[name] else { return nil }
        var stack = [LookedUpValue.value(context)]
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

    private func render(_ template: CompiledTemplate, stack: inout [LookedUpValue], scope: Scope, into output: inout String) throws(Failure) {
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

    private func render(_ node: TemplateNode, stack: inout [LookedUpValue], scope: inout Scope, into output: inout String) throws(Failure) {
        switch node {
        case .text(let text):
            output += text

        case .variable(let name, let escaped):
            guard let value = lookUp(name, stack: stack, scope: scope) else { return }
            let text = value.printed
            output += escaped && scope.escaping == .html ? escapeHTML(text) : text

        case .section(let name, let body, let inverted):
            let value = lookUp(name, stack: stack, scope: scope)
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
                guard case .value(.string(let value))? = lookUp(lookup, stack: stack, scope: scope) else { return }
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

    private func renderSection(_ value: LookedUpValue?, body: CompiledTemplate, stack: inout [LookedUpValue], scope: Scope,
                               into output: inout String) throws(Failure) {
        guard let value else { return }
        if case .value(.bool(let bool)) = value {
            if bool { try render(body, stack: &stack, scope: scope, into: &output) }
        } else if let items = value.items {
            var inner = scope
            for (index, item) in items.enumerated() {
                inner.position = ListPosition(first: index == 0, last: index == items.count - 1, index: index)
                try render(body, pushing: item, stack: &stack, scope: inner, into: &output)
            }
        } else {
            try render(body, pushing: value, stack: &stack, scope: scope.forValue, into: &output)
        }
    }

    private func renderInverted(_ value: LookedUpValue?, body: CompiledTemplate, stack: inout [LookedUpValue], scope: Scope,
                                into output: inout String) throws(Failure) {
        guard let value else {
            try render(body, stack: &stack, scope: scope, into: &output)
            return
        }
        if case .value(.bool(let bool)) = value {
            if !bool { try render(body, stack: &stack, scope: scope, into: &output) }
        } else if let items = value.items, items.isEmpty {
            // swift-mustache renders an empty list's inverted section inside the list.
            try render(body, pushing: value, stack: &stack, scope: scope.forValue, into: &output)
        }
    }

    private func render(_ body: CompiledTemplate, pushing frame: LookedUpValue, stack: inout [LookedUpValue], scope: Scope, into output: inout String) throws(Failure) {
        stack.append(frame)
        defer { stack.removeLast() }
        try render(body, stack: &stack, scope: scope, into: &output)
    }

    // MARK: Looking up names

    private func lookUp(_ name: TemplateName, stack: [LookedUpValue], scope: Scope) -> LookedUpValue? {
        var found: LookedUpValue?
        switch name.start {
        case .current:
            // `{{.}}` on the whole context: anything in it may be read.
            if stack.count == 1 { Self.recordWholeContext(scope.recorder) }
            found = stack.last
        case .listPosition:
            found = scope.position.map(LookedUpValue.position)
        case .innermost:
            if stack.count == 1 { name.recordRead(into: scope.recorder) }
            found = stack.last.flatMap { Self.descend(name.path[...], from: $0) }
        case .stack:
            found = Self.findInStack(name, stack: stack, recorder: name.input == nil ? nil : scope.recorder)
        }
        for transform in name.transforms {
            found = found?.transformed(by: transform)
        }
        return found
    }

    /// The first value on the stack, innermost first, that has the name's first part, and the
    /// rest of the name inside it. A name that starts with an input (`data`, `questionnaire`) is
    /// recorded when the outermost frame, the page's context, answers it, or when nothing does
    /// (its absence was read: a questionnaire added later changes the output).
    private static func findInStack(_ name: TemplateName, stack: [LookedUpValue], recorder: ReadRecorder?) -> LookedUpValue? {
        let path = name.path
        guard let first = path.first else { return stack.last }
        var level = stack.count
        while level > 0 {
            level -= 1
            if let child = stack[level].child(named: first) {
                if level == 0, let recorder { name.recordRead(into: recorder) }
                return descend(path[1...], from: child)
            }
        }
        if let recorder { name.recordRead(into: recorder) }
        return nil
    }

    static func recordWholeContext(_ recorder: ReadRecorder) {
        recorder.allDataFiles()
        recorder.readQuestionnaire()
    }

    private static func descend(_ path: ArraySlice<String>, from value: LookedUpValue) -> LookedUpValue? {
        guard let name = path.first else { return value }
        guard let child = value.child(named: name) else { return nil }
        return descend(path.dropFirst(), from: child)
    }
}
