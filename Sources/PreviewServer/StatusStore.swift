import Foundation
import Synchronization


/// The current build status, shared by the rebuilder (writer) and the HTTP handlers (readers).
final class StatusStore: Sendable {
    /// Differs between server runs, so a page open across a restart knows to reload.
    let serverID = UUID().uuidString
    private let status = Mutex(BuildStatus())

    var current: BuildStatus { status.withLock { $0 } }

    func recordSuccess() -> BuildStatus {
        status.withLock { status in
            status.build += 1
            status.attempts += 1
            status.error = nil
            return status
        }
    }

    func recordFailure(_ problems: [BuildProblem]) -> BuildStatus {
        status.withLock { status in
            status.attempts += 1
            status.error = problems
            return status
        }
    }
}
