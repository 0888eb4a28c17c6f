import Foundation

/// Where a bucket is and how it is addressed: AWS (`https://BUCKET.s3.REGION.amazonaws.com`) or an
/// S3-compatible endpoint (MinIO, Ceph, R2, moto), virtual-hosted (`BUCKET.HOST`) or path-style
/// (`HOST/BUCKET`), which most self-hosted stores need.
public struct S3Bucket: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var region: String
    /// `nil` for AWS itself; else the store's base URL, e.g. `http://127.0.0.1:9000`.
    public var endpoint: URL?
    public var pathStyle: Bool

    public init(name: String, region: String, endpoint: URL? = nil, pathStyle: Bool = false) {
        self.name = name
        self.region = region
        self.endpoint = endpoint
        self.pathStyle = pathStyle
    }

    public var description: String {
        "bucket \(name) at \(endpoint?.absoluteString ?? "AWS") (region \(region)\(pathStyle ? ", path-style" : ""))"
    }

    /// What a request for `key` (nil: the bucket itself) is sent to: the full URL, the `host`
    /// header it is signed with, and the encoded path the signature covers.
    func address(key: String?, query: [(name: String, value: String)]) -> (url: String, host: String, encodedPath: String) {
        let scheme = endpoint?.scheme ?? "https"
        var host = endpoint?.host ?? "s3.\(region).amazonaws.com"
        if let port = endpoint?.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            host += ":\(port)"
        }
        let basePath = (endpoint?.path ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        var segments: [String] = basePath.isEmpty ? [] : [basePath]
        if pathStyle { segments.append(AWSPercentEncoding.encode(name)) } else { host = "\(name).\(host)" }
        var path = "/" + segments.joined(separator: "/")
        if let key {
            path += (path.hasSuffix("/") ? "" : "/") + AWSPercentEncoding.encode(key, keepingSlashes: true)
        } else if pathStyle {
            path += "/"
        }
        let queryText = query.map { $0.value.isEmpty ? AWSPercentEncoding.encode($0.name) : "\(AWSPercentEncoding.encode($0.name))=\(AWSPercentEncoding.encode($0.value))" }
            .joined(separator: "&")
        return ("\(scheme)://\(host)\(path)\(queryText.isEmpty ? "" : "?" + queryText)", host, path)
    }
}

extension S3Bucket {
    /// The region a target names, else the AWS command-line tools' variables, else us-east-1.
    public static func region(configured: String?, environment: [String: String]) -> String {
        for candidate in [configured, environment["AWS_REGION"], environment["AWS_DEFAULT_REGION"]] {
            if let value = candidate?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "us-east-1"
    }
}
