import ServiceLifecycle
import Synchronization

/// Stops a running preview from code the way Ctrl-C does: the watcher stops, event streams close,
/// the HTTP server finishes its requests, and `PreviewServer.run` returns.
public final class PreviewStopper: Sendable {
    private struct State {
        var group: ServiceGroup?
        var requested = false
    }

    private let state = Mutex(State())

    public init() {}

    /// Asks the server to stop; a stop asked for before the server started is kept and applied on start.
    public func stop() async {
        let group = state.withLock { state -> ServiceGroup? in
            state.requested = true
            return state.group
        }
        await group?.triggerGracefulShutdown()
    }

    func attach(_ group: ServiceGroup) async {
        let alreadyRequested = state.withLock { state -> Bool in
            state.group = group
            return state.requested
        }
        if alreadyRequested { await group.triggerGracefulShutdown() }
    }
}
