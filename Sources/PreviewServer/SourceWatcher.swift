import Foundation

/// Scans the sources every `pollInterval`; after a change it looks again every `quietPeriod` and
/// reports everything changed so far once a scan finds nothing new, so a burst of saves (an editor
/// writing several files, a git checkout) becomes one rebuild.
struct SourceWatcher: Sendable {
    let site: URL
    let pollInterval: Duration
    let quietPeriod: Duration

    /// Runs until the task is cancelled, calling `onChange` with each settled batch of site-relative paths.
    func run(onChange: @Sendable (Set<String>) async -> Void) async {
        var last = SourceSnapshot.take(of: site)
        var unreported: Set<String> = []
        while !Task.isCancelled {
            // Once something changed, look again after the quiet period rather than a full interval.
            do { try await Task.sleep(for: unreported.isEmpty ? pollInterval : quietPeriod) } catch { return }
            let now = SourceSnapshot.take(of: site)
            let changed = now.changes(since: last)
            last = now
            unreported.formUnion(changed)
            if !unreported.isEmpty && changed.isEmpty {
                let batch = unreported
                unreported = []
                await onChange(batch)
            }
        }
    }
}
