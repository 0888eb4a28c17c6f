import Foundation

/// The decoded pages of the last cached build, on disk (`.crossroads-cache/pages.bin`), so the
/// next `crossroads build` reads and decodes only the Markdown files whose stamp changed. Pages
/// are stored without their bodies (read again only for pages that render; see `PageMarkdown`);
/// section intros, which are few, with theirs. Files that had problems are not stored, so their
/// errors are reported again.
///
/// A small binary format of length-prefixed fields: decoding 10,000 pages takes milliseconds,
/// where decoding their front matter again took most of a second. The file names the content
/// folder it describes, and is ignored for any other.
enum PageCacheFile {
    static let magic = "crossroads-pages-4"
    /// Ends every record, so a record cut short (a build killed while appending) is noticed.
    static let recordEnd = 0x5245_434F_5244_454E

    /// The whole file: the magic line and the content folder, then one record per entry.
    static func encode(_ entries: [String: FileStamp], contentFolder: URL,
                       loaded: (String) -> SiteLoader.LoadedMarkdown?) -> Data {
        var writer = BinaryWriter()
        writer.string(magic)
        writer.string(EngineIdentity.current)
        writer.string(contentFolder.path)
        appendRecords(for: entries, loaded: loaded, to: &writer)
        return writer.data
    }

    /// Records to append to an existing file: later records replace earlier ones of the same
    /// path, and a file that no longer holds a usable page gets a record that forgets it.
    static func appendRecords(for entries: [String: FileStamp], loaded: (String) -> SiteLoader.LoadedMarkdown?,
                              forgetting removed: Set<String> = [], to writer: inout BinaryWriter) {
        for path in removed {
            writer.string(path)
            writer.int(2)
            writer.int(recordEnd)
        }
        for (path, stamp) in entries {
            guard let entry = loaded(path) else { continue }
            writer.string(path)
            switch entry.content {
            case .page(let page) where entry.errors.isEmpty:
                writer.int(0)
                writeStamp(stamp, to: &writer)
                let metadata = page.metadata
                writer.string(metadata.title)
                writer.string(metadata.kind.rawValue)
                writer.string(metadata.summary)
                writer.int(metadata.weight)
                writer.optional(metadata.date)
                writer.optional(metadata.updated)
                writer.int(metadata.draft ? 1 : 0)
                writer.strings(metadata.tags)
                writer.optional(metadata.slug)
                writer.strings(metadata.aliases)
                writer.optional(metadata.template)
                writer.strings(metadata.readNext)
                writer.optional(metadata.translationKey)
                writer.strings(metadata.writtenFields.sorted())
                writer.int(page.bodyFirstLine)
                writer.string(page.sitePath)
                writer.int(Int(truncatingIfNeeded: page.sourceHash))
                writer.int(page.mayUseData ? 1 : 0)
            case .sectionIntro(let intro) where entry.errors.isEmpty:
                writer.int(1)
                writeStamp(stamp, to: &writer)
                writer.string(intro.kind.rawValue)
                writer.string(intro.title)
                writer.string(intro.summary)
                writer.string(intro.body)
                writer.int(intro.bodyFirstLine)
            default:
                // Problems are reported again from the file itself: nothing to keep.
                writer.int(2)
            }
            writer.int(recordEnd)
        }
    }

    private static func writeStamp(_ stamp: FileStamp, to writer: inout BinaryWriter) {
        writer.int(Int(stamp.size))
        writer.int(stamp.modifiedSeconds)
        writer.int(stamp.modifiedNanoseconds)
        writer.int(Int(truncatingIfNeeded: stamp.inode))
        writer.int(stamp.changedSeconds)
        writer.int(stamp.changedNanoseconds)
    }

    struct Decoded {
        var entries: [String: (FileStamp, SiteLoader.LoadedMarkdown)]
        /// Records read, including those later ones replaced: the file is rewritten when it has many more than entries.
        var records: Int
    }

    /// The entries in `data`, or nil when it is not a whole file this version wrote.
    static func decode(_ data: Data, contentFolder: URL) -> Decoded? {
        var reader = BinaryReader(data)
        guard reader.string() == magic, reader.string() == EngineIdentity.current, reader.string() == contentFolder.path else { return nil }
        let folder = contentFolder.path + "/"
        var entries: [String: (FileStamp, SiteLoader.LoadedMarkdown)] = [:]
        var records = 0
        while !reader.isAtEnd {
            guard let path = reader.string(), let type = reader.int() else { return nil }
            records += 1
            if type == 2 {
                guard reader.int() == recordEnd else { return nil }
                entries[path] = nil
                continue
            }
            guard let size = reader.int(), let seconds = reader.int(), let nanoseconds = reader.int(), let inode = reader.int(),
                  let changedSeconds = reader.int(), let changedNanoseconds = reader.int() else { return nil }
            let stamp = FileStamp(size: Int64(size), modifiedSeconds: seconds, modifiedNanoseconds: nanoseconds,
                                                inode: UInt64(truncatingIfNeeded: inode), changedSeconds: changedSeconds,
                                                changedNanoseconds: changedNanoseconds)
            let display = "content/" + path
            let content: SiteLoader.LoadedMarkdown.Content
            if type == 0 {
                guard let title = reader.string(), let kind = reader.string().flatMap(PageKind.init(rawValue:)),
                      let summary = reader.string(), let weight = reader.int(), let date = reader.optional(),
                      let updated = reader.optional(), let draft = reader.int(), let tags = reader.strings(),
                      let slug = reader.optional(), let aliases = reader.strings(), let template = reader.optional(),
                      let readNext = reader.strings(), let translationKey = reader.optional(), let writtenFields = reader.strings(),
                      let bodyFirstLine = reader.int(), let sitePath = reader.string(),
                      let sourceHash = reader.int(), let mayUseData = reader.int() else { return nil }
                var metadata = PageMetadata(title: title)
                metadata.kind = kind
                metadata.summary = summary
                metadata.weight = weight
                metadata.date = date
                metadata.updated = updated
                metadata.draft = draft != 0
                metadata.tags = tags
                metadata.slug = slug
                metadata.aliases = aliases
                metadata.template = template
                metadata.readNext = readNext
                metadata.translationKey = translationKey
                metadata.writtenFields = Set(writtenFields)
                var page = Page(contentPath: path, file: display, metadata: metadata, body: "", bodyFirstLine: bodyFirstLine,
                                sitePath: sitePath, sourceHash: UInt64(truncatingIfNeeded: sourceHash))
                page.mayUseData = mayUseData != 0
                page.bodyText = PageMarkdown(deferred: folder + path)
                content = .page(page)
            } else if type == 1 {
                guard let kind = reader.string().flatMap(PageKind.init(rawValue:)), let title = reader.string(),
                      let summary = reader.string(), let body = reader.string(), let bodyFirstLine = reader.int() else { return nil }
                content = .sectionIntro(SectionIntro(kind: kind, file: display, title: title, summary: summary, body: body,
                                                     bodyFirstLine: bodyFirstLine))
            } else {
                return nil
            }
            guard reader.int() == recordEnd else { return nil }
            entries[path] = (stamp, SiteLoader.LoadedMarkdown(content: content, errors: []))
        }
        return Decoded(entries: entries, records: records)
    }
}

/// Appends little-endian integers and length-prefixed UTF-8 strings (to an array of bytes:
/// appending to `Data` field by field was most of the cost of writing a cache).
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    var data: Data { Data(bytes) }

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ value: String?) {
        int(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads what `BinaryWriter` wrote; every read is nil past the end or on a malformed length.
struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let value = bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Int64.self)) }
        offset += 8
        return Int(value)
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, count <= bytes.count - offset else { return nil }
        let start = offset
        let value = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
        offset += count
        return value
    }

    /// `.some(nil)` for an absent value; nil when the data is malformed.
    mutating func optional() -> String?? {
        guard let flag = int() else { return nil }
        if flag == 0 { return .some(nil) }
        guard let value = string() else { return nil }
        return .some(value)
    }

    mutating func strings() -> [String]? {
        guard let count = int(), count >= 0, count <= bytes.count else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }
}
