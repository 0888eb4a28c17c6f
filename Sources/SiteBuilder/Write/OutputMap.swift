/// Every file a build will write, with what claims it, made before anything is written. Two claims
/// on one path, or one claim's file being the folder of another's, would let one address hide
/// another (an alias replacing the feed, a page replacing a tag page): the map refuses both,
/// naming both sources. It is made from the whole site every time, so a cached build and a first
/// build give the same answer.
struct OutputMap: Sendable {
    /// What wants a file of the output.
    struct Claim: Sendable {
        var path: OutputPath
        /// The source file that makes the claim (`content/x.md`, `templates/assets/site.css`), nil
        /// for files the build makes of its own accord (the feed, the sitemap).
        var file: String?
        /// What it is, for messages: `the page`, `alias "old/"`, `the Atom feed`.
        var what: String
    }

    /// The owner of every path.
    private(set) var claims: [OutputPath: Claim] = [:]
    var paths: Set<OutputPath> { Set(claims.keys) }

    func contains(_ path: OutputPath) -> Bool { claims[path] != nil }

    /// The map of `claims`, or every conflict among them.
    static func make(_ claims: [Claim]) throws(BuildFailure) -> OutputMap {
        var map = OutputMap()
        var problems: [SiteError] = []
        // The first claim of every folder, to find a file that is also someone's folder.
        var folders: [Substring: Claim] = [:]
        for claim in claims {
            if let owner = map.claims[claim.path] {
                problems.append(conflict(claim, owner, "\(claim.what) is published at /\(claim.path.file), which \(described(owner)) already uses"))
                continue
            }
            map.claims[claim.path] = claim
            for folder in claim.path.folders where folders[folder] == nil { folders[folder] = claim }
        }
        for (path, claim) in map.claims {
            if let inside = folders[Substring(path.file)] {
                problems.append(conflict(inside, claim, "\(inside.what) is published at /\(inside.path.file), inside /\(path.file)/, "
                                         + "but /\(path.file) is a file, which \(described(claim)) already uses"))
            }
        }
        if !problems.isEmpty { throw BuildFailure(problems) }
        return map
    }

    /// The error for two claims, reported at the one a person wrote (the content or template
    /// file) rather than at a file the build generates.
    private static func conflict(_ claim: Claim, _ other: Claim, _ message: String) -> SiteError {
        let file = claim.file ?? other.file ?? claim.path.file
        return SiteError(file: file, message: message,
                         fix: "give one of them another address: rename the file, change its `slug`, or change or remove the alias")
    }

    /// `content/x.md`, `content/x.md (alias "old/")`, `the Atom feed`.
    private static func described(_ claim: Claim) -> String {
        guard let file = claim.file else { return claim.what }
        return claim.what == "the page" ? file : "\(file) (\(claim.what))"
    }
}
