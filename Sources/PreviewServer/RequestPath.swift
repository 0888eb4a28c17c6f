import Foundation

/// What a request target names inside the output folder, decided before any file is touched.
enum RequestPath: Equatable {
    /// Site-relative path segments, each already decoded and checked.
    case segments([String], hadTrailingSlash: Bool)
    /// Anything that could reach outside the output folder, or that no site file can be named by.
    case rejected

    /// Parses a raw request target such as `/pitfalls/x/?q=1`.
    ///
    /// The path is percent-decoded exactly once. Encoded slashes, backslashes and NULs are refused
    /// outright rather than interpreted, because each is a way to smuggle a separator past a check.
    static func parse(_ target: String) -> RequestPath {
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let withoutFragment = pathPart.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        // Origin form only: "/x". Absolute form ("http://host/x"), "*" and "//host/x" are refused.
        guard withoutFragment.hasPrefix("/"), !withoutFragment.hasPrefix("//") else { return .rejected }
        let lowered = withoutFragment.lowercased()
        for forbidden in ["%2f", "%5c", "%00", "\\", "\0"] where lowered.contains(forbidden) {
            return .rejected
        }
        guard let decoded = withoutFragment.removingPercentEncoding else { return .rejected }
        if decoded.contains("\\") || decoded.contains("\0") { return .rejected }
        let pieces = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var segments: [String] = []
        for (index, piece) in pieces.enumerated() {
            if piece.isEmpty {
                // Only the last piece may be empty: "/a/" is fine, "/a//b" is not a site path.
                if index == pieces.count - 1 { continue }
                return .rejected
            }
            if piece == "." || piece == ".." { return .rejected }
            segments.append(String(piece))
        }
        return .segments(segments, hadTrailingSlash: decoded.hasSuffix("/"))
    }
}
