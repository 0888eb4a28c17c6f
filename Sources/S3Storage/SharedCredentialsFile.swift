import Foundation

/// The AWS shared credentials file: INI sections `[profile]` holding `aws_access_key_id`,
/// `aws_secret_access_key` and optionally `aws_session_token`; `#` and `;` start comments.
struct SharedCredentialsFile {
    private struct Section {
        var line: Int
        var values: [String: String] = [:]
    }

    private var sections: [String: Section] = [:]
    private let path: String

    init(text: String, path: String) {
        self.path = path
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                current = name
                if sections[name] == nil { sections[name] = Section(line: index + 1) }
            } else if let name = current, let equals = line.firstIndex(of: "=") {
                let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                sections[name]?.values[key] = value
            }
        }
    }

    func credentials(profile: String) throws -> S3Credentials {
        guard let section = sections[profile] else {
            let known = sections.keys.sorted().map { "[\($0)]" }.joined(separator: ", ")
            throw S3ConfigurationError("\(path) has no profile [\(profile)] (it has \(known.isEmpty ? "none" : known)): add it, or name another with AWS_PROFILE")
        }
        let where_ = "\(path):\(section.line): profile [\(profile)]"
        guard let key = section.values["aws_access_key_id"], !key.isEmpty else {
            throw S3ConfigurationError("\(where_) has no aws_access_key_id: add `aws_access_key_id = ...` under it")
        }
        guard let secret = section.values["aws_secret_access_key"], !secret.isEmpty else {
            throw S3ConfigurationError("\(where_) has no aws_secret_access_key: add `aws_secret_access_key = ...` under it")
        }
        let token = section.values["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
        return S3Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, source: "profile [\(profile)] of \(path)")
    }
}
