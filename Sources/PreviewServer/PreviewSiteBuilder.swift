import Foundation
import SiteBuilder
import Synchronization

/// Builds the preview site into the output folder.
///
/// This is the seam for SiteBuilder's incremental builder: it is told which source files changed
/// (site-relative paths such as `content/pitfalls/x.md`) so an implementation can re-render only
/// what depends on them. It must leave the previous output in place when it throws.
public protocol PreviewSiteBuilder: Sendable {
    /// - Parameter changedPaths: the sources that changed since the last call, or nil to build everything.
    /// - Returns: a one-line summary for the terminal.
    func build(changedPaths: Set<String>?) throws -> String
}

/// Rebuilds the whole site every time, through `SiteBuild.build` (atomic swap of the output).
public struct FullSiteBuilder: PreviewSiteBuilder {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build(changedPaths: Set<String>?) throws -> String {
        try SiteBuild.build(options).summaryLine
    }
}

/// Rebuilds through SiteBuilder's `IncrementalBuilder`: only pages whose inputs changed are
/// re-rendered, and only files whose bytes changed are rewritten, in place in the private output.
public final class IncrementalSiteBuilder: PreviewSiteBuilder {
    // `IncrementalBuilder` keeps state between builds and is not thread-safe; the mutex makes every
    // call exclusive (the rebuild coordinator already never overlaps them).
    private let builder: Mutex<IncrementalBuilder>

    public init(options: BuildOptions) {
        builder = Mutex(IncrementalBuilder(options: options))
    }

    public func build(changedPaths: Set<String>?) throws -> String {
        let report = try builder.withLock { try $0.build(changedPaths: changedPaths) }
        return String(format: "Built %d pages (%d re-rendered), %d files changed in %.2f s",
                      report.pages, report.renderedPages, report.changedFiles.count, report.seconds)
    }
}
