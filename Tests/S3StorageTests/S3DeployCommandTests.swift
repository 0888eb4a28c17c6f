import Crypto
import Foundation
@testable import S3Storage
import TestSupport
import XCTest

/// The real `crossroads deploy` against a real S3 protocol server (moto on 127.0.0.1, checking
/// every signature): only changed files go up, removed pages go away, `--max-deletes` holds,
/// headers are the documented ones, aliases become website redirects, and no output ever shows
/// the secret key.
final class S3DeployCommandTests: XCTestCase {
    private var moto: MotoServer!
    private var scratch: ScratchFolder!
    private var site: URL { scratch.url.appendingPathComponent("site") }
    private var output: URL { scratch.url.appendingPathComponent("public") }
    private let prefix = "guides/"

    override func setUpWithError() throws {
        moto = try MotoServer()
        scratch = try ScratchFolder("s3-deploy")
        let created = try CrossroadsCLI.run(["new", site.path])
        XCTAssertEqual(created.exitStatus, 0, created.summary)
    }

    override func tearDown() {
        moto?.stop()
        scratch?.remove()
    }

    /// The environment of a user with these credentials (and no other AWS settings, nor a home
    /// folder holding a credentials file).
    private func environment(secret: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = scratch.url.path
        environment["AWS_ACCESS_KEY_ID"] = moto.credentials.accessKeyID
        environment["AWS_SECRET_ACCESS_KEY"] = secret ?? moto.credentials.secretAccessKey
        return environment.merging(extra) { _, new in new }
    }

    private func deploy(_ arguments: [String] = [], environment: [String: String]? = nil) throws -> CommandResult {
        let result = try CrossroadsCLI.run(["deploy", "bucket", "--source", site.path, "--output", output.path] + arguments,
                                           environment: environment ?? self.environment())
        for shown in [result.stdout, result.stderr] {
            XCTAssertFalse(shown.contains(moto.credentials.secretAccessKey), "the secret key was printed:\n\(result.summary)")
        }
        return result
    }

    private func configure(bucket: String) throws {
        let config = site.appendingPathComponent("site.yml")
        var text = try String(contentsOf: config, encoding: .utf8)
        text += """

            host: [s3]
            deploy:
              bucket: {url: "s3://\(bucket)/\(prefix)", endpoint: "\(moto.endpoint.absoluteString)", region: us-east-1, path_style: true}

            """
        try text.write(to: config, atomically: true, encoding: .utf8)
    }

    private func edit(_ page: String, _ change: (String) -> String) throws {
        let file = site.appendingPathComponent(page)
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    private func addPage(_ slug: String) throws {
        try "---\ntitle: \"Extra page \(slug)\"\nkind: pitfall\nsummary: \"A page the test adds and removes.\"\n---\nText of \(slug).\n"
            .write(to: site.appendingPathComponent("content/pitfalls/\(slug).md"), atomically: true, encoding: .utf8)
    }

    /// The built files a deploy publishes, by key, with their MD5s.
    private func localMD5s() -> [String: String] {
        FolderSnapshot(output).files.filter { $0.key != ".crossroads-output" }
            .mapValues { Insecure.MD5.hash(data: $0).map { String(format: "%02x", $0) }.joined() }
    }

    private func uploadedCount(_ result: CommandResult) -> Int? {
        guard let range = result.stdout.range(of: #"[0-9]+ uploaded"#, options: .regularExpression) else { return nil }
        return Int(result.stdout[range].prefix { $0.isNumber })
    }

    func testDeployUploadsOnlyWhatChangedDeletesWhatIsGoneAndSetsHeaders() async throws {
        let client = try await moto.makeBucket()
        let remote = RemoteSite(client: client, prefix: prefix)
        try configure(bucket: client.bucket.name)
        try edit("content/pitfalls/no-training.md") { $0.replacingOccurrences(of: "weight: 10\n", with: "weight: 10\naliases: [old/no-training/]\n") }
        // Pages no other page names, so removing them later leaves a site that builds.
        for number in 1...4 { try addPage("extra-\(number)") }

        // First deploy: the bucket holds exactly the built site.
        let first = try deploy()
        XCTAssertEqual(first.exitStatus, 0, first.summary)
        let built = localMD5s()
        var stored = try await remote.etags()
        XCTAssertEqual(stored, built, "the bucket holds the built site, byte for byte")

        // Headers as documented in docs/publishing.md, one object of each kind.
        let page = try await client.head(key: prefix + "pitfalls/no-training/index.html")
        XCTAssertEqual(page?["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(page?["cache-control"], "public, no-cache, must-revalidate")
        let hashed = try XCTUnwrap(built.keys.first { $0.hasSuffix(".css") && $0.split(separator: ".").count >= 3 }, "a hashed stylesheet")
        let stylesheet = try await client.head(key: prefix + hashed)
        XCTAssertEqual(stylesheet?["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(stylesheet?["cache-control"], "public, max-age=31536000, immutable")
        let other = try XCTUnwrap(built.keys.first { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }, "a feed, sitemap or index")
        let plain = try await client.head(key: prefix + other)
        XCTAssertEqual(plain?["cache-control"], "public, max-age=300")
        // The alias is a website-redirect object to the page under the prefix.
        let alias = try await client.head(key: prefix + "old/no-training/index.html")
        XCTAssertEqual(alias?["x-amz-website-redirect-location"], "/guides/pitfalls/no-training/")

        // Second deploy of the same site: nothing goes up.
        let second = try deploy()
        XCTAssertEqual(second.exitStatus, 0, second.summary)
        XCTAssertEqual(uploadedCount(second), 0, second.summary)

        // A one-page edit: exactly the files whose bytes changed go up.
        try edit("content/pitfalls/less-hands-on.md") { $0 + "\n\nOne more paragraph, written for the deploy test.\n" }
        let planned = try deploy(["--dry-run"])
        XCTAssertEqual(planned.exitStatus, 0, planned.summary)
        let changed = Set(localMD5s().filter { built[$0.key] != $0.value }.keys)
        XCTAssertTrue(changed.contains("pitfalls/less-hands-on/index.html"), "\(changed)")
        XCTAssertLessThan(changed.count, built.count / 2, "a one-page edit changes a few files, not the site")
        let plannedKeys = Set(planned.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("upload ") else { return nil }
            return line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first.map(String.init)
        })
        XCTAssertEqual(plannedKeys, changed, planned.stdout)
        let edited = try deploy()
        XCTAssertEqual(edited.exitStatus, 0, edited.summary)
        XCTAssertEqual(uploadedCount(edited), changed.count, edited.summary)
        stored = try await remote.etags()
        XCTAssertEqual(stored, localMD5s())

        // A removed page is deleted from the bucket.
        XCTAssertNotNil(stored["pitfalls/extra-1/index.html"])
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/pitfalls/extra-1.md"))
        let removed = try deploy()
        XCTAssertEqual(removed.exitStatus, 0, removed.summary)
        stored = try await remote.etags()
        XCTAssertNil(stored["pitfalls/extra-1/index.html"])
        XCTAssertEqual(stored, localMD5s())

        // A mass deletion past --max-deletes stops before anything changes.
        for number in 2...4 {
            try FileManager.default.removeItem(at: site.appendingPathComponent("content/pitfalls/extra-\(number).md"))
        }
        let refused = try deploy(["--max-deletes", "2"])
        XCTAssertNotEqual(refused.exitStatus, 0, refused.summary)
        XCTAssertTrue(refused.stderr.contains("--max-deletes 2"), refused.summary)
        let untouched = try await remote.etags()
        XCTAssertEqual(untouched, stored, "nothing was uploaded or deleted")
    }

    /// A deploy S3 refuses says why and what to do, and never prints the secret it was given;
    /// the shared credentials file works as the AWS tools read it.
    func testRefusedDeployNamesTheProblemButNeverTheSecret() async throws {
        let client = try await moto.makeBucket()
        try configure(bucket: client.bucket.name)
        let wrongSecret = "Wrong+Secret/Of-Forty-Characters-1234567"
        let refused = try deploy(environment: environment(secret: wrongSecret))
        XCTAssertNotEqual(refused.exitStatus, 0, refused.summary)
        XCTAssertTrue(refused.stderr.contains("HTTP 403 SignatureDoesNotMatch"), refused.summary)
        XCTAssertTrue(refused.stderr.contains("AWS_SECRET_ACCESS_KEY"), refused.summary)
        XCTAssertFalse((refused.stdout + refused.stderr).contains(wrongSecret), refused.summary)
        XCTAssertFalse((refused.stdout + refused.stderr).contains("Wrong+Secret"), refused.summary)

        // The same keys in a profile of ~/.aws/credentials, chosen with AWS_PROFILE.
        try scratch.write(".aws/credentials", "[default]\naws_access_key_id = AKIAOTHER0000000000\naws_secret_access_key = \(wrongSecret)\n\n"
                          + "[publish]\naws_access_key_id = \(moto.credentials.accessKeyID)\naws_secret_access_key = \(moto.credentials.secretAccessKey)\n")
        var fromFile = environment().filter { !$0.key.hasPrefix("AWS_") }
        fromFile["AWS_PROFILE"] = "publish"
        let deployed = try deploy(environment: fromFile)
        XCTAssertEqual(deployed.exitStatus, 0, deployed.summary)
        let stored = try await RemoteSite(client: client, prefix: prefix).etags()
        XCTAssertEqual(stored, localMD5s())
    }
}
