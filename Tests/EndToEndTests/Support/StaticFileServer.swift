import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Serves a folder over HTTP/1.0 on 127.0.0.1 (GET and HEAD, one request per connection, each
/// connection on its own thread) for as long as the value lives; enough for a browser to load a
/// built site, nothing more.
///
/// Like a static host it can publish the folder under a sub-path (`mountedAt: "/guides/"`) and
/// answer every missing address with the site's own `404.html` (`notFoundPage`), status 404,
/// whatever the depth of the address: what GitHub Pages, Netlify or S3 do.
final class StaticFileServer: Sendable {
    let port: Int
    private let descriptor: Int32

    /// The address of the folder's root: `http://127.0.0.1:<port>/` plus the mount path.
    let rootURL: String

    /// One answered request: the path asked for (without query) and the status given.
    struct Request: Sendable, Equatable {
        var path: String
        var status: Int
    }

    private let log = RequestLog()

    /// Every request answered so far, in order.
    var requests: [Request] { log.entries.withLock { $0 } }

    private final class RequestLog: Sendable {
        let entries = Mutex<[Request]>([])
    }

    init(serving folder: URL, mountedAt mount: String = "/", notFoundPage: String? = nil) throws {
        #if canImport(Glibc)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let listener = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard listener >= 0 else { throw SupportError("socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        guard bound == 0, named == 0, listen(listener, 16) == 0 else {
            close(listener)
            throw SupportError("cannot listen on 127.0.0.1: errno \(errno)")
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        descriptor = listener
        let prefix = "/" + mount.split(separator: "/").joined(separator: "/")
        let site = Site(root: folder.standardizedFileURL.path, prefix: prefix == "/" ? "" : prefix, notFoundPage: notFoundPage)
        rootURL = "http://127.0.0.1:\(port)\(site.prefix)/"
        let log = self.log
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return } // the listener was closed
                // Each connection on its own thread: Chromium opens sockets before it needs them
                // and may leave one idle, and a server that reads one connection at a time waits on
                // that socket while every other request queues behind it (a sandboxed frame's page
                // stalled for one to two minutes before this).
                Thread.detachNewThread {
                    var timeout = timeval(tv_sec: Self.idleSeconds, tv_usec: 0)
                    setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                    Self.answer(connection, site: site, log: log)
                    close(connection)
                }
            }
        }
    }

    /// How long a connection may stay silent before the server closes it without an answer.
    private static let idleSeconds = 60

    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    private struct Site: Sendable {
        let root: String
        /// The mount path without its final slash ("" at the host's root).
        let prefix: String
        let notFoundPage: String?
    }

    /// Answers the request read from `connection`, logged before the answer is sent (so a client
    /// that has its answer finds it in `requests`); nothing, when the connection closed or stayed
    /// silent without sending one (an unused preconnected socket).
    private static func answer(_ connection: Int32, site: Site, log: RequestLog) {
        var request = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.ends(with: Array("\r\n\r\n".utf8)) && request.count < 65_536 {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { break }
            request += buffer[0..<count]
        }
        guard !request.isEmpty else { return }
        let line = String(decoding: request.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
        let method = line.first.map(String.init) ?? "GET"
        let target = line.count > 1 ? String(line[1].prefix { $0 != "?" && $0 != "#" }) : "/"
        let decoded = target.removingPercentEncoding ?? target
        var status = "200 OK"
        var file: URL?
        if decoded.hasPrefix(site.prefix + "/") {
            let inside = String(decoded.dropFirst(site.prefix.count))
            let candidate = URL(fileURLWithPath: site.root + inside + (inside.hasSuffix("/") ? "index.html" : "")).standardizedFileURL
            if candidate.path.hasPrefix(site.root + "/"), isFile(candidate.path) { file = candidate }
        }
        if file == nil {
            status = "404 Not Found"
            file = site.notFoundPage.map { URL(fileURLWithPath: site.root + "/" + $0) }
        }
        let body: Data
        let type: String
        if let file, let data = FileManager.default.contents(atPath: file.path) {
            body = data
            type = contentType(of: file)
        } else {
            body = Data("not found".utf8)
            type = "text/plain"
        }
        let head = "HTTP/1.0 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Data(head.utf8) + (method == "HEAD" ? Data() : body)
        log.entries.withLock { $0.append(Request(path: target, status: Int(status.prefix(3)) ?? 0)) }
        response.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return }
            var sent = 0
            while sent < bytes.count {
                let count = write(connection, start + sent, bytes.count - sent)
                guard count > 0 else { return }
                sent += count
            }
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
    }

    private static func contentType(of file: URL) -> String {
        switch file.pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "xml": "application/xml"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool { count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix }
}
