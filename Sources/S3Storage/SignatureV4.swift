import Crypto
import Foundation

/// AWS Signature Version 4 for a request signed in its `Authorization` header, as S3 and every
/// S3-compatible store (MinIO, Ceph, R2, moto) check it.
public struct SignatureV4: Sendable, CustomReflectable {
    public var credentials: S3Credentials
    public var region: String
    public var service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    public var customMirror: Mirror { Mirror(self, children: ["credentials": credentials, "region": region], displayStyle: .struct) }

    /// The SHA-256 of an empty body, which S3 requires spelled out for GET, HEAD and DELETE.
    public static let emptyPayloadHash = hexSHA256(Data())

    /// The headers to send besides `headers`: `x-amz-date`, `x-amz-content-sha256`,
    /// `x-amz-security-token` for temporary credentials, and `authorization`. `headers` must hold
    /// `host` and every other header that is sent and should be signed; `encodedPath` is the path
    /// exactly as sent (each segment already encoded); `query` is raw (unencoded) names and values.
    public func signingHeaders(
        method: String, encodedPath: String, query: [(name: String, value: String)],
        headers: [String: String], payloadHash: String, date: Date
    ) -> [String: String] {
        let stamp = Timestamp(date)
        var added = ["x-amz-date": stamp.dateTime, "x-amz-content-sha256": payloadHash]
        if let token = credentials.sessionToken { added["x-amz-security-token"] = token }

        var signed: [String: String] = [:]
        for (name, value) in headers.merging(added, uniquingKeysWith: { _, new in new }) {
            signed[name.lowercased()] = Self.canonicalValue(value)
        }
        let names = signed.keys.sorted()
        let signedHeaders = names.joined(separator: ";")
        let canonicalRequest = [
            method,
            encodedPath.isEmpty ? "/" : encodedPath,
            Self.canonicalQuery(query),
            names.map { "\($0):\(signed[$0] ?? "")\n" }.joined(),
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let scope = "\(stamp.date)/\(region)/\(service)/aws4_request"
        let stringToSign = ["AWS4-HMAC-SHA256", stamp.dateTime, scope, Self.hexSHA256(Data(canonicalRequest.utf8))].joined(separator: "\n")
        let signature = hex(hmac(signingKey(date: stamp.date), stringToSign))
        added["authorization"] = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return added
    }

    /// Query parameters encoded and sorted by name, then value; a parameter without value is `name=`.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (AWSPercentEncoding.encode($0.name), AWSPercentEncoding.encode($0.value)) }
        let sorted = encoded.sorted { left, right in left.name == right.name ? left.value < right.value : left.name < right.name }
        return sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// Trimmed, with inner runs of spaces folded into one, as the specification asks.
    private static func canonicalValue(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    private func signingKey(date: String) -> SymmetricKey {
        let dateKey = hmac(SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8)), date)
        let regionKey = hmac(SymmetricKey(data: dateKey), region)
        let serviceKey = hmac(SymmetricKey(data: regionKey), service)
        return SymmetricKey(data: hmac(SymmetricKey(data: serviceKey), "aws4_request"))
    }

    private func hmac(_ key: SymmetricKey, _ text: String) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    static func hexSHA256(_ data: Data) -> String { hex(Data(SHA256.hash(data: data))) }
}

func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    bytes.map { String(format: "%02x", $0) }.joined()
}

/// The two spellings of the signing time: `20130524T000000Z` and `20130524`, in UTC.
private struct Timestamp {
    let dateTime: String
    let date: String

    init(_ moment: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        date = String(format: "%04d", parts.year ?? 1970) + two(parts.month) + two(parts.day)
        dateTime = date + "T" + two(parts.hour) + two(parts.minute) + two(parts.second) + "Z"
    }
}
