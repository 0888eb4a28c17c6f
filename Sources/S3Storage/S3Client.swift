import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOHTTP1

/// One object of a bucket listing.
public struct S3Object: Sendable, Equatable {
    public var key: String
    /// The ETag without its quotes: the MD5 of the content for an object uploaded in one piece.
    public var etag: String
    public var size: Int
}

/// The S3 operations a deploy needs, signed with Signature Version 4 and sent with
/// async-http-client: ListObjectsV2 (all pages), PutObject, DeleteObjects (in batches of at most 1,000),
/// HeadObject, GetObject and CreateBucket.
public struct S3Client: Sendable, CustomStringConvertible, CustomReflectable {
    public let bucket: S3Bucket
    private let signer: SignatureV4
    private let http: HTTPClient

    /// Keys a DeleteObjects request carries: S3 takes at most 1,000 (smaller in tests, to see batches).
    let deleteBatchSize: Int

    public init(bucket: S3Bucket, credentials: S3Credentials, httpClient: HTTPClient = S3Client.sharedHTTPClient) {
        self.init(bucket: bucket, credentials: credentials, httpClient: httpClient, deleteBatchSize: 1000)
    }

    init(bucket: S3Bucket, credentials: S3Credentials, httpClient: HTTPClient = S3Client.sharedHTTPClient, deleteBatchSize: Int) {
        self.bucket = bucket
        signer = SignatureV4(credentials: credentials, region: bucket.region)
        http = httpClient
        self.deleteBatchSize = max(1, deleteBatchSize)
    }

    /// One HTTP client for every S3 request of the process, never shut down (as `HTTPClient.shared`),
    /// but one that fails a request at once when the endpoint refuses the connection (the shared
    /// one retries until the request's deadline) and follows no redirect (a signed request is for
    /// one host; S3's 301 says which region to set instead).
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: .seconds(15), read: .seconds(90)))
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Only the bucket: a client is described, dumped or interpolated without its credentials.
    public var description: String { "S3 client for \(bucket)" }
    public var customMirror: Mirror { Mirror(self, children: ["bucket": bucket], displayStyle: .struct) }

    /// Every object whose key starts with `prefix`, following continuation tokens page by page
    /// (`pageSize` keys a page; S3's default and most is 1,000).
    public func list(prefix: String, pageSize: Int? = nil) async throws -> [S3Object] {
        var objects: [S3Object] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", prefix)]
            if let pageSize { query.append(("max-keys", String(pageSize))) }
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("GET", key: nil, query: query, operation: "listing of \(bucket.name)/\(prefix)")
            guard let result = S3XMLElement.parse(response.body), result.name == "ListBucketResult" else {
                throw S3Error(operation: "listing of \(bucket.name)/\(prefix)", status: response.status, code: nil,
                              message: "the answer is not a ListBucketResult; is `endpoint:` an S3 server?")
            }
            for entry in result.all("Contents") {
                guard let key = entry.text("Key") else { continue }
                let etag = (entry.text("ETag") ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                objects.append(S3Object(key: key, etag: etag.lowercased(), size: Int(entry.text("Size") ?? "") ?? 0))
            }
            let truncated = result.text("IsTruncated") == "true"
            token = truncated ? result.text("NextContinuationToken") : nil
            if truncated && token == nil {
                throw S3Error(operation: "listing of \(bucket.name)/\(prefix)", status: response.status, code: nil,
                              message: "the listing is truncated but gives no NextContinuationToken")
            }
        } while token != nil
        return objects
    }

    /// Writes one object. `Content-MD5` is always sent, so the store refuses a body damaged on the way.
    public func put(
        key: String, body: Data, contentType: String, cacheControl: String? = nil, websiteRedirectLocation: String? = nil
    ) async throws {
        var headers = ["content-type": contentType, "content-md5": Data(Insecure.MD5.hash(data: body)).base64EncodedString()]
        if let cacheControl { headers["cache-control"] = cacheControl }
        if let websiteRedirectLocation { headers["x-amz-website-redirect-location"] = websiteRedirectLocation }
        _ = try await send("PUT", key: key, headers: headers, body: body, operation: "upload of \(key) to \(bucket.name)")
    }

    /// Deletes these keys with DeleteObjects, 1,000 a request; any key the store could not delete
    /// fails the call, naming the key and S3's reason.
    public func delete(keys: [String]) async throws {
        for (batch, body) in DeleteObjectsDocument.batches(keys, batchSize: deleteBatchSize) {
            let operation = "deletion of \(batch.count) objects from \(bucket.name)"
            let response = try await send("POST", key: nil, query: [("delete", "")], headers: [
                "content-type": "application/xml", "content-md5": Data(Insecure.MD5.hash(data: body)).base64EncodedString(),
            ], body: body, operation: operation)
            if let refused = S3XMLElement.parse(response.body)?.all("Error").first {
                throw S3Error(operation: "deletion of \(refused.text("Key") ?? "?") from \(bucket.name)", status: response.status,
                              code: refused.text("Code"), message: refused.text("Message") ?? "")
            }
        }
    }

    /// An object's response headers (lowercased names), or nil when there is no such object.
    public func head(key: String) async throws -> [String: String]? {
        do {
            return try await send("HEAD", key: key, operation: "HEAD of \(key) in \(bucket.name)").headers
        } catch let error as S3Error where error.status == 404 {
            return nil
        }
    }

    /// An object's bytes, or nil when there is no such object.
    public func get(key: String) async throws -> Data? {
        do {
            return try await send("GET", key: key, operation: "download of \(key) from \(bucket.name)").body
        } catch let error as S3Error where error.status == 404 {
            return nil
        }
    }

    /// Creates the bucket (outside us-east-1 with its location constraint).
    public func createBucket() async throws {
        var body = Data()
        if bucket.region != "us-east-1" {
            body = Data("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(xmlEscaped(bucket.region))</LocationConstraint></CreateBucketConfiguration>".utf8)
        }
        _ = try await send("PUT", key: nil, body: body, operation: "creation of bucket \(bucket.name)")
    }

    private struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    /// Signs and sends one request; a status of 300 or more becomes an `S3Error` with S3's code and message.
    private func send(
        _ method: String, key: String?, query: [(name: String, value: String)] = [], headers: [String: String] = [:],
        body: Data = Data(), operation: String
    ) async throws -> Response {
        let address = bucket.address(key: key, query: query)
        var toSign = headers
        toSign["host"] = address.host
        let payloadHash = SignatureV4.hexSHA256(body)
        let signing = signer.signingHeaders(method: method, encodedPath: address.encodedPath, query: query,
                                            headers: toSign, payloadHash: payloadHash, date: Date())
        var request = HTTPClientRequest(url: address.url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in toSign.merging(signing, uniquingKeysWith: { _, new in new }) {
            request.headers.replaceOrAdd(name: name, value: value)
        }
        if !body.isEmpty || method == "PUT" || method == "POST" {
            request.body = .bytes(ByteBuffer(bytes: body))
        }

        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await http.execute(request, timeout: .seconds(120))
            bytes = try await response.body.collect(upTo: 256 * 1024 * 1024)
        } catch {
            throw S3Error(operation: operation, status: nil, code: nil,
                          message: "could not reach \(bucket.endpoint?.absoluteString ?? "AWS S3") (\(String(describing: error)))")
        }
        let data = Data(bytes.readableBytesView)
        var answerHeaders: [String: String] = [:]
        for header in response.headers { answerHeaders[header.name.lowercased()] = header.value }
        let status = Int(response.status.code)
        guard status < 300 else {
            let problem = S3XMLElement.parse(data)
            throw S3Error(operation: operation, status: status, code: problem?.text("Code"),
                          message: problem?.text("Message") ?? response.status.reasonPhrase)
        }
        return Response(status: status, headers: answerHeaders, body: data)
    }
}
