import Foundation

/// Drives any destination through a plan in the plan's order: uploads, then deletions (refused
/// past `maxDeletes` unless forced, before anything is written), then `finish`.
public struct DeployExecutor: Sendable {
    /// A step of a running deploy, for a progress line.
    public enum Progress: Sendable, Equatable {
        case uploaded(key: String, done: Int, of: Int)
        case deleted(count: Int)
        case finishing
    }

    public var maxDeletes: Int
    public var force: Bool

    public static let defaultMaxDeletes = 256

    public init(maxDeletes: Int = defaultMaxDeletes, force: Bool = false) {
        self.maxDeletes = maxDeletes
        self.force = force
    }

    /// Checks the plan against the deletion limit without touching the destination.
    public func check(_ plan: DeployPlan, destination: any DeployDestination) throws(DeployError) {
        if !force, plan.deletions.count > maxDeletes {
            throw .tooManyDeletions(count: plan.deletions.count, limit: maxDeletes, destination: destination.description)
        }
    }

    @discardableResult
    public func run(_ plan: DeployPlan, on destination: any DeployDestination,
                    progress: (@Sendable (Progress) -> Void)? = nil) async throws -> DeploySummary {
        try check(plan, destination: destination)
        var bytes = 0
        for (index, upload) in plan.uploads.enumerated() {
            try await destination.upload(upload)
            bytes += upload.size
            progress?(.uploaded(key: upload.key, done: index + 1, of: plan.uploads.count))
        }
        if !plan.deletions.isEmpty {
            try await destination.delete(plan.deletions)
            progress?(.deleted(count: plan.deletions.count))
        }
        let summary = DeploySummary(uploaded: plan.uploads.count, deleted: plan.deletions.count, unchanged: plan.unchanged, bytes: bytes)
        progress?(.finishing)
        try await destination.finish(summary: summary)
        return summary
    }

    /// Lists the destination, plans against the local site, and runs the plan (or, for a dry
    /// run, only plans: nothing is written, and the caller reports the deletion limit). The usual entry point.
    @discardableResult
    public func deploy(_ local: LocalSite, to destination: any DeployDestination, dryRun: Bool = false,
                       progress: (@Sendable (Progress) -> Void)? = nil) async throws -> (plan: DeployPlan, summary: DeploySummary?) {
        let plan = DeployPlan(local: local, remote: try await destination.listing())
        // A dry run shows the plan even past the deletion limit; the caller says it would stop.
        if dryRun { return (plan, nil) }
        return (plan, try await run(plan, on: destination, progress: progress))
    }
}
