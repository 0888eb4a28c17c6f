import Dispatch
import Foundation

/// The one owner of rebuilding: builds run one at a time, and any changes that arrive while a build
/// runs are merged into exactly one follow-up build.
actor RebuildCoordinator {
    private let builder: any PreviewSiteBuilder
    private let status: StatusStore
    private let events: EventBroadcaster
    private let log: @Sendable (String) -> Void
    /// Changes not yet built; nil when there are none.
    private var pending: Set<String>?
    private var needsFullBuild = false
    private var draining: Task<Void, Never>?

    init(builder: any PreviewSiteBuilder, status: StatusStore, events: EventBroadcaster, log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        self.status = status
        self.events = events
        self.log = log
    }

    /// Queues a rebuild for these site-relative paths and returns at once.
    func request(changes: Set<String>) {
        pending = (pending ?? []).union(changes)
        startDrainingIfIdle()
    }

    /// Builds everything and waits for it (the first build, before the server starts).
    func buildEverything() async {
        needsFullBuild = true
        pending = pending ?? []
        startDrainingIfIdle()
        await waitUntilIdle()
    }

    func waitUntilIdle() async {
        while let current = draining { await current.value }
    }

    private func startDrainingIfIdle() {
        guard draining == nil else { return }
        draining = Task { await self.drain() }
    }

    private func drain() async {
        while let batch = pending {
            pending = nil
            let full = needsFullBuild
            needsFullBuild = false
            await runBuild(changes: full ? nil : batch)
        }
        draining = nil
    }

    private func runBuild(changes: Set<String>?) async {
        let builder = self.builder
        // The build blocks a thread for its whole run; keep it off Swift's small cooperative pool.
        let outcome: Result<String, any Error> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try builder.build(changedPaths: changes) })
            }
        }
        let hadError = status.current.error != nil
        switch outcome {
        case .success(let summary):
            let now = status.recordSuccess()
            if let changes {
                log("Rebuilt after \(Self.describe(changes)): \(summary)")
                let onlyStylesheets = !changes.isEmpty && changes.allSatisfy { $0.hasSuffix(".css") }
                events.broadcast(onlyStylesheets && !hadError ? .css(build: now.build) : .reload(build: now.build))
            } else {
                log(summary)
                if now.build > 1 || hadError { events.broadcast(.reload(build: now.build)) }
            }
        case .failure(let error):
            let problems = BuildProblem.all(from: error)
            _ = status.recordFailure(problems)
            log(problems.map(\.terminalText).joined(separator: "\n")
                + "\nBuild failed; still serving the last good build. Fix the file and save to rebuild.")
            events.broadcast(.error(problems))
        }
    }

    private static func describe(_ changes: Set<String>) -> String {
        let sorted = changes.sorted()
        if sorted.count <= 3 { return sorted.joined(separator: ", ") }
        return sorted.prefix(3).joined(separator: ", ") + " and \(sorted.count - 3) more"
    }
}

extension BuildProblem {
    /// `file:line:column: error: message`, the form editors and terminals turn into links.
    var terminalText: String {
        var location = file.isEmpty ? "crossroads" : file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        var text = "\(location): error: \(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}
