import Foundation

/// Reads PDFs with Debian's poppler-utils (`pdfinfo`, `pdftotext`), which `make browser-deps` installs.
enum Poppler {
    struct Word {
        var page: Int
        var text: String
        /// The bottom of the word, as a share of the page's height (0 at the top, 1 at the bottom).
        var bottom: Double
    }

    static func pageCount(of pdf: URL) throws -> Int {
        let info = try run("pdfinfo", [pdf.path])
        guard let line = info.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let count = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) else {
            throw SupportError("pdfinfo printed no page count for \(pdf.path):\n\(info)")
        }
        return count
    }

    /// The text of one page (1-based), laid out as on paper: words on one printed line stay on one line.
    static func text(of pdf: URL, page: Int) throws -> String {
        try run("pdftotext", ["-layout", "-f", String(page), "-l", String(page), pdf.path, "-"])
    }

    /// Every word of one page with its position (`pdftotext -bbox`).
    static func words(of pdf: URL, page: Int) throws -> [Word] {
        let xhtml = try run("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf.path, "-"])
        guard let height = firstNumber(after: "<page width=\"", skippingTo: "height=\"", in: xhtml) else {
            throw SupportError("pdftotext -bbox printed no page size for \(pdf.path)")
        }
        return xhtml.components(separatedBy: "<word ").dropFirst().compactMap { entry in
            guard let yMax = firstNumber(after: "", skippingTo: "yMax=\"", in: entry),
                  let open = entry.firstIndex(of: ">"), let close = entry.range(of: "</word>") else { return nil }
            return Word(page: page, text: String(entry[entry.index(after: open)..<close.lowerBound]), bottom: yMax / height)
        }
    }

    private static func firstNumber(after start: String, skippingTo key: String, in text: String) -> Double? {
        guard let from = start.isEmpty ? text.startIndex : text.range(of: start)?.lowerBound,
              let keyRange = text.range(of: key, range: from..<text.endIndex) else { return nil }
        return Double(text[keyRange.upperBound...].prefix { $0 != "\"" })
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = ProcessRunner.which(tool) else {
            throw SupportError("\(tool) is missing: run `make browser-deps` (it installs Debian's poppler-utils)")
        }
        let result = try ProcessRunner.run(executable, arguments)
        guard result.exitCode == 0 else { throw SupportError("\(tool) \(arguments.joined(separator: " ")) failed: \(result.stderr)") }
        return result.stdout
    }
}
