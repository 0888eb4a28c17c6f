import Foundation
import TestSupport
import XCTest

/// A build replaces only an output folder that Crossroads wrote.
final class OutputFolderOwnershipTests: XCTestCase {
    func testBuildIntoAnEmptyFolderSucceeds() throws {
        let scratch = try ScratchFolder("ownership-empty")
        defer { scratch.remove() }
        let output = scratch.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let result = try CrossroadsCLI.run(["build", "--source", Repository.root.path, "--output", output.path, "--no-cache"])
        XCTAssertEqual(result.exitStatus, 0, result.summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }
}
