import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An S3 response body read into a small element tree with Foundation's `XMLParser` (libxml2
/// underneath), so the readers below ask for `Contents/Key` rather than follow parser events.
struct S3XMLElement: Sendable {
    var name: String
    var text: String = ""
    var children: [S3XMLElement] = []

    /// The children of this name, namespaces ignored (S3 puts its answers in its own namespace).
    func all(_ childName: String) -> [S3XMLElement] { children.filter { $0.name == childName } }
    func first(_ childName: String) -> S3XMLElement? { children.first { $0.name == childName } }
    func text(_ childName: String) -> String? { first(childName)?.text }

    static func parse(_ data: Data) -> S3XMLElement? {
        let reader = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), let root = reader.root else { return nil }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        private var open: [S3XMLElement] = []
        var root: S3XMLElement?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(S3XMLElement(name: elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !open.isEmpty else { return }
            open[open.count - 1].text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard let done = open.popLast() else { return }
            if open.isEmpty { root = done } else { open[open.count - 1].children.append(done) }
        }
    }
}

/// Text as XML element content.
func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        default: escaped.append(character)
        }
    }
    return escaped
}
