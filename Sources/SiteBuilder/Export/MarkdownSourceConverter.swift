import Foundation
import Markdown

/// Rewrites one page's Markdown (placeholders already expanded) into plain GFM: the fenced blocks
/// the site renders become tables, lists and chart images, and links to other pages point at the
/// exported `.md` files. Everything else is kept byte for byte, so no guide text is lost.
struct MarkdownSourceConverter {
    struct Problem: Error {
        /// Line in the text given to `convert`.
        var line: Int
        var message: String
    }

    struct Converted {
        var markdown: String
        /// Paths relative to the export root -> SVG text.
        var images: [String: String]
    }

    let blocks: [String: FencedBlockRenderer]
    /// Content paths (`pitfalls/x.md`, `pitfalls/_index.md`) -> exported files.
    let targets: [String: String]
    /// Site paths (`pitfalls/x/`) -> exported files, for links written `/pitfalls/x/`.
    let sitePaths: [String: String]
    let baseURL: String?

    func convert(_ text: String, exportedAs file: String) throws -> Converted {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var images: [String: String] = [:]
        var chartCount = 0
        var problems: [Problem] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let fence = Fence(opening: line) else {
                output.append(rewriteLinks(line, from: file))
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, !fence.isClosed(by: lines[end]) { end += 1 }
            let body = lines[(index + 1)..<min(end, lines.count)]
            guard let renderer = blocks[fence.info] else {
                output.append(contentsOf: lines[index..<min(end + 1, lines.count)])
                index = end + 1
                continue
            }
            let code = body.isEmpty ? "" : body.joined(separator: "\n") + "\n"
            let block = FencedBlock(info: fence.info, arguments: fence.arguments, code: code, line: index + 1)
            do {
                let html = try renderer(block)
                if fence.info == "chart" {
                    chartCount += 1
                    output.append(try chartMarkdown(html, file: file, number: chartCount, images: &images, line: index + 1))
                } else if fence.info == "ladder" {
                    output.append(BlockMarkdown.ladder(html).trimmingTrailingNewlines())
                } else if fence.info == "level-map" {
                    output.append(BlockMarkdown.levelMap(html).trimmingTrailingNewlines())
                } else {
                    output.append(BlockMarkdown.tables(in: html).map { BlockMarkdown.markdown($0) }.joined(separator: "\n").trimmingTrailingNewlines())
                }
            } catch let error as MarkdownError {
                problems.append(Problem(line: error.line, message: error.message))
            } catch let error as Problem {
                problems.append(error)
            } catch {
                problems.append(Problem(line: index + 1, message: "\(error)"))
            }
            index = end + 1
        }
        if let first = problems.first { throw first }
        return Converted(markdown: output.joined(separator: "\n"), images: images)
    }

    private func chartMarkdown(_ html: String, file: String, number: Int, images: inout [String: String], line: Int) throws -> String {
        guard let image = BlockMarkdown.chartImage(html) else {
            throw Problem(line: line, message: "chart: the rendered chart has no <svg> to export")
        }
        let folder = (file as NSString).deletingLastPathComponent
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let name = "images/\(stem)-chart-\(number).svg"
        images[folder.isEmpty ? name : folder + "/" + name] = image.svg
        let alt = image.title.replacingOccurrences(of: "[", with: "(").replacingOccurrences(of: "]", with: ")")
        var text = "![\(GFMText.escape(alt))](\(name))\n\n"
        if let table = BlockMarkdown.tables(in: html).first { text += BlockMarkdown.markdown(table, withCaption: false) }
        return text.trimmingTrailingNewlines()
    }

    // MARK: - Links

    /// Rewrites `](@/x.md#a)`, `](/x/)` and reference definitions `[x]: @/x.md` on one line.
    func rewriteLinks(_ line: String, from file: String) -> String {
        var line = line
        if let definition = Self.referenceDefinition(line) {
            let destination = String(line[definition])
            if let rewritten = rewrite(destination, from: file) { line.replaceSubrange(definition, with: rewritten) }
            return line
        }
        guard line.contains("](") else { return line }
        var output = ""
        var rest = line[...]
        while let open = rest.range(of: "](") {
            output += rest[..<open.upperBound]
            rest = rest[open.upperBound...]
            let end = rest.firstIndex { $0 == ")" || $0 == " " } ?? rest.endIndex
            let destination = String(rest[..<end])
            output += rewrite(destination, from: file) ?? destination
            rest = rest[end...]
        }
        return output + rest
    }

    /// The exported file's relative path for a page link, nil for links that are not to pages.
    func rewrite(_ destination: String, from file: String) -> String? {
        let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
        let path = String(destination.prefix { $0 != "#" })
        let target: String?
        let sitePath: String
        if path.hasPrefix("@/") {
            let contentPath = String(path.dropFirst(2).drop { $0 == "/" })
            target = targets[contentPath]
            sitePath = SiteLoader.sitePath(forContentPath: contentPath, slug: nil)
        } else if path.hasPrefix("/"), !path.hasPrefix("//") {
            sitePath = SitePath.normaliseFolder(path)
            target = sitePaths[sitePath]
        } else {
            return nil
        }
        if let target { return Self.relativePath(from: file, to: target) + fragment }
        // Not exported (tags, search): the published site is the only place it exists.
        return baseURL.map { $0 + sitePath + fragment }
    }

    /// `pitfalls/a.md` -> `comparisons/b.md` = `../comparisons/b.md`.
    static func relativePath(from file: String, to target: String) -> String {
        let fromFolders = file.split(separator: "/").dropLast()
        var targetParts = target.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < targetParts.count - 1, fromFolders[common] == targetParts[common] { common += 1 }
        targetParts.removeFirst(common)
        return String(repeating: "../", count: fromFolders.count - common) + targetParts.joined(separator: "/")
    }

    /// The destination's range in a line such as `[name]: @/x.md "title"`.
    private static func referenceDefinition(_ line: String) -> Range<String.Index>? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, trimmed.hasPrefix("["), let close = trimmed.range(of: "]:") else { return nil }
        let afterColon = trimmed[close.upperBound...].drop { $0 == " " }
        guard let first = afterColon.first, first == "@" || first == "/" else { return nil }
        let end = afterColon.firstIndex(of: " ") ?? afterColon.endIndex
        return afterColon.startIndex..<end
    }
}

/// An opening code fence (``` or ~~~, up to three spaces of indent) and what closes it.
struct Fence {
    var marker: Character
    var length: Int
    var info: String
    var arguments: String

    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let run = rest.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        let infoText = rest.dropFirst(run).trimmingCharacters(in: .whitespaces)
        if first == "`", infoText.contains("`") { return nil }
        marker = first
        length = run
        let words = infoText.split(separator: " ", maxSplits: 1)
        info = words.first.map(String.init) ?? ""
        arguments = words.count > 1 ? String(words[1]) : ""
    }

    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == marker }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
