import Foundation
import S3Storage
import TestSupport

/// moto's S3 protocol server (`make moto` installs it into .build-tools/moto) on 127.0.0.1, on a
/// port the kernel picks; stopped by `stop()`. Each test makes its own bucket in it.
///
/// moto checks no signature by default; this one does, as AWS would: before any S3 request,
/// boto3 (installed with moto) creates an IAM user allowed `s3:*` and an access key for it, then
/// switches moto's authentication on, so every request is verified by botocore's own SigV4 code.
final class MotoServer: @unchecked Sendable {
    let endpoint: URL
    /// The access key moto issued; its secret is what the tests look for in every output.
    let credentials: S3Credentials
    private let process = Process()
    private let log: URL

    static var executable: URL { Repository.root.appendingPathComponent(".build-tools/moto/bin/moto_server") }
    private static var python: URL { Repository.root.appendingPathComponent(".build-tools/moto/bin/python") }

    private static let issueKeyScript = """
        import json, sys, urllib.request, boto3
        iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                           aws_access_key_id="AKIABOOTSTRAP0000000", aws_secret_access_key="bootstrap")
        iam.create_user(UserName="deploy")
        iam.put_user_policy(UserName="deploy", PolicyName="s3", PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
        key = iam.create_access_key(UserName="deploy")["AccessKey"]
        urllib.request.urlopen(urllib.request.Request(sys.argv[1] + "/moto-api/reset-auth", data=b"0", method="POST",
                                                     headers={"Content-Type": "text/plain"}))
        print(key["AccessKeyId"], key["SecretAccessKey"])
        """

    init() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw HardeningError("moto is not installed at \(Self.executable.path): run `make moto` (make test does it)")
        }
        log = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw HardeningError("cannot create \(log.path)") }
        let handle = try FileHandle(forWritingTo: log)
        // A process started from a Swift concurrency thread inherits that thread's blocked signals,
        // and a server that cannot receive SIGTERM never stops: Python clears the mask first. Then
        // `timeout`, so a server whose test process crashed does not outlive it by long.
        process.executableURL = Self.python
        process.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); os.execv(sys.argv[1], sys.argv[1:])",
                             "/usr/bin/timeout", "-k", "5", "300", Self.executable.path, "-H", "127.0.0.1", "-p", "0"]
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()

        // Werkzeug prints " * Running on http://127.0.0.1:PORT" once the socket listens.
        for _ in 0..<300 {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = output.range(of: #"Running on http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
               let url = URL(string: String(output[range].dropFirst("Running on ".count))) {
                endpoint = url
                do {
                    credentials = try Self.issueKey(endpoint: url)
                } catch {
                    process.terminate()
                    throw error
                }
                return
            }
            guard process.isRunning else { throw HardeningError("moto_server exited early:\n\(output)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        throw HardeningError("moto_server did not start within 30 s:\n\((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    private static func issueKey(endpoint: URL) throws -> S3Credentials {
        let result = try RunningCommand(executable: python, arguments: ["-c", issueKeyScript, endpoint.absoluteString]).finish()
        let words = result.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        guard result.exitStatus == 0, words.count == 2 else { throw HardeningError("could not issue a moto access key:\n\(result.summary)") }
        return S3Credentials(accessKeyID: words[0], secretAccessKey: words[1], source: "moto's IAM")
    }

    /// A new, empty bucket (path-style, as self-hosted stores are addressed) and a client for it.
    func makeBucket(_ name: String = "site-\(UUID().uuidString.prefix(8).lowercased())") async throws -> S3Client {
        let client = S3Client(bucket: S3Bucket(name: name, region: "us-east-1", endpoint: endpoint, pathStyle: true), credentials: credentials)
        try await client.createBucket()
        return client
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }
}
