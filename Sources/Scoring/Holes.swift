/// Fills `{name}` holes in one pass, so a value that looks like a hole stays as it is; a hole with
/// no value is left as written (validation refuses unknown holes in planner.yml).
public func fillHoles(_ template: String, _ values: [String: String]) -> String {
    var output = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
        output += rest[..<open]
        let afterOpen = rest.index(after: open)
        if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
            output += value
            rest = rest[rest.index(after: close)...]
        } else {
            output += "{"
            rest = rest[afterOpen...]
        }
    }
    return output + rest
}

/// The `{name}` holes a text uses, in order: by default names of letters only, as the page's
/// script reads them; theme strings also allow digits and `_` (`{month_number}`).
public func holeNames(in text: String, nameCharacter: (Character) -> Bool = { $0.isASCII && $0.isLetter }) -> [String] {
    var names: [String] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
        let afterOpen = rest.index(after: open)
        guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
        let name = rest[afterOpen..<close]
        if !name.isEmpty, name.allSatisfy(nameCharacter) { names.append(String(name)) }
        rest = rest[afterOpen...]
    }
    return names
}

/// Problems with another language's sentence templates (`words:` of a catalogue): every key of English, no other, each with
/// exactly English's holes (a hole left out would drop a number; an unknown one prints as typed).
func templateProblems(of templates: [String: String], path: String, reference: [String: String]) -> [(path: String, message: String)] {
    var problems: [(path: String, message: String)] = []
    for key in reference.keys.sorted() where templates[key] == nil {
        problems.append((path, "`\(key)` is missing; give every key (docs/writing-guides.md lists them with the English text)"))
    }
    for key in templates.keys.sorted() {
        guard let template = templates[key] else { continue }
        guard let english = reference[key] else {
            problems.append(("\(path).\(key)", "there is no word called `\(key)`; the keys are \(reference.keys.sorted().joined(separator: ", "))"))
            continue
        }
        let want = Set(holeNames(in: english)), have = Set(holeNames(in: template))
        if want != have {
            let holes = want.sorted().map { "{\($0)}" }.joined(separator: ", ")
            problems.append(("\(path).\(key)", "`\(key)` must use the holes \(holes.isEmpty ? "none" : holes) exactly, as the English \"\(english)\" does"))
        }
        if isBlank(template) && !isBlank(english) {
            problems.append(("\(path).\(key)", "`\(key)` is empty; write the words"))
        }
    }
    return problems
}
