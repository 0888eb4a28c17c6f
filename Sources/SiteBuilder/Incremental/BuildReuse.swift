import Foundation

extension SiteRenderer {
    /// What the previous build left that this one may reuse.
    struct Reuse {
        var keys: [String: OutputRecord]
        /// Search-index lines of pages that are not rendered again.
        var searchLines: PreviousSearchLines

        /// Whether the output recorded as `name` would read the same inputs now: its key from
        /// `OutputKeys` is `baseKey`, and what it read last time has the same values.
        func holds(_ name: String, baseKey: UInt64, inputs: InputHashes) -> Bool {
            keys[name]?.holds(baseKey: baseKey, inputs: inputs) == true
        }
    }
}
