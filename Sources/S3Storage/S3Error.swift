/// A request S3 refused or that never reached it. The message names the operation, the HTTP
/// status, S3's error code and message, and what to do; it never holds credentials (requests are
/// described by method, bucket and key, never by their headers).
public struct S3Error: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let status: Int?
    public let code: String?
    public let message: String

    public var description: String {
        var text = "S3 \(operation) failed"
        if let status { text += ": HTTP \(status)" }
        if let code { text += " \(code)" }
        if !message.isEmpty { text += (status == nil && code == nil ? ": " : " — ") + message }
        if let hint = Self.hint(code: code, status: status) { text += (text.hasSuffix(".") ? " " : ". ") + hint }
        return text
    }

    /// What the user can change for the common refusals.
    static func hint(code: String?, status: Int?) -> String? {
        switch code {
        case "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "TokenRefreshRequired":
            return "Check the credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones), or the profile AWS_PROFILE in ~/.aws/credentials"
        case "AccessDenied", "AllAccessDisabled":
            return "The credentials may not do this: allow s3:ListBucket, s3:PutObject and s3:DeleteObject on the bucket to the user or role they belong to"
        case "NoSuchBucket":
            return "Create the bucket, or correct the bucket name in the target's url (s3://BUCKET/prefix) in site.yml"
        case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException":
            return "The bucket is in another region: set `region:` of the deploy target in site.yml (or AWS_REGION)"
        case "RequestTimeTooSkewed":
            return "This machine's clock is wrong: set it right (S3 refuses requests more than 15 minutes off)"
        case "SlowDown", "ServiceUnavailable", "InternalError":
            return "The store is busy or failing: run the deploy again later (it uploads only what is still missing)"
        default:
            if status == 301 || status == 307 { return "The bucket is in another region or needs another endpoint: set `region:` or `endpoint:` of the deploy target in site.yml" }
            if status == nil { return "Check `endpoint:` of the deploy target in site.yml and the network, then run the deploy again" }
            return nil
        }
    }
}
