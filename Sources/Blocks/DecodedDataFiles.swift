import Foundation
import Synchronization

/// Each data file decoded and validated once per block kind that reads it (a ladder, a level
/// map, a comparison), the first time a block does, and shared by every page after: a site whose pages
/// hold a hundred ladders parses its ladders file once. A file's problems are kept too, so every
/// block that reads a broken file reports the same error. Safe to use from parallel renders.
public final class DecodedDataFiles: Sendable {
    private struct Decoded: Sendable {
        /// Keyed by block kind and file name: a ```ladder and a ```level-map word the same problem
        /// with their own block name.
        var ladders: [String: Result<LadderData, BlockError>] = [:]
        var comparisons: [String: Result<CompareRenderer.CompareFile, BlockError>] = [:]
    }

    private let decoded = Mutex(Decoded())

    public init() {}

    func ladder(_ file: DataFile, blockName: String) throws(BlockError) -> LadderData {
        try Self.value(for: blockName + "\u{0}" + file.name, in: \.ladders, of: self) { () throws(BlockError) in
            try LadderData.read(file, blockName: blockName)
        }
    }

    func comparison(_ file: DataFile) throws(BlockError) -> CompareRenderer.CompareFile {
        try Self.value(for: file.name, in: \.comparisons, of: self) { () throws(BlockError) in try CompareRenderer.decode(file) }
    }

    /// The value kept for `name`, or the one `decode` makes (two threads may both make it: the
    /// same value, kept once).
    private static func value<Value: Sendable>(for name: String, in table: WritableKeyPath<Decoded, [String: Result<Value, BlockError>]>,
                                               of files: DecodedDataFiles, decode: () throws(BlockError) -> Value) throws(BlockError) -> Value {
        if let known = files.decoded.withLock({ $0[keyPath: table][name] }) { return try known.get() }
        let made: Result<Value, BlockError>
        do throws(BlockError) {
            made = .success(try decode())
        } catch {
            made = .failure(error)
        }
        files.decoded.withLock { $0[keyPath: table][name] = made }
        return try made.get()
    }
}
