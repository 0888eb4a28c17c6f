import Foundation
import S3Storage

/// A bucket, or a prefix in one, as a deploy destination (`url: s3://bucket/prefix` in site.yml,
/// with `endpoint`, `region` and `path_style` for S3-compatible stores). The listing's ETags are
/// the objects' MD5s, so only changed files are uploaded; every object is written with its
/// Content-Type, Cache-Control and Content-MD5, and an alias page also carries
/// `x-amz-website-redirect-location`, which an S3 website answers with a 301.
///
/// The prefix belongs to the site: an object under it that the site no longer produces is deleted.
public struct S3Destination: DeployDestination {
    public let client: S3Client
    /// `""` or a folder of the bucket with its trailing slash (`guides/`).
    public let prefix: String

    public init(client: S3Client, prefix: String) {
        self.client = client
        let trimmed = prefix.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        self.prefix = trimmed.isEmpty ? "" : trimmed + "/"
    }

    /// The destination a site.yml target names (`s3://BUCKET/PREFIX` with `endpoint`, `region`,
    /// `path_style`): `region` falls back to AWS_REGION, AWS_DEFAULT_REGION, then us-east-1;
    /// credentials come from the environment or the shared credentials file (`S3Credentials.resolve`).
    public init(bucket: String, prefix: String, endpoint: URL?, region: String?, pathStyle: Bool,
                environment: [String: String], homeFolder: URL) throws {
        let credentials: S3Credentials
        do {
            credentials = try S3Credentials.resolve(environment: environment, homeFolder: homeFolder)
        } catch {
            throw DeployError.destination("reading the AWS credentials for s3://\(bucket)", reason: String(describing: error))
        }
        let location = S3Bucket(name: bucket, region: S3Bucket.region(configured: region, environment: environment),
                                endpoint: endpoint, pathStyle: pathStyle)
        self.init(client: S3Client(bucket: location, credentials: credentials), prefix: prefix)
    }

    public var description: String {
        "s3://\(client.bucket.name)/\(prefix)" + (client.bucket.endpoint.map { " at \($0.absoluteString)" } ?? "") + " (region \(client.bucket.region))"
    }

    public func listing() async throws -> [String: RemoteFile] {
        var files: [String: RemoteFile] = [:]
        let objects = try await refusal("listing \(description)") { try await client.list(prefix: prefix) }
        for object in objects {
            let key = String(object.key.dropFirst(prefix.count))
            // A zero-byte "folder" object some consoles create is not a file of the site.
            if key.isEmpty || (key.hasSuffix("/") && object.size == 0) { continue }
            files[key] = RemoteFile(md5: object.etag, size: object.size)
        }
        return files
    }

    public func upload(_ file: PlannedUpload) async throws {
        let body = try Data(contentsOf: file.localURL)
        try await refusal("uploading \(file.key)") {
            try await client.put(key: prefix + file.key, body: body, contentType: file.headers.contentType,
                                 cacheControl: file.headers.cacheControl, websiteRedirectLocation: file.redirect.map(redirectLocation))
        }
    }

    public func delete(_ keys: [String]) async throws {
        try await refusal("deleting \(keys.count) files") { try await client.delete(keys: keys.map { prefix + $0 }) }
    }

    public func finish(summary: DeploySummary) async throws {}

    /// S3's refusal (status, code, message, what to do) as the deploy's error, naming the step.
    private func refusal<T>(_ step: String, _ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as S3Error {
            throw DeployError.destination(step, reason: error.description)
        }
    }

    /// S3 wants an absolute path or URL: a site path is put under the bucket's root and the prefix.
    func redirectLocation(_ target: String) -> String {
        if target.hasPrefix("http://") || target.hasPrefix("https://") || target.hasPrefix("/") { return target }
        return "/" + prefix + target
    }
}
