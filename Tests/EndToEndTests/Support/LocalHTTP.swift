import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal blocking HTTP/1.1 client for servers on 127.0.0.1 (chromedriver).
///
/// Not URLSession: chromedriver writes headers without a space after the colon
/// (`Content-Length:249`), which swift-corelibs-foundation's URLSession rejects with
/// "Failed writing header". One request per connection (`Connection: close`).
enum LocalHTTP {
    struct Response {
        var status: Int
        var body: Data
    }

    static func send(_ method: String, port: Int, path: String, body: Data? = nil, timeoutSeconds: Int = 120) throws -> Response {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw SupportError("socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        // A bound on every read, so a stuck browser fails the test instead of hanging it.
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw SupportError("cannot connect to 127.0.0.1:\(port): errno \(errno)") }

        let payload = body ?? Data()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nAccept: application/json\r\n"
        if body != nil { head += "Content-Type: application/json; charset=utf-8\r\n" }
        head += "Content-Length: \(payload.count)\r\n\r\n"
        let request = Data(head.utf8) + payload
        try request.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < buffer.count {
                let written = Glibc.send(descriptor, buffer.baseAddress!.advanced(by: sent), buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard written > 0 else { throw SupportError("send to 127.0.0.1:\(port) failed: errno \(errno)") }
                sent += written
            }
        }

        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw SupportError("no answer from 127.0.0.1:\(port)\(path) (errno \(errno))") }
            received.append(contentsOf: chunk[0..<count])
            if let response = complete(received) { return response }
        }
        guard let response = complete(received) ?? parse(received, requireLength: false) else {
            throw SupportError("malformed HTTP answer from 127.0.0.1:\(port)\(path)")
        }
        return response
    }

    /// The response once headers and `Content-Length` bytes of body have arrived.
    private static func complete(_ data: Data) -> Response? {
        parse(data, requireLength: true)
    }

    private static func parse(_ data: Data, requireLength: Bool) -> Response? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[data.startIndex..<split.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/"),
              let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") else { return nil }
        let body = data[split.upperBound...]
        let length = lines.dropFirst().compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first
        if let length {
            guard body.count >= length else { return nil }
            return Response(status: status, body: Data(body.prefix(length)))
        }
        return requireLength ? nil : Response(status: status, body: Data(body))
    }
}
