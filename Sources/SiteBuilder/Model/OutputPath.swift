/// A file the build writes, relative to the output folder (`pitfalls/no-training/index.html`).
///
/// The only way to make one is to check a site path, so every writer, which takes nothing else,
/// stays inside the output folder by construction: segments are never empty, `.` or `..`; there
/// is no leading `/`, no backslash, no control, format or space character, and none of the
/// characters that change a URL's meaning (`#`, `?`, `%`, `:` ...). A path that passes is also a
/// safe URL path, so the links printed for it need no encoding and always resolve.
struct OutputPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The file relative to the output folder, segments joined by `/`.
    let file: String

    /// Longest segment, in UTF-8 bytes: file systems stop at 255, and a standalone copy adds `.html`.
    static let maxSegmentBytes = 200
    /// Longest path, in UTF-8 bytes (well under PATH_MAX once the output folder is in front).
    static let maxPathBytes = 1_000

    /// Why a site path cannot be an output path.
    struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        var description: String
    }

    private init(checked file: String) { self.file = file }

    /// The file for a site path: "" is the home page (`index.html`), `x/` a folder (`x/index.html`),
    /// anything else a file (`atom.xml`).
    init(sitePath: String) throws(Problem) {
        try self.init(sitePath: sitePath, shownAs: sitePath)
    }

    private init(sitePath: String, shownAs: String) throws(Problem) {
        if sitePath.isEmpty {
            self.init(checked: "index.html")
            return
        }
        try Self.check(sitePath.hasSuffix("/") ? sitePath.dropLast() : Substring(sitePath), whole: sitePath, shownAs: shownAs)
        self.init(checked: sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath)
    }

    /// An address of the site (an alias): always a folder, so `old/page`, `/old/page/` and
    /// `atom.xml` become `old/page/index.html` and `atom.xml/index.html`; never a file of its own.
    init(address: String) throws(Problem) {
        try self.init(sitePath: Self.folder(ofAddress: address), shownAs: address)
    }

    /// The site path of an address: one leading and one trailing `/` dropped, a `/` added; "" and
    /// "/" are the home page.
    static func folder(ofAddress address: String) -> String {
        var trimmed = Substring(address)
        if trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty && address.count <= 1 ? "" : trimmed + "/"
    }

    /// Whether `file` is the file of a checked output path (as `file` gives it), e.g. read back from a manifest.
    static func isFile(_ file: String) -> Bool {
        !file.isEmpty && !file.hasSuffix("/") && (try? OutputPath(sitePath: file)) != nil
    }

    /// A file under `folder` (a checked output path's folder, such as `embed/`), for variants.
    func prefixed(by folder: String) throws(Problem) -> OutputPath {
        try OutputPath(sitePath: folder + file)
    }

    /// The folders this file lies in, outermost first, without their trailing `/` (`a`, `a/b` for
    /// `a/b/index.html`).
    var folders: [Substring] {
        var result: [Substring] = []
        var index = file.utf8.startIndex
        while index != file.utf8.endIndex {
            if file.utf8[index] == UInt8(ascii: "/") { result.append(file[..<index]) }
            index = file.utf8.index(after: index)
        }
        return result
    }

    var description: String { file }

    static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.file < rhs.file }

    private static func check(_ path: Substring, whole: String, shownAs: String) throws(Problem) {
        if path.utf8.count > maxPathBytes {
            throw Problem(description: "the address is \(path.utf8.count) bytes long; the limit is \(maxPathBytes)")
        }
        if whole.hasPrefix("/") {
            throw Problem(description: "\"\(shown(shownAs))\" starts with /, an absolute path")
        }
        // One pass over the bytes for the usual all-ASCII address (the map checks 30,000 paths for
        // a 10,000-page site); a segment with anything unusual is looked at closely.
        var start = path.utf8.startIndex
        var plain = true
        var index = start
        while true {
            let atEnd = index == path.utf8.endIndex
            let byte = atEnd ? UInt8(ascii: "/") : path.utf8[index]
            if byte == UInt8(ascii: "/") {
                let segment = path[start..<index]
                let length = path.utf8.distance(from: start, to: index)
                if !plain || length == 0 || length > maxSegmentBytes || (length <= 2 && segment.allSatisfy { $0 == "." }),
                   let problem = problem(inSegment: segment) {
                    throw Problem(description: "\"\(shown(shownAs))\" \(problem)")
                }
                if atEnd { return }
                start = path.utf8.index(after: index)
                plain = true
            } else if byte >= 0x80 || !safeASCII[Int(byte)] {
                plain = false
            }
            index = path.utf8.index(after: index)
        }
    }

    /// What is wrong with one segment of an address, or nil.
    static func problem(inSegment segment: Substring) -> String? {
        if segment.isEmpty { return "has an empty segment (two / in a row, or a / at the start)" }
        if segment == "." || segment == ".." { return "has a `\(segment)` segment (an address cannot step out of or stay in its folder)" }
        if segment.utf8.count > maxSegmentBytes { return "has a segment of \(segment.utf8.count) bytes; the limit is \(maxSegmentBytes)" }
        for scalar in segment.unicodeScalars {
            if let name = unsafeName(scalar) { return "contains \(name), which is not safe in a web address" }
        }
        return nil
    }

    /// ASCII a URL path may hold as is (RFC 3986 `pchar` without `%`, `:`, and the sub-delimiters
    /// HTML and shells treat specially are still fine: they are escaped where printed).
    private static let safeASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// A name for a character an address may not hold, or nil when it may.
    private static func unsafeName(_ scalar: Unicode.Scalar) -> String? {
        if scalar.isASCII {
            if safeASCII[Int(scalar.value)] { return nil }
            switch scalar {
            case "\0": return "a NUL character"
            case "\\": return "a backslash"
            case " ": return "a space"
            case "%": return "`%` (percent-encoding)"
            default: return scalar.value < 0x20 || scalar.value == 0x7F ? "a control character (U+\(hex(scalar)))" : "`\(Character(scalar))`"
            }
        }
        switch scalar.properties.generalCategory {
        case .control: return "a control character (U+\(hex(scalar)))"
        case .format: return "an invisible formatting character (U+\(hex(scalar)))"
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return "a space character (U+\(hex(scalar)))"
        case .privateUse, .surrogate, .unassigned: return "an unassigned or private character (U+\(hex(scalar)))"
        default: return nil
        }
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The path as it can be shown in a message: controls written as escapes.
    static func shown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { result += "\\u{\(String(scalar.value, radix: 16))}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
