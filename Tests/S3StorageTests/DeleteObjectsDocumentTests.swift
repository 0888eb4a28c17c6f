import Foundation
import XCTest
@testable import S3Storage

/// DeleteObjects bodies: S3 refuses more than 1,000 keys a request, and keys are XML text.
final class DeleteObjectsDocumentTests: XCTestCase {
    func testDeleteBatchesHoldAtMostAThousandKeys() throws {
        let keys = (0..<2_345).map { "k/\($0)" }
        let batches = DeleteObjectsDocument.batches(keys, batchSize: 1000)
        XCTAssertEqual(batches.map(\.keys.count), [1000, 1000, 345])
        XCTAssertEqual(batches.flatMap(\.keys), keys)
        let escaped = DeleteObjectsDocument.batches(["a&b<c>.html"], batchSize: 1000)
        XCTAssertTrue(String(decoding: escaped[0].body, as: UTF8.self).contains("<Key>a&amp;b&lt;c&gt;.html</Key>"))
    }
}
