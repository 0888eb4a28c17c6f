import Foundation

/// Words a reader could search for: each found in the body of exactly one guide, and no word
/// anywhere else in `content/` (titles, summaries, tags, other pages, data files) starts with
/// it, so a search for it (the script treats the last word as a prefix) has one right answer.
enum SearchWords {
    struct Probe: Equatable {
        let word: String
        /// Output path of the one page that has it, e.g. `pitfalls/no-training/index.html`.
        let page: String
    }

    /// One probe per guide page that has such a word (the first in reading order of at least
    /// `minimumLength` letters). `otherTexts` are the rest of `content/` (data files, the
    /// questionnaire) that pages may show.
    static func uniqueBodyWords(in guides: [GuideSource], otherTexts: [String], minimumLength: Int = 8) -> [Probe] {
        func words(_ text: String) -> [String] {
            text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= minimumLength }
        }
        let everythingPerFile = guides.map { guide in
            (guide.contentPath, Set(words(guide.frontMatter.values.map { "\($0)" }.joined(separator: " ") + " " + guide.body)))
        } + otherTexts.enumerated().map { ("other-\($0.offset)", Set(words($0.element))) }

        return guides.filter { !$0.isSectionIntro }.compactMap { guide in
            let elsewhere = everythingPerFile.filter { $0.0 != guide.contentPath }.flatMap(\.1)
            let readable = guide.prose.split(separator: "\n").map { GuideSource.plainLine(String($0)) }.joined(separator: " ")
            guard let word = words(readable).first(where: { word in !elsewhere.contains { $0.hasPrefix(word) } }) else { return nil }
            return Probe(word: word, page: guide.outputPath)
        }
    }

    /// The data files and questionnaire of a site copy, which pages render into their text.
    static func otherTexts(of site: TemporarySite) throws -> [String] {
        let content = site.url("content")
        let names = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("data").path).map { "data/\($0)" }
            + ["questionnaire.yml"]
        return try names.map { try String(contentsOf: content.appendingPathComponent($0), encoding: .utf8) }
    }
}
