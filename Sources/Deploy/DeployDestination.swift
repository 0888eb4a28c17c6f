import Foundation

/// Where a built site is published: a folder, a git branch, an S3 bucket. A destination only
/// lists, uploads, deletes and finishes; `DeployPlan` decides what, and `DeployExecutor` drives
/// any destination in the safe order (files before the pages that load them, pages before what
/// names them, deletions last),
/// so a half-done deploy never leaves a page linking to a missing file.
///
/// Keys are site paths relative to the destination's root, without a leading slash
/// (`pitfalls/no-training/index.html`), exactly as they are in the built output folder.
public protocol DeployDestination: Sendable {
    /// Where this deploys to, for messages and the dry-run plan. Never contains credentials.
    var description: String { get }
    /// Every file the destination holds now: key -> its MD5 (lowercase hex, an S3 ETag) and size.
    func listing() async throws -> [String: RemoteFile]
    /// Writes one file (its bytes are at `file.localURL`), replacing any file of that key.
    func upload(_ file: PlannedUpload) async throws
    /// Removes these keys; called last, only after every upload succeeded.
    func delete(_ keys: [String]) async throws
    /// Called once after the uploads and deletions succeeded (git: commit and push; others: nothing).
    func finish(summary: DeploySummary) async throws
}

/// A file as the destination's listing reports it.
public struct RemoteFile: Sendable, Equatable {
    /// Lowercase hex MD5 of the content (S3's ETag without quotes, for objects uploaded whole).
    public var md5: String
    public var size: Int

    public init(md5: String, size: Int) {
        self.md5 = md5
        self.size = size
    }
}

/// The HTTP headers a file is served with, chosen by its key (`HostRules`).
public struct FileHeaders: Sendable, Equatable {
    public var contentType: String
    public var cacheControl: String
}

/// One file the plan uploads.
public struct PlannedUpload: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// The destination does not hold this key.
        case new
        /// The destination holds this key with other content.
        case changed
    }

    public var key: String
    /// The built file whose bytes are uploaded.
    public var localURL: URL
    public var md5: String
    public var size: Int
    public var headers: FileHeaders
    public var reason: Reason
    /// For an alias page (`old/index.html`): the site path it redirects to (`pitfalls/x/`),
    /// relative to the site's root. An S3 website writes it as `x-amz-website-redirect-location`
    /// (with its own root in front); other destinations upload the page, which redirects itself.
    public var redirect: String?

    public var isHTML: Bool { headers.contentType.hasPrefix("text/html") }
}

/// What a finished deploy did, handed to `DeployDestination.finish` (a git commit message) and
/// printed by the CLI.
public struct DeploySummary: Sendable, Equatable {
    public var uploaded: Int
    public var deleted: Int
    public var unchanged: Int
    /// Bytes uploaded.
    public var bytes: Int

    public init(uploaded: Int, deleted: Int, unchanged: Int, bytes: Int) {
        self.uploaded = uploaded
        self.deleted = deleted
        self.unchanged = unchanged
        self.bytes = bytes
    }

    public var changedAnything: Bool { uploaded > 0 || deleted > 0 }
}
