import Foundation

/// An output from before the current one, kept beside the build cache so the next cached build
/// can update it into the new output instead of building a staging folder from nothing.
struct SpareOutput: Sendable, Equatable {
    var folder: URL
    /// Every file it holds, relative to it.
    var files: Set<String>
    /// Those of `files` whose bytes differ from the current output's file of the same name.
    var stale: Set<String>
}
