import Foundation
/// The client-side search index, written as scripts rather than JSON so it loads from `file://`
/// too, where browsers refuse to fetch JSON. `search-index.js` (on every page, a few bytes) names
/// the parts; the search script loads the parts on the first search. Each page sits in the part
/// its URL hashes to, one page per line, so a one-page edit rewrites one part of a large site
/// instead of one file of tens of megabytes, and a page view never downloads the index unasked.
enum SearchIndex {
    struct Entry {
        var title: String
        var url: String
        var kindTitle: String
        var summary: String
        var headings: [String]
        var text: String
    }

    /// Enough body text to find a page by the words in it, without a huge index for big sites.
    static let maxTextCharacters = 6_000
    /// Pages per part, on average, before the number of parts doubles.
    static let pagesPerPart = 256
    static let entryPath = "search-index.js"
    static let partFolder = "search-index/"

    static func line(_ entry: Entry) -> String {
        let text = collapsedASCII(entry.text, limit: maxTextCharacters)
            ?? String(collapse(entry.text, atLeast: maxTextCharacters + 64).prefix(maxTextCharacters))
        return "{\"t\":\(JSONText.string(entry.title)),\"u\":\(JSONText.string(entry.url)),\"k\":\(JSONText.string(entry.kindTitle)),"
            + "\"s\":\(JSONText.string(entry.summary)),\"h\":\(JSONText.array(entry.headings.map(JSONText.string))),"
            + "\"x\":\(JSONText.string(text))}"
    }

    /// A power of two, so parts stay put while a site grows until it doubles.
    static func partCount(pages: Int) -> Int {
        var count = 1
        while count * pagesPerPart < pages { count *= 2 }
        return count
    }

    /// The part a page's line goes in: a stable hash of its URL, so adding or removing a page
    /// moves no other page.
    static func part(ofURL url: String, partCount: Int) -> Int {
        Int(StableHash.keyOf(url) % UInt64(partCount))
    }

    static func partPath(_ part: Int) -> String { partFolder + "\(part).js" }

    /// `search-index.js`: the list of parts, relative to the site root.
    static func entryScript(partCount: Int) -> String {
        let paths = (0..<partCount).map { JSONText.string(partPath($0)) }.joined(separator: ",")
        return "window.crossroadsSearchIndex={\"parts\":[\(paths)]};\n"
    }

    static func partPrefix(_ part: Int) -> String {
        "(window.crossroadsSearchParts=window.crossroadsSearchParts||[])[\(part)]=[\n"
    }

    static let partSuffix = "\n];\n"

    /// One part: its prefix, the lines joined by `,\n`, the suffix, appended once into one buffer.
    static func partData(_ part: Int, lines: [String]) -> Data {
        let prefix = partPrefix(part)
        var data = Data()
        data.reserveCapacity(lines.reduce(prefix.utf8.count + partSuffix.utf8.count) { $0 + $1.utf8.count + 2 })
        data.append(contentsOf: prefix.utf8)
        for (index, line) in lines.enumerated() {
            if index > 0 { data.append(contentsOf: ",\n".utf8) }
            data.append(contentsOf: line.utf8)
        }
        data.append(contentsOf: partSuffix.utf8)
        return data
    }

    /// The number of parts an entry script written by `entryScript` names, or nil.
    static func partCount(ofEntry script: String) -> Int? {
        guard script.hasPrefix("window.crossroadsSearchIndex={\"parts\":[") else { return nil }
        let count = script.split(separator: ",").count
        return script == entryScript(partCount: count) ? count : nil
    }

    /// The lines of a part written by `partData`, keyed by page URL. A title's JSON string cannot
    /// hold `,"u":"` (its quotes are escaped), so the first one starts the URL.
    static func lines(ofPart script: String, part: Int) -> [String: String] {
        let prefix = partPrefix(part)
        guard script.hasPrefix(prefix), script.hasSuffix(partSuffix) else { return [:] }
        var result: [String: String] = [:]
        let body = script.dropFirst(prefix.count).dropLast(partSuffix.count)
        // Split by bytes: splitting by Character took longer than the rest of a cached build.
        for bytes in body.utf8.split(separator: UInt8(ascii: "\n")) {
            let rawLine = Substring(bytes)
            let line = rawLine.hasSuffix(",") ? rawLine.dropLast() : rawLine
            guard let start = ByteSearch.range(of: ",\"u\":\"", in: line)?.upperBound,
                  let end = line[start...].firstIndex(of: "\"") else { continue }
            result[String(line[start..<end])] = String(line)
        }
        return result
    }

    /// `collapse` followed by `prefix(limit)` for text that is all ASCII, byte by byte (Character
    /// by Character was 15% of a 10,000-page build); nil for text with other characters, which
    /// takes the Character path. For ASCII, each byte is one Character, so both give the same text.
    static func collapsedASCII(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(min(bytes.count, limit) + 8)
            var count = 0
            var pendingSpace = false
            var pendingBreak = false
            var last: UInt8 = UInt8(ascii: " ")
            for byte in bytes {
                if byte >= 0x80 { return nil }
                switch byte {
                case 0x0A...0x0D:
                    pendingSpace = count > 0
                    pendingBreak = count > 0
                    continue
                case 0x09, 0x20:
                    pendingSpace = count > 0
                    continue
                default: break
                }
                if count >= limit { break }
                if pendingSpace {
                    let breaksBlock = pendingBreak && !Self.endsSentence(last)
                    if breaksBlock {
                        // " · ", Character by Character, as far as the limit allows.
                        out.append(UInt8(ascii: " "))
                        count += 1
                        if count < limit { out.append(contentsOf: [0xC2, 0xB7]); count += 1 }
                        if count < limit { out.append(UInt8(ascii: " ")); count += 1 }
                    } else {
                        out.append(UInt8(ascii: " "))
                        count += 1
                    }
                    pendingSpace = false
                    pendingBreak = false
                    if count >= limit { break }
                }
                out.append(byte)
                last = byte
                count += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func endsSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return true
        default: return false
        }
    }

    /// Runs of whitespace as one space, no leading or trailing whitespace; stops once `atLeast`
    /// characters are out, since only a prefix is kept (profiled: collapsing whole pages was 11% of a build).
    /// Folds whitespace to single spaces. A line break after a heading or list item that ends
    /// without punctuation becomes " · ", so snippets do not run one block into the next.
    static func collapse(_ text: String, atLeast limit: Int) -> String {
        var out = ""
        out.reserveCapacity(min(text.utf8.count, limit * 2))
        var count = 0
        var pendingSpace = false
        var pendingBreak = false
        var last: Character = " "
        for character in text {
            if character.isWhitespace {
                pendingSpace = count > 0
                if character.isNewline { pendingBreak = count > 0 }
                continue
            }
            if pendingSpace {
                let separator = pendingBreak && !".!?:;,·".contains(last) ? " · " : " "
                out.append(separator)
                count += separator.count
                pendingSpace = false
                pendingBreak = false
            }
            out.append(character)
            last = character
            count += 1
            if count >= limit { break }
        }
        return out
    }
}
