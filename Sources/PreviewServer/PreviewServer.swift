import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import SiteBuilder
import UnixSignals

/// `crossroads serve`: builds the site, serves it on HTTP with live reload, and rebuilds on every save.
public struct PreviewServer: Sendable {
    public let configuration: PreviewConfiguration
    private let builder: any PreviewSiteBuilder
    private let log: @Sendable (String) -> Void

    /// - Parameters:
    ///   - builder: how the site is (re)built; by default `IncrementalSiteBuilder` into `configuration.output`.
    ///   - log: where terminal lines go (build summaries, errors, warnings).
    public init(configuration: PreviewConfiguration, builder: (any PreviewSiteBuilder)? = nil,
                log: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.configuration = configuration
        self.builder = builder ?? IncrementalSiteBuilder(options: BuildOptions(source: configuration.source, output: configuration.output,
                                                                        includeDrafts: configuration.includeDrafts))
        self.log = log
    }

    /// Builds, then serves and watches until SIGINT or SIGTERM (when `handleSignals`) or until the
    /// calling task is cancelled; either way open event streams are closed and the server stops cleanly.
    ///
    /// A failed first build does not stop the server: the error is shown and the next save retries.
    /// - Parameters:
    ///   - stopper: lets code stop the server gracefully, as Ctrl-C does.
    ///   - onReady: called once the server listens, with its address (the real port when `port` is 0).
    /// - Throws: `PreviewServerError` when the port is taken or the host cannot be listened on.
    public func run(handleSignals: Bool = true, stopper: PreviewStopper? = nil,
                    onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        try PortAvailability.check(host: configuration.host, port: configuration.port)
        if !configuration.isLoopbackOnly {
            log("warning: listening on \(configuration.host): anyone who can reach this machine can read the preview (including drafts when --drafts is on)")
        }

        log("Building \(configuration.source.path) into \(configuration.output.path)")
        let status = StatusStore()
        let events = EventBroadcaster()
        let rebuilder = RebuildCoordinator(builder: builder, status: status, events: events, log: log)
        await rebuilder.buildEverything()

        var logger = Logger(label: "crossroads.serve")
        logger.logLevel = .error
        let host = configuration.host
        let responder = PreviewResponder(files: OutputFileResolver(root: configuration.output), status: status, events: events)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                if let address = URL(string: "http://\(shownHost):\(port)/") { await onReady(address) }
            },
            logger: logger
        )
        let watching = WatchService(
            watcher: SourceWatcher(site: configuration.source, pollInterval: configuration.pollInterval, quietPeriod: configuration.quietPeriod),
            rebuilder: rebuilder, events: events
        )
        // Graceful shutdown runs in reverse order: the watcher stops first and closes the event
        // streams, then the HTTP server finds no request left to wait for.
        let group = ServiceGroup(
            services: [application, watching],
            gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
            logger: logger
        )
        await stopper?.attach(group)
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewServerError.portInUse(host: host, port: configuration.port)
        }
        events.closeAll()
        await rebuilder.waitUntilIdle()
    }
}

/// Watches the sources and hands settled changes to the rebuilder until shutdown.
private struct WatchService: Service {
    let watcher: SourceWatcher
    let rebuilder: RebuildCoordinator
    let events: EventBroadcaster

    func run() async throws {
        let rebuilder = self.rebuilder
        await runUntilGracefulShutdown {
            await watcher.run { changes in await rebuilder.request(changes: changes) }
        }
        events.closeAll()
    }

    /// Runs `body` in a child task that is cancelled when graceful shutdown starts.
    private func runUntilGracefulShutdown(_ body: @escaping @Sendable () async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await body() }
            group.addTask { try? await gracefulShutdown() }
            await group.next()
            group.cancelAll()
        }
    }
}
