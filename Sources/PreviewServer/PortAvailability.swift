import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why `crossroads serve` could not start.
public enum PreviewServerError: Error, Sendable, Equatable, CustomStringConvertible {
    case portInUse(host: String, port: Int)
    case cannotResolveHost(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            "error: port \(port) on \(host) is already in use (another `crossroads serve` or another server?)\n  fix: pass a free port, such as --port \(port == 65535 ? 1314 : port + 1)"
        case .cannotResolveHost(let host):
            "error: cannot listen on host \"\(host)\": it is not an address of this machine\n  fix: leave --host out to use 127.0.0.1"
        }
    }
}

/// Checks that the port can be bound before the build starts, so the user learns of a clash at once
/// and with a clear message instead of a socket error after the build.
enum PortAvailability {
    static func check(host: String, port: Int) throws {
        guard port != 0 else { return }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let bareHost = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(bareHost, String(port), &hints, &found) == 0, let first = found else {
            throw PreviewServerError.cannotResolveHost(host)
        }
        defer { freeaddrinfo(first) }
        // The server binds the first address, with SO_REUSEADDR like it does.
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        if bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 {
            if errno == EADDRINUSE { throw PreviewServerError.portInUse(host: host, port: port) }
            if errno == EADDRNOTAVAIL { throw PreviewServerError.cannotResolveHost(host) }
        }
    }
}
