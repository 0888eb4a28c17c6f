import Foundation
import Synchronization


/// Hands every server event to every connected browser.
final class EventBroadcaster: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<ServerEvent>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// A stream of the events broadcast from now on; it ends when the server shuts down.
    func subscribe() -> AsyncStream<ServerEvent> {
        let (stream, continuation) = AsyncStream<ServerEvent>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        let accepted = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.subscribers[id] = continuation
            return true
        }
        if !accepted { continuation.finish() }
        return stream
    }

    func broadcast(_ event: ServerEvent) {
        let current = state.withLock { Array($0.subscribers.values) }
        for continuation in current { continuation.yield(event) }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every open event stream, so graceful shutdown does not wait on browsers that never hang up.
    func closeAll() {
        let current = state.withLock { state -> [AsyncStream<ServerEvent>.Continuation] in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for continuation in current { continuation.finish() }
    }
}
