import Crypto
import Foundation
import XCTest
@testable import S3Storage

/// The client against a real S3 protocol server: moto on 127.0.0.1, checking every signature.
/// Few test methods, each with several steps, since each starts its own server.
final class S3ClientTests: XCTestCase {
    private var moto: MotoServer!

    override func setUpWithError() throws { moto = try MotoServer() }
    override func tearDown() { moto?.stop() }

    func testListPutHeadGetAndDelete() async throws {
        let client = try await moto.makeBucket()

        // Pages of two keys: every key under the prefix comes back once, none outside it.
        let inside = (1...7).map { "guides/page-\($0)/index.html" }
        for key in inside + ["other/index.html", "guidesX.html"] {
            try await client.put(key: key, body: Data(key.utf8), contentType: "text/html; charset=utf-8")
        }
        let listed = try await client.list(prefix: "guides/", pageSize: 2)
        XCTAssertEqual(listed.map(\.key).sorted(), inside.sorted())
        for object in listed {
            XCTAssertEqual(object.etag, hex(Insecure.MD5.hash(data: Data(object.key.utf8))), "the ETag is the content's MD5")
            XCTAssertEqual(object.size, object.key.utf8.count)
        }

        // The headers an object is stored with come back on HEAD, an alias's redirect among them.
        try await client.put(key: "css/site.0123456789.css", body: Data("body{}".utf8), contentType: "text/css; charset=utf-8",
                             cacheControl: "public, max-age=31536000, immutable")
        try await client.put(key: "old page/index.html", body: Data("<!doctype html>".utf8), contentType: "text/html; charset=utf-8",
                             cacheControl: "no-cache", websiteRedirectLocation: "/guides/new/")
        let css = try await client.head(key: "css/site.0123456789.css")
        XCTAssertEqual(css?["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(css?["cache-control"], "public, max-age=31536000, immutable")
        let alias = try await client.head(key: "old page/index.html")
        XCTAssertEqual(alias?["x-amz-website-redirect-location"], "/guides/new/")
        XCTAssertEqual(alias?["cache-control"], "no-cache")
        let missing = try await client.head(key: "nothing-here.html")
        XCTAssertNil(missing)
        let body = try await client.get(key: "old page/index.html")
        XCTAssertEqual(body, Data("<!doctype html>".utf8))

        // Keys S3 wants percent-encoded (spaces, `+`, `$`, `?`, `&`, non-ASCII) are signed and stored as they are.
        let awkward = ["a b/c+d$e.html", "é/ü~x.txt", "q?s=1&t/index.html"]
        for key in awkward { try await client.put(key: key, body: Data(key.utf8), contentType: "text/plain") }
        let all = try await client.list(prefix: "")
        XCTAssertTrue(Set(awkward).isSubset(of: Set(all.map(\.key))), "\(all.map(\.key))")

        // Deletion in batches of two: three DeleteObjects requests; every other key is kept.
        let batched = S3Client(bucket: client.bucket, credentials: moto.credentials, deleteBatchSize: 2)
        try await batched.delete(keys: awkward + inside)
        let left = try await client.list(prefix: "")
        XCTAssertEqual(left.map(\.key).sorted(), ["css/site.0123456789.css", "guidesX.html", "old page/index.html", "other/index.html"])
    }

    /// A refusal names the operation, the HTTP status, S3's code and message and what to do, and
    /// never the secret.
    func testRefusalsNameStatusCodeAndWhatToDo() async throws {
        let made = try await moto.makeBucket()
        let secret = moto.credentials.secretAccessKey
        func refusal(_ client: S3Client) async -> S3Error? {
            do {
                _ = try await client.list(prefix: "guides/")
                XCTFail("\(client) listed")
                return nil
            } catch {
                XCTAssertFalse("\(error)".contains(secret), "\(error)")
                return error as? S3Error
            }
        }

        let noBucket = S3Client(bucket: S3Bucket(name: "no-such-bucket", region: "us-east-1", endpoint: moto.endpoint, pathStyle: true),
                                credentials: moto.credentials)
        let missing = await refusal(noBucket)
        XCTAssertEqual(missing?.status, 404)
        XCTAssertTrue(missing?.description.contains("HTTP 404 NoSuchBucket") == true, "\(String(describing: missing))")
        XCTAssertTrue(missing?.description.contains("Create the bucket") == true, "\(String(describing: missing))")

        let wrongSecret = S3Credentials(accessKeyID: moto.credentials.accessKeyID, secretAccessKey: "not-the-secret", source: "test")
        let forged = await refusal(S3Client(bucket: made.bucket, credentials: wrongSecret))
        XCTAssertEqual(forged?.status, 403)
        XCTAssertEqual(forged?.code, "SignatureDoesNotMatch")
        XCTAssertTrue(forged?.description.contains("Check the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") == true, "\(String(describing: forged))")

        let unknownKey = S3Credentials(accessKeyID: "AKIAUNKNOWN000000000", secretAccessKey: secret, source: "test")
        let unknown = await refusal(S3Client(bucket: made.bucket, credentials: unknownKey))
        XCTAssertEqual(unknown?.status, 403)
        XCTAssertEqual(unknown?.code, "InvalidAccessKeyId")

        let endpoint = moto.endpoint
        moto.stop()
        let unreachable = await refusal(made)
        XCTAssertNil(unreachable?.status)
        XCTAssertTrue(unreachable?.description.contains("could not reach \(endpoint.absoluteString)") == true, "\(String(describing: unreachable))")
        XCTAssertTrue(unreachable?.description.contains("endpoint:") == true, "\(String(describing: unreachable))")
    }
}
