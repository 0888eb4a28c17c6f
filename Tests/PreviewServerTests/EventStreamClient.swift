import Foundation

/// Reads server-sent events from /__crossroads/events as they arrive.
final class EventStreamClient: @unchecked Sendable {  // used by one thread at a time
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let connection: SocketConnection
    private let chunked: Bool
    private var pendingText = ""

    init(port: Int) throws {
        connection = try SocketConnection(port: port)
        try connection.send("GET /__crossroads/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let head = try connection.readHead()
        guard head.status == 200, head.headers["content-type"]?.hasPrefix("text/event-stream") == true else {
            throw TestFailure("event stream answered \(head.status) \(head.headers)")
        }
        chunked = head.headers["transfer-encoding"]?.lowercased() == "chunked"
    }

    /// The next complete event (comments and `retry:` lines skipped).
    func next() throws -> Event {
        while true {
            if let end = pendingText.range(of: "\n\n") {
                let block = String(pendingText[..<end.lowerBound])
                pendingText.removeSubrange(..<end.upperBound)
                var name = "message"
                var data: [String] = []
                for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("event:") { name = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                    if line.hasPrefix("data:") { data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces)) }
                }
                if !data.isEmpty { return Event(name: name, data: data.joined(separator: "\n")) }
                continue
            }
            pendingText += try readMore()
        }
    }

    /// Skips events until one with this name arrives.
    func next(named name: String) throws -> Event {
        while true {
            let event = try next()
            if event.name == name { return event }
        }
    }

    private func readMore() throws -> String {
        if chunked {
            guard let sizeLine = try connection.readLine(), let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
                throw TestFailure("bad chunk header")
            }
            if size == 0 { throw TestFailure("event stream ended") }
            let bytes = try connection.readBytes(size)
            _ = try connection.readLine()
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let line = try connection.readLine() else { throw TestFailure("event stream ended") }
        return line + "\n"
    }
}
