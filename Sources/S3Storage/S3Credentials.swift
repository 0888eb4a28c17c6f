import Foundation

/// An access key pair (and session token, for temporary credentials). It never shows its secret:
/// `description`, `debugDescription` and reflection (`dump`, string interpolation of a containing
/// value) name only where the credentials came from, so no error, log line or plan can leak them.
public struct S3Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String?
    /// Where they were read, e.g. "the environment (AWS_ACCESS_KEY_ID)" or "profile [default] of ~/.aws/credentials".
    public let source: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    public var description: String { "AWS credentials from \(source)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source], displayStyle: .struct) }
}

extension S3Credentials {
    /// The credentials the AWS command-line tools would use: `AWS_ACCESS_KEY_ID` and
    /// `AWS_SECRET_ACCESS_KEY` (with `AWS_SESSION_TOKEN`) from the environment, else the profile
    /// `AWS_PROFILE` (default `default`) of the shared credentials file (`AWS_SHARED_CREDENTIALS_FILE`,
    /// default `~/.aws/credentials`).
    public static func resolve(environment: [String: String], homeFolder: URL) throws -> S3Credentials {
        func variable(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        switch (variable("AWS_ACCESS_KEY_ID"), variable("AWS_SECRET_ACCESS_KEY")) {
        case let (key?, secret?):
            return S3Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: variable("AWS_SESSION_TOKEN"),
                                 source: "the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
        case (_?, nil):
            throw S3ConfigurationError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or unset both to use the shared credentials file")
        case (nil, _?):
            throw S3ConfigurationError("AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not: set both, or unset both to use the shared credentials file")
        case (nil, nil):
            break
        }
        let profile = variable("AWS_PROFILE") ?? "default"
        let file = variable("AWS_SHARED_CREDENTIALS_FILE").map { URL(fileURLWithPath: $0) }
            ?? homeFolder.appendingPathComponent(".aws/credentials")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw S3ConfigurationError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or write a [\(profile)] profile with aws_access_key_id and aws_secret_access_key to \(file.path) (read from AWS_SHARED_CREDENTIALS_FILE when set; the profile from AWS_PROFILE)")
        }
        return try SharedCredentialsFile(text: text, path: file.path).credentials(profile: profile)
    }
}

/// Why an S3 target cannot be used as configured (no credentials, a bad url). Its message names
/// variables, files and profiles, never a secret.
public struct S3ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
