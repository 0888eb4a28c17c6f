import Foundation
import HostRules
import Hummingbird

/// Answers every request: the live-reload endpoints under /__crossroads/, and otherwise files from
/// the output folder (never anything outside it).
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let files: OutputFileResolver
    let status: StatusStore
    let events: EventBroadcaster

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var response = plain(.methodNotAllowed, "Only GET and HEAD are served.\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        let target = request.head.path ?? "/"
        let response = switch target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "" {
        case LiveReloadInjection.scriptPath:
            body(Data(LiveReloadScript.source(server: status.serverID, build: status.current.build).utf8), contentType: "text/javascript; charset=utf-8")
        case "/__crossroads/status": statusResponse()
        case "/__crossroads/events": eventStream()
        default: fileResponse(for: target)
        }
        return request.method == .head ? withoutBody(response) : response
    }

    private func fileResponse(for target: String) -> Response {
        switch files.resolve(RequestPath.parse(target)) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound() }
            return page(data, contentType: ContentTypes.forFile(named: path), status: .ok)
        case .redirectToFolder:
            let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let location = String(parts[0]) + "/" + (parts.count > 1 ? "?" + parts[1] : "")
            var response = plain(.found, "Moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .notFound:
            return notFound()
        }
    }

    /// The site's own 404.html with status 404; before any build has succeeded, a page that explains
    /// and still loads the live-reload script, so it shows the error overlay and reloads when fixed.
    private func notFound() -> Response {
        let notFoundPage = files.root.appendingPathComponent("404.html").path
        if let data = FileManager.default.contents(atPath: notFoundPage) {
            return page(data, contentType: "text/html; charset=utf-8", status: .notFound)
        }
        let waiting = status.current.build == 0
        let text = waiting
            ? "<!doctype html><html><head><meta charset=\"utf-8\"><title>Waiting for a build</title></head><body><p>The site has not built yet; fix the errors shown in the terminal.</p></body></html>"
            : "<!doctype html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Not found.</p></body></html>"
        return page(Data(text.utf8), contentType: "text/html; charset=utf-8", status: waiting ? .serviceUnavailable : .notFound)
    }

    private func page(_ data: Data, contentType: String, status: HTTPResponse.Status) -> Response {
        guard ContentTypes.isHTML(contentType) else { return body(data, contentType: contentType, status: status) }
        let html = LiveReloadInjection.inject(into: String(decoding: data, as: UTF8.self))
        return body(Data(html.utf8), contentType: contentType, status: status)
    }

    private func statusResponse() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // BuildStatus holds only strings and numbers, so encoding cannot fail; "{}" keeps the type honest.
        let data = (try? encoder.encode(StatusJSON(status.current))) ?? Data("{}".utf8)
        return body(data, contentType: "application/json; charset=utf-8")
    }

    private func eventStream() -> Response {
        let stream = events.subscribe()
        let current = status.current
        let serverID = status.serverID
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Reconnect quickly after a restart; then say who we are and any error still standing.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            try await writer.write(ByteBuffer(string: ServerEvent.hello(server: serverID, build: current.build).wireText))
            if let problems = current.error {
                try await writer.write(ByteBuffer(string: ServerEvent.error(problems).wireText))
            }
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.wireText))
            }
            try await writer.finish(nil)
        })
    }

    private func body(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentLength] = String(data.count)
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        body(Data(text.utf8), contentType: "text/plain; charset=utf-8", status: status)
    }

    private func withoutBody(_ response: Response) -> Response {
        Response(status: response.status, headers: response.headers, body: ResponseBody())
    }
}

/// /__crossroads/status always has an `error` key, null when the last build succeeded.
private struct StatusJSON: Encodable {
    let status: BuildStatus

    init(_ status: BuildStatus) { self.status = status }

    enum CodingKeys: String, CodingKey { case build, attempts, error }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status.build, forKey: .build)
        try container.encode(status.attempts, forKey: .attempts)
        try container.encode(status.error, forKey: .error)
    }
}
