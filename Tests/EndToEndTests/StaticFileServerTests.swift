import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The test server the browser tests load sites from.
final class StaticFileServerTests: XCTestCase {
    /// Chromium opens sockets before it needs them and can leave one open without a request; a
    /// server that reads one connection at a time then keeps every other request waiting (the
    /// sandboxed-frame tests stalled for one to two minutes on a quiet machine).
    func testARequestIsAnsweredWhileAnotherConnectionStaysSilent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crossroads-served-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("<p>served</p>".utf8).write(to: folder.appendingPathComponent("index.html"))
        let server = try StaticFileServer(serving: folder)
        defer { server.stop() }

        let silent = try Self.connect(to: server.port)
        defer { close(silent) }
        // The bound only keeps a stalled server from hanging the test; the answer itself is instant.
        let response = try LocalHTTP.send("GET", port: server.port, path: "/", timeoutSeconds: 20)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "<p>served</p>")
        XCTAssertEqual(server.requests, [StaticFileServer.Request(path: "/", status: 200)],
                       "the request is in the log once it is answered")
    }

    /// A connected socket that sends nothing.
    private static func connect(to port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SupportError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw SupportError("cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }
        return descriptor
    }
}
