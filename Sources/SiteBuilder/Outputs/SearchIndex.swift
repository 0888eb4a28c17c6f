import ByteText
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
        let text = searchText(entry.text, limit: maxTextCharacters)
        let beyond = wordsBeyond(entry.text, shown: text)
        return "{\"t\":\(JSONText.string(entry.title)),\"u\":\(JSONText.string(entry.url)),\"k\":\(JSONText.string(entry.kindTitle)),"
            + "\"s\":\(JSONText.string(entry.summary)),\"h\":\(JSONText.array(entry.headings.map(JSONText.string))),"
            + "\"x\":\(JSONText.string(text))" + (beyond.isEmpty ? "}" : ",\"w\":\(JSONText.string(beyond))}")
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

    /// A part of the index of the language whose home is `home` (`""`, or `de/`: each language has
    /// its own index, so a search finds the pages of the reader's language only).
    static func partPath(_ part: Int, home: String = "") -> String { home + partFolder + "\(part).js" }

    /// The entry script of the language whose home is `home`.
    static func entryPath(home: String) -> String { home + entryPath }

    /// `search-index.js`: the list of parts, relative to the site root.
    static func entryScript(partCount: Int, home: String = "") -> String {
        let paths = (0..<partCount).map { JSONText.string(partPath($0, home: home)) }.joined(separator: ",")
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
    static func partCount(ofEntry script: String, home: String = "") -> Int? {
        guard script.hasPrefix("window.crossroadsSearchIndex={\"parts\":[") else { return nil }
        let count = script.split(separator: ",").count
        return script == entryScript(partCount: count, home: home) ? count : nil
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

    /// `searchText` for text that is all ASCII, byte by byte, with no `Character` decoded; nil for
    /// text with other characters. For ASCII, each byte is one
    /// Character, so both give the same text.
    /// Only the bytes read before the limit is reached are checked.
    static func collapsedASCII(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var foundNonASCII = false
            // Written in place into a string that cannot run out of room, with no byte array to
            // append to and decode afterwards.
            let collapsed = String(unsafeUninitializedCapacity: collapsedCapacity(byteCount: bytes.count, limit: limit)) { out in
                var written = 0
                func put(_ byte: UInt8) {
                    out[written] = byte
                    written += 1
                }
                var count = 0
                var pendingSpace = false
                var pendingBreak = false
                var index = 0
                while index < bytes.count {
                    // Prose is mostly words and single spaces, which come out as they are: copied
                    // a word at a time, they cost no branch per byte. The byte loop below takes
                    // the rest: runs of whitespace, line breaks, the limit.
                    if count > 0 && !pendingSpace {
                        let copied = ProseWord.copyUnchanged(from: bytes, at: index, to: out, at: written, atMost: limit - count)
                        index += copied
                        written += copied
                        count += copied
                        if index == bytes.count { break }
                    }
                    let byte = bytes[index]
                    index += 1
                    switch byte {
                    case 0x80...:
                        foundNonASCII = true
                        return 0
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
                        // A pending space follows a byte written as itself, so that byte is the last one out.
                        if pendingBreak && !Self.endsSentence(out[written - 1]) {
                            // " · ", Character by Character, as far as the limit allows.
                            put(UInt8(ascii: " "))
                            count += 1
                            if count < limit { put(0xC2); put(0xB7); count += 1 }
                            if count < limit { put(UInt8(ascii: " ")); count += 1 }
                        } else {
                            put(UInt8(ascii: " "))
                            count += 1
                        }
                        pendingSpace = false
                        pendingBreak = false
                        if count >= limit { break }
                    }
                    put(byte)
                    count += 1
                }
                return written
            }
            return foundNonASCII ? nil : collapsed
        }
    }

    /// At most `limit` Characters of at most two bytes (`·`), and at most four bytes out per byte
    /// in (`a\nb` gives `a · b`).
    private static func collapsedCapacity(byteCount: Int, limit: Int) -> Int {
        limit >= 2 * byteCount ? 4 * byteCount : 2 * max(limit, 0)
    }

    /// Eight bytes of text that `collapsedASCII` writes unchanged, read and written as one word.
    private enum ProseWord {
        private static let size = 8
        private static let spaces = ByteWord.ones &* 0x20

        /// Copies eight bytes at a time while they are ASCII letters, digits, punctuation and single
        /// spaces, each space followed by one of the others, and returns how many bytes it copied:
        /// at most `limit`. Call it only after a byte written as itself, so that a space it copies
        /// is one the folding writes; a space it copies last is followed by a byte written next, so
        /// the byte loop never finds a space as the last byte out.
        static func copyUnchanged(from bytes: UnsafeBufferPointer<UInt8>, at start: Int, to out: UnsafeMutableBufferPointer<UInt8>,
                                  at written: Int, atMost limit: Int) -> Int {
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            var copied = 0
            // Each word is checked with the byte after it, to see what follows its last space.
            while start + copied + size + 1 <= bytes.count && copied + size <= limit {
                let word = ByteWord.load(source, at: start + copied)
                let next = ByteWord.load(source, at: start + copied + 1)
                guard isUnchanged(word, followedBy: next) else { break }
                UnsafeMutableRawPointer(target + written + copied).storeBytes(of: word, as: UInt64.self)
                copied += size
            }
            return copied
        }

        /// `next` is `word` moved on by a byte. No byte is non-ASCII or below 0x0E (whitespace
        /// other than a space, and a few control characters left to the byte loop), and no space
        /// is followed by a space. Each test is exact for a word as a whole: a borrow only crosses
        /// into a byte from a byte that matches.
        private static func isUnchanged(_ word: UInt64, followedBy next: UInt64) -> Bool {
            ByteWord.isASCII(word | next) && !ByteWord.hasByte(below: 0x0E, word) && !ByteWord.hasByte(below: 0x0E, next)
                && !ByteWord.hasByte(below: 1, (word ^ spaces) | (next ^ spaces))
        }
    }

    static func endsSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: ","): return true
        default: return false
        }
    }
}
