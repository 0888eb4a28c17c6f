import Foundation
import PreviewServer
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class StartupTests: XCTestCase {
    func testAPortAlreadyInUseGivesAClearErrorSuggestingPort() async throws {
        let listener = try Listener()
        defer { listener.close() }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("preview-port-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let server = PreviewServer(configuration: PreviewConfiguration(source: site, port: listener.port), log: { _ in })
        do {
            try await server.run(handleSignals: false)
            XCTFail("the server started on a port that was taken")
        } catch let error as PreviewServerError {
            XCTAssertEqual(error, .portInUse(host: "127.0.0.1", port: listener.port))
            XCTAssertTrue(error.description.contains("already in use"))
            XCTAssertTrue(error.description.contains("--port"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.path), "nothing built before the port check")
    }

    func testTheDefaultOutputIsOutsideTheSiteAndNotPublic() {
        let site = URL(fileURLWithPath: "/srv/guides")
        let output = PreviewConfiguration(source: site).output
        XCTAssertFalse(output.path.hasPrefix(site.path + "/"))
        XCTAssertTrue(output.path.hasPrefix(FileManager.default.temporaryDirectory.standardizedFileURL.path))
        XCTAssertEqual(output, PreviewConfiguration(source: site).output, "stable for one site")
        XCTAssertNotEqual(output, PreviewConfiguration(source: URL(fileURLWithPath: "/srv/other")).output)
        XCTAssertNotEqual(output, PreviewConfiguration(source: site, port: 1314).output, "two ports, two folders")
    }

    func testOnlyLoopbackHostsCountAsLocal() {
        let site = URL(fileURLWithPath: "/srv/guides")
        XCTAssertTrue(PreviewConfiguration(source: site).isLoopbackOnly)
        XCTAssertTrue(PreviewConfiguration(source: site, host: "localhost").isLoopbackOnly)
        XCTAssertFalse(PreviewConfiguration(source: site, host: "0.0.0.0").isLoopbackOnly)
    }
}

/// A socket listening on a free port of 127.0.0.1.
private final class Listener {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 1) == 0 else { throw TestFailure("cannot listen") }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    func close() { Glibc.close(descriptor) }
}
