import Foundation
@testable import SiteBuilder
import XCTest

/// The two writers behind `OutputWriter` (the staged one of `crossroads build`, the in-place one
/// of the preview), driven through the protocol exactly as the renderer drives them: same calls,
/// same folder after `commit()`, nothing visible before it, nothing after `abandon()`.
final class OutputWriterTests: XCTestCase {
    private static let previous = ["kept.txt": "kept", "old.html": "old", "page/index.html": "old page"]

    func testStagedWriterThroughTheProtocol() throws {
        try checkThroughTheProtocol("staged") { output in
            try StagedOutputWriter(output: output, previous: output)
        }
    }

    func testInPlaceWriterThroughTheProtocol() throws {
        try checkThroughTheProtocol("in-place") { output in
            let hashes = Self.previous.mapValues { text in Data(text.utf8).withUnsafeBytes { StableHash.keyOf(bytes: $0) } }
            return try InPlaceOutputWriter(output: output, knownHashes: hashes, previouslyProduced: Set(Self.previous.keys))
        }
    }

    private func checkThroughTheProtocol(_ label: String, makeWriter: (URL) throws -> any OutputWriter) throws {
        let folder = try TemporaryFolder("writer-\(label)")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("public")
        for (file, text) in Self.previous { try write(text, to: output.appendingPathComponent(file)) }
        let map = try OutputMap.make([OutputOwnership.markerName, "", "page/", "kept.txt", "new/deep.txt"].map { sitePath in
            OutputMap.Claim(path: try OutputPath(sitePath: sitePath), file: nil, what: sitePath)
        })

        let abandoned = try makeWriter(output)
        abandoned.expect(map)
        try abandoned.write(OutputPath(sitePath: ""), "never seen")
        abandoned.abandon()
        XCTAssertEqual(try files(in: folder.url), Self.previous, "\(label): an abandoned build changed the folder")

        let writer = try makeWriter(output)
        writer.expect(map)
        try writer.write(OutputPath(sitePath: ""), "home")
        try writer.write(OutputPath(sitePath: "page/"), Data("new page".utf8), contentKey: 42)
        try writer.write(OutputPath(sitePath: "new/deep.txt"), "deep")
        XCTAssertTrue(writer.reuse(try OutputPath(sitePath: "kept.txt")), "\(label): the previous file was not kept")
        XCTAssertFalse(writer.reuse(try OutputPath(sitePath: "old.html")), "\(label): a file outside the map was kept")
        XCTAssertThrowsError(try writer.write(OutputPath(sitePath: "elsewhere.txt"), "x"), "\(label): a write outside the map passed")
        XCTAssertEqual(try files(in: folder.url), Self.previous, "\(label): the folder changed before commit()")
        XCTAssertEqual(writer.fileCount, 4)

        try writer.commit()
        XCTAssertEqual(try files(in: folder.url), [
            "index.html": "home", "page/index.html": "new page", "new/deep.txt": "deep", "kept.txt": "kept",
            OutputOwnership.markerName: OutputOwnership.markerText,
        ], "\(label): the committed folder")
        XCTAssertEqual(writer.producedFiles, ["index.html", "page/index.html", "new/deep.txt", "kept.txt", OutputOwnership.markerName])
    }

    private func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Every file under `folder/public`, by path inside it, with its text.
    private func files(in folder: URL) throws -> [String: String] {
        let output = folder.appendingPathComponent("public")
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            }
        }
        return result
    }
}
