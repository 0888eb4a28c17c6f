import Foundation

// The EmbedDefaultSite plugin's tool: `DefaultSiteEmbedder ROOT OUTPUT FILE...` writes OUTPUT, a
// Swift source holding each FILE (a path relative to ROOT) as base64 text. Base64 keeps any byte
// safe inside a string literal, and one long literal per file compiles fast, unlike byte arrays.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2, let rootPath = arguments.first, let outputPath = arguments.dropFirst().first else {
    FileHandle.standardError.write(Data("usage: DefaultSiteEmbedder ROOT OUTPUT FILE...\n".utf8))
    exit(64)
}

/// A file name as the inside of a Swift string literal: quotes, backslashes and control characters escaped.
func swiftLiteral(_ text: String) -> String {
    text.unicodeScalars.map { scalar in
        switch scalar {
        case "\\", "\"": "\\" + String(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0x7F: "\\u{\(String(scalar.value, radix: 16))}"
        default: String(scalar)
        }
    }.joined()
}

let root = URL(fileURLWithPath: rootPath, isDirectory: true)
var source = """
    // Generated at build time by the EmbedDefaultSite plugin from the repository's default site.
    // Never edit: change site.yml, content/, templates/ or i18n/ and build again.

    extension EmbeddedDefaultSite {
        static let files: [EmbeddedDefaultSite.File] = [

    """
for path in arguments.dropFirst(2) {
    let contents: Data
    do {
        contents = try Data(contentsOf: root.appendingPathComponent(path))
    } catch {
        FileHandle.standardError.write(Data("DefaultSiteEmbedder: cannot read \(root.appendingPathComponent(path).path): \(error)\n".utf8))
        exit(1)
    }
    source += "        .init(path: \"\(swiftLiteral(path))\", base64: \"\(contents.base64EncodedString())\"),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("DefaultSiteEmbedder: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
