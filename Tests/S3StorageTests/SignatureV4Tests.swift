import Foundation
import XCTest
@testable import S3Storage

/// The worked examples of AWS's S3 documentation ("Signature Calculations for the Authorization
/// Header: Transferring Payload in a Single Chunk"): bucket `examplebucket` in us-east-1, signed
/// on 24 May 2013 at midnight with the documentation's example key pair.
final class SignatureV4Tests: XCTestCase {
    private let signer = SignatureV4(credentials: S3Credentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "the AWS documentation"),
        region: "us-east-1")
    private let bucket = S3Bucket(name: "examplebucket", region: "us-east-1")
    private let may24 = Date(timeIntervalSince1970: 1_369_353_600)

    private func authorization(
        _ method: String, key: String?, query: [(name: String, value: String)] = [], headers: [String: String] = [:], body: Data = Data()
    ) -> String {
        let address = bucket.address(key: key, query: query)
        XCTAssertEqual(address.host, "examplebucket.s3.us-east-1.amazonaws.com")
        // The documentation signs with the global endpoint's host name.
        var signed = headers
        signed["host"] = "examplebucket.s3.amazonaws.com"
        return signer.signingHeaders(method: method, encodedPath: address.encodedPath, query: query, headers: signed,
                                     payloadHash: SignatureV4.hexSHA256(body), date: may24)["authorization"] ?? ""
    }

    func testGetObjectWithRange() {
        XCTAssertEqual(authorization("GET", key: "test.txt", headers: ["Range": "bytes=0-9"]),
                       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                       + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                       + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    /// The key's `$` is encoded (`/test%24file.text`), and the body's hash is signed.
    func testPutObjectEncodesTheKeyAndSignsTheBody() {
        XCTAssertEqual(bucket.address(key: "test$file.text", query: []).encodedPath, "/test%24file.text")
        XCTAssertEqual(SignatureV4.hexSHA256(Data("Welcome to Amazon S3.".utf8)), "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        XCTAssertEqual(authorization("PUT", key: "test$file.text",
                                     headers: ["Date": "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY"],
                                     body: Data("Welcome to Amazon S3.".utf8)),
                       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                       + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                       + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    /// A query parameter without a value is signed as `lifecycle=`.
    func testGetBucketLifecycle() {
        XCTAssertTrue(authorization("GET", key: nil, query: [("lifecycle", "")])
            .hasSuffix("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"))
    }

    /// Parameters are signed sorted, whatever order they are sent in.
    func testListObjectsSortsTheQuery() {
        for query: [(name: String, value: String)] in [[("max-keys", "2"), ("prefix", "J")], [("prefix", "J"), ("max-keys", "2")]] {
            XCTAssertTrue(authorization("GET", key: nil, query: query)
                .hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"))
        }
    }

    func testTemporaryCredentialsSendAndSignTheirToken() {
        let temporary = SignatureV4(credentials: S3Credentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret",
                                                               sessionToken: "the-token", source: "test"), region: "eu-west-3")
        let headers = temporary.signingHeaders(method: "GET", encodedPath: "/", query: [], headers: ["host": "h"],
                                               payloadHash: SignatureV4.emptyPayloadHash, date: may24)
        XCTAssertEqual(headers["x-amz-security-token"], "the-token")
        XCTAssertTrue(headers["authorization"]?.contains("/20130524/eu-west-3/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,") == true)
    }

    /// Keys are encoded byte by byte as S3 signs them: only `A-Z a-z 0-9 - _ . ~` stay, `/` separates.
    func testPathEncodingMatchesS3() {
        XCTAssertEqual(bucket.address(key: "a b/c+d/é!(x)*'~.html", query: []).encodedPath, "/a%20b/c%2Bd/%C3%A9%21%28x%29%2A%27~.html")
        XCTAssertEqual(SignatureV4.canonicalQuery([("prefix", "a b/c"), ("continuation-token", "1+/=")]),
                       "continuation-token=1%2B%2F%3D&prefix=a%20b%2Fc")
    }

    func testAddressing() {
        let local = S3Bucket(name: "site", region: "us-east-1", endpoint: URL(string: "http://127.0.0.1:9000"), pathStyle: true)
        XCTAssertEqual(local.address(key: "guides/index.html", query: []).url, "http://127.0.0.1:9000/site/guides/index.html")
        XCTAssertEqual(local.address(key: nil, query: [("list-type", "2"), ("prefix", "guides/")]).url, "http://127.0.0.1:9000/site/?list-type=2&prefix=guides%2F")
        XCTAssertEqual(local.address(key: nil, query: [("delete", "")]).url, "http://127.0.0.1:9000/site/?delete")
        XCTAssertEqual(local.address(key: nil, query: []).host, "127.0.0.1:9000")
        let hosted = S3Bucket(name: "site", region: "auto", endpoint: URL(string: "https://account.r2.cloudflarestorage.com"))
        XCTAssertEqual(hosted.address(key: "a.css", query: []).url, "https://site.account.r2.cloudflarestorage.com/a.css")
        XCTAssertEqual(S3Bucket(name: "site", region: "eu-west-3").address(key: "a.css", query: []).url, "https://site.s3.eu-west-3.amazonaws.com/a.css")
    }
}
