import Foundation

/// The bodies of DeleteObjects requests for some keys: at most `batchSize` keys each (S3 refuses
/// more than 1,000), quiet (S3 answers only with the keys it could not delete).
enum DeleteObjectsDocument {
    static func batches(_ keys: [String], batchSize: Int) -> [(keys: ArraySlice<String>, body: Data)] {
        stride(from: 0, to: keys.count, by: max(1, batchSize)).map { start in
            let batch = keys[start..<min(start + max(1, batchSize), keys.count)]
            let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
                + batch.map { "<Object><Key>\(xmlEscaped($0))</Key></Object>" }.joined() + "</Delete>"
            return (batch, Data(document.utf8))
        }
    }
}
