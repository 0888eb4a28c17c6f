import Foundation

/// Reports changed sources, in settled batches: after a change it waits until `quietPeriod`
/// passes without another, so a burst of saves (an editor writing several files, a git checkout)
/// becomes one rebuild.
///
/// Where the system has file notifications (Linux), a save is seen the moment it happens and the
/// folders are scanned only every `scanInterval` as a safety net; elsewhere the sources are
/// scanned every `pollInterval` (one `stat` per file).
struct SourceWatcher: Sendable {
    let site: URL
    let pollInterval: Duration
    let quietPeriod: Duration
    /// With notifications: how often a full scan checks that none was missed.
    var scanInterval: Duration = .seconds(2)
    /// Tests turn notifications off to exercise scanning.
    var usesNotifications = true

    /// Runs until the task is cancelled, calling `onChange` with each settled batch of site-relative paths.
    func run(onChange: @Sendable (Set<String>) async -> Void) async {
        #if os(Linux)
        if usesNotifications, let notifications = FileNotifications(site: site) {
            let batches = notifiedBatches(from: UncheckedNotifications(notifications))
            for await batch in batches { await onChange(batch) }
            return
        }
        #endif
        await poll(onChange: onChange)
    }

    private func poll(onChange: @Sendable (Set<String>) async -> Void) async {
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

    #if os(Linux)
    /// Batches from a thread of their own that blocks on the notifications; the stream ends (and
    /// the thread stops) when the consuming task is cancelled.
    private func notifiedBatches(from notifications: UncheckedNotifications) -> AsyncStream<Set<String>> {
        let site = self.site
        let quiet = Self.milliseconds(quietPeriod)
        let scanEvery = Self.milliseconds(scanInterval)
        return AsyncStream { continuation in
            let thread = Thread {
                Self.watch(notifications.value, site: site, quietMilliseconds: quiet, scanMilliseconds: scanEvery) { batch in
                    continuation.yield(batch)
                }
                continuation.finish()
            }
            thread.name = "crossroads source watcher"
            continuation.onTermination = { _ in notifications.value.stop() }
            thread.start()
        }
    }

    /// The watching loop: events are gathered until `quietMilliseconds` pass without another,
    /// then reported; every `scanMilliseconds` without events a full scan catches anything the
    /// notifications missed (or could not tell, such as a removed folder).
    private static func watch(_ notifications: FileNotifications, site: URL, quietMilliseconds: Int32, scanMilliseconds: Int32,
                              report: (Set<String>) -> Void) {
        var snapshot = SourceSnapshot.take(of: site)
        /// The sources as they were when the batch being gathered began.
        var batchBase = snapshot
        var unreported: Set<String> = []
        var lastScan = DispatchTime.now()
        while true {
            let sinceScan = Int32(min(Double(Int32.max), Double(DispatchTime.now().uptimeNanoseconds - lastScan.uptimeNanoseconds) / 1e6))
            let timeout = unreported.isEmpty ? max(0, scanMilliseconds - sinceScan) : quietMilliseconds
            guard let woken = notifications.wait(milliseconds: timeout) else { return }
            if woken {
                if unreported.isEmpty { batchBase = snapshot }
                let batch = notifications.drain()
                unreported.formUnion(batch.paths)
                if batch.needsScan {
                    let now = SourceSnapshot.take(of: site)
                    unreported.formUnion(now.changes(since: snapshot))
                    snapshot = now
                    lastScan = DispatchTime.now()
                }
                if !unreported.isEmpty { continue }
            }
            if !unreported.isEmpty {
                // A file that came and went within the batch (an editor's or an atomic save's
                // temporary file) was never a source.
                let transient = unreported.filter { batchBase.stamps[$0] == nil && !FileManager.default.fileExists(atPath: site.path + "/" + $0) }
                unreported.subtract(transient)
                snapshot.refresh(unreported, site: site)
                if !unreported.isEmpty { report(unreported) }
                unreported = []
            } else if !woken {
                let now = SourceSnapshot.take(of: site)
                unreported = now.changes(since: snapshot)
                snapshot = now
                lastScan = DispatchTime.now()
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
    #endif
}

#if os(Linux)
/// Hands the notifications to the watching thread; only that thread reads them, and `stop()`
/// (from the stream's termination) only writes to a pipe.
private struct UncheckedNotifications: @unchecked Sendable {
    let value: FileNotifications
    init(_ value: FileNotifications) { self.value = value }
}
#endif
