import Foundation

/// Everything `crossroads serve` needs to know.
public struct PreviewConfiguration: Sendable {
    public static let defaultPort = 1313
    public static let defaultHost = "127.0.0.1"

    /// The site folder (site.yml, content/, templates/).
    public var source: URL
    /// Where previews are built: never the site's public/, so a preview cannot replace the published build.
    public var output: URL
    public var host: String
    /// 0 asks the system for a free port (tests).
    public var port: Int
    public var includeDrafts: Bool
    /// How often the sources are scanned for changes where the system has no file notifications
    /// (on Linux, notifications report saves at once and a scan every two seconds is the safety net).
    public var pollInterval: Duration
    /// How long the sources must stay unchanged before a burst of saves becomes one rebuild.
    public var quietPeriod: Duration

    public init(source: URL, output: URL? = nil, host: String = PreviewConfiguration.defaultHost, port: Int = PreviewConfiguration.defaultPort,
                includeDrafts: Bool = false, pollInterval: Duration = .milliseconds(250), quietPeriod: Duration = .milliseconds(20)) {
        self.source = source.standardizedFileURL
        self.output = (output ?? Self.defaultOutput(for: source, port: port)).standardizedFileURL
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.pollInterval = pollInterval
        self.quietPeriod = quietPeriod
    }

    /// `<temp>/crossroads-serve-<hash of the site path>-<port>/site`: one folder per site and port,
    /// outside the site, so previews neither touch public/ nor show up in the site's git status, and
    /// two previews of one site on two ports do not write into each other's folder.
    public static func defaultOutput(for source: URL, port: Int = defaultPort) -> URL {
        let sitePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        return FileManager.default.temporaryDirectory
            .appendingPathComponent("crossroads-serve-\(fnv1aHex(sitePath))-\(port)", isDirectory: true)
            .appendingPathComponent("site", isDirectory: true)
    }

    /// Whether the server listens only on the loopback interface.
    public var isLoopbackOnly: Bool {
        ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased())
    }

    /// A stable, short name for a path (Swift's `hashValue` changes from run to run).
    private static func fnv1aHex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
