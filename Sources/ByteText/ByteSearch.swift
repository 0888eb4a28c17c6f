import CByteSearch
import Foundation

/// Finding and replacing ASCII markers in generated HTML by comparing UTF-8 bytes.
///
/// Foundation's `range(of:)` and `replacingOccurrences(of:with:)` convert a Swift string to
/// UTF-16 on every call, which made searching every page's HTML a large part of a build. The
/// needles used here are ASCII, so a byte match always starts and ends on a character boundary
/// of the UTF-8 text.
public enum ByteSearch {
    /// The first occurrence of `needle` in `text`; with `ignoringASCIICase`, letters A-Z and a-z
    /// match either case.
    public static func range(of needle: String, in text: Substring, ignoringASCIICase: Bool = false) -> Range<String.Index>? {
        // The needle's own bytes, not a copy: this runs for every link of every page.
        var needle = needle
        let found = needle.withUTF8 { needleBytes -> (offset: Int, count: Int)? in
            guard !needleBytes.isEmpty else { return nil }
            let offset = withBytes(of: text) { haystack in
                firstOffset(of: needleBytes, in: haystack, ignoringASCIICase: ignoringASCIICase)
            }
            return offset.map { ($0, needleBytes.count) }
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: found.offset)
        return start..<utf8.index(start, offsetBy: found.count)
    }

    /// `text` with every occurrence of `needle` replaced by `replacement`, left to right.
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        var needle = needle
        let needleCount = needle.utf8.count
        guard needleCount > 0 else { return text }
        let matches = needle.withUTF8 { needleBytes in withBytes(of: text[...]) { haystack -> [Int] in
            var offsets: [Int] = []
            var from = 0
            while from < haystack.count,
                  let next = firstOffset(of: needleBytes, in: UnsafeBufferPointer(rebasing: haystack[from...]), ignoringASCIICase: false) {
                offsets.append(from + next)
                from += next + needleBytes.count
            }
            return offsets
        } }
        guard !matches.isEmpty else { return text }
        // Appending slices of a valid string copies bytes without validating them again, as
        // decoding a byte array would; an ASCII needle always starts and ends on a character
        // boundary.
        var output = ""
        output.reserveCapacity(text.utf8.count + matches.count * max(0, replacement.utf8.count - needleCount))
        let utf8 = text.utf8
        var copied = utf8.startIndex
        for offset in matches {
            let start = utf8.index(utf8.startIndex, offsetBy: offset)
            output += text[copied..<start]
            output += replacement
            copied = utf8.index(start, offsetBy: needleCount)
        }
        output += text[copied...]
        return output
    }

    private static func withBytes<Result>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = String(text)
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body) ?? Array(copy.utf8).withUnsafeBufferPointer(body)
    }

    private static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, ignoringASCIICase: Bool) -> Int? {
        guard haystack.count >= needle.count, let first = needle.first else { return nil }
        if !ignoringASCIICase, let base = haystack.baseAddress {
            // libc's `memmem` skips ahead by the needle; a needle starting with a common letter
            // ("crossroads-…" in a page full of CSS) stopped a first-byte scan at every "c".
            let found = cbytesearch_find(base, haystack.count, needle.baseAddress, needle.count)
            return found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }
        let folded = ignoringASCIICase ? needle.map(lowercasedASCII) : Array(needle)
        let firstFolded = folded[0]
        let firstUpper = ignoringASCIICase && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(firstFolded) ? firstFolded - 32 : first
        let lastStart = haystack.count - needle.count
        var start = 0
        // With one form of the first byte, `memchr` (vectorised in libc) finds each candidate:
        // scanning byte by byte was most of the time spent on large pages.
        let singleFirst = firstFolded == firstUpper
        while start <= lastStart {
            if singleFirst, let base = haystack.baseAddress {
                guard let found = memchr(base + start, Int32(firstFolded), lastStart - start + 1) else { return nil }
                start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let byte = haystack[start]
            if byte == firstFolded || byte == firstUpper {
                var matched = true
                var index = 1
                while index < folded.count {
                    let candidate = haystack[start + index]
                    if (ignoringASCIICase ? lowercasedASCII(candidate) : candidate) != folded[index] {
                        matched = false
                        break
                    }
                    index += 1
                }
                if matched { return start }
            }
            start += 1
        }
        return nil
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
