import Foundation

/// A message pushed to browsers over /__crossroads/events.
enum ServerEvent: Sendable, Equatable {
    /// Sent first on every connection, so a page that missed a build while disconnected can catch up.
    case hello(server: String, build: Int)
    case reload(build: Int)
    /// Only stylesheets changed: the page swaps them in place.
    case css(build: Int)
    case error([BuildProblem])

    var name: String {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .css: "css"
        case .error: "error"
        }
    }

    /// The event in server-sent-events framing; the JSON payload is always one line.
    var wireText: String {
        "event: \(name)\ndata: \(payloadJSON)\n\n"
    }

    private var payloadJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch self {
        case .hello(let server, let build): data = try? encoder.encode(HelloPayload(server: server, build: build))
        case .reload(let build), .css(let build): data = try? encoder.encode(BuildPayload(build: build))
        case .error(let problems): data = try? encoder.encode(ErrorPayload(errors: problems))
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private struct HelloPayload: Encodable { var server: String; var build: Int }
    private struct BuildPayload: Encodable { var build: Int }
    private struct ErrorPayload: Encodable { var errors: [BuildProblem] }
}
