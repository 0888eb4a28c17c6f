import Foundation
import TestSupport
import XCTest
@testable import S3Storage

/// Credentials come from the standard AWS variables or the shared credentials file, and nothing
/// that describes them (or an error about them) ever shows the secret.
final class S3CredentialsTests: XCTestCase {
    private let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    func testEnvironmentVariablesComeFirst() throws {
        let home = try ScratchFolder("aws-home")
        defer { home.remove() }
        try home.write(".aws/credentials", "[default]\naws_access_key_id = FROMFILE\naws_secret_access_key = file-secret\n")
        let credentials = try S3Credentials.resolve(environment: [
            "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": "token-123",
        ], homeFolder: home.url)
        XCTAssertEqual(credentials.accessKeyID, "AKIAIOSFODNN7EXAMPLE")
        XCTAssertEqual(credentials.secretAccessKey, secret)
        XCTAssertEqual(credentials.sessionToken, "token-123")
        assertNothingShows(credentials)
    }

    func testSharedFileProfileChosenByAWSProfile() throws {
        let home = try ScratchFolder("aws-home")
        defer { home.remove() }
        try home.write(".aws/credentials", """
            # comment
            [default]
            aws_access_key_id = DEFAULTKEY
            aws_secret_access_key = default-secret

            [publish]
            aws_access_key_id=PUBLISHKEY
            ; another comment
            aws_secret_access_key=\(secret)
            aws_session_token = session
            """)
        let fallback = try S3Credentials.resolve(environment: [:], homeFolder: home.url)
        XCTAssertEqual(fallback.accessKeyID, "DEFAULTKEY")
        let chosen = try S3Credentials.resolve(environment: ["AWS_PROFILE": "publish"], homeFolder: home.url)
        XCTAssertEqual(chosen.accessKeyID, "PUBLISHKEY")
        XCTAssertEqual(chosen.secretAccessKey, secret)
        XCTAssertEqual(chosen.sessionToken, "session")
        XCTAssertTrue(chosen.description.contains("profile [publish]"), chosen.description)
        assertNothingShows(chosen)
    }

    func testSharedCredentialsFileVariableNamesTheFile() throws {
        let folder = try ScratchFolder("aws-file")
        defer { folder.remove() }
        try folder.write("creds.ini", "[ci]\naws_access_key_id = CIKEY\naws_secret_access_key = \(secret)\n")
        let file = folder.url.appendingPathComponent("creds.ini").path
        let credentials = try S3Credentials.resolve(environment: ["AWS_SHARED_CREDENTIALS_FILE": file, "AWS_PROFILE": "ci"], homeFolder: folder.url)
        XCTAssertEqual(credentials.accessKeyID, "CIKEY")
    }

    /// Each way of having no usable credentials says what to set or write, and shows no secret.
    func testMissingCredentialsSayWhatToDo() throws {
        let home = try ScratchFolder("aws-home")
        defer { home.remove() }
        XCTAssertThrowsError(try S3Credentials.resolve(environment: [:], homeFolder: home.url)) { error in
            XCTAssertTrue("\(error)".contains("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), "\(error)")
            XCTAssertTrue("\(error)".contains(".aws/credentials"), "\(error)")
        }
        XCTAssertThrowsError(try S3Credentials.resolve(environment: ["AWS_SECRET_ACCESS_KEY": secret], homeFolder: home.url)) { error in
            XCTAssertTrue("\(error)".contains("AWS_ACCESS_KEY_ID is not"), "\(error)")
            XCTAssertFalse("\(error)".contains(secret))
        }
        try home.write(".aws/credentials", "[default]\naws_access_key_id = KEY\n\n[other]\naws_secret_access_key = \(secret)\n")
        XCTAssertThrowsError(try S3Credentials.resolve(environment: [:], homeFolder: home.url)) { error in
            XCTAssertTrue("\(error)".contains("credentials:1: profile [default] has no aws_secret_access_key"), "\(error)")
        }
        XCTAssertThrowsError(try S3Credentials.resolve(environment: ["AWS_PROFILE": "missing"], homeFolder: home.url)) { error in
            XCTAssertTrue("\(error)".contains("has no profile [missing] (it has [default], [other])"), "\(error)")
            XCTAssertFalse("\(error)".contains(secret))
        }
    }

    private func assertNothingShows(_ credentials: S3Credentials, file: StaticString = #filePath, line: UInt = #line) {
        var dumped = ""
        dump(credentials, to: &dumped)
        let client = S3Client(bucket: S3Bucket(name: "b", region: "us-east-1"), credentials: credentials)
        var dumpedClient = ""
        dump(client, to: &dumpedClient)
        for shown in [credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials), dumped,
                      "\(client)", dumpedClient] {
            XCTAssertFalse(shown.contains(secret), shown, file: file, line: line)
            XCTAssertFalse(shown.contains("token-123") || shown.contains("session\""), shown, file: file, line: line)
        }
    }
}
