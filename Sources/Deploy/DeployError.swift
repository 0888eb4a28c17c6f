import Foundation

/// Why a deploy stopped. Every message says what to do; none carries a credential.
public enum DeployError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingOutput(String)
    case unreadableRedirects(String)
    case tooManyDeletions(count: Int, limit: Int, destination: String)
    /// A destination refused: `what` names the step, `reason` is the destination's own words.
    case destination(String, reason: String)

    public var description: String {
        switch self {
        case .missingOutput(let path):
            return "\(path): there is no built site here\nfix: run `crossroads build` first, or deploy without `--no-build`"
        case .unreadableRedirects(let path):
            return "\(path): the alias list is not a JSON object of strings\nfix: build the site again"
        case .tooManyDeletions(let count, let limit, let destination):
            return "deploy to \(destination) stopped: it would delete \(count) files, more than --max-deletes \(limit); nothing was changed\n"
                + "fix: check that the output folder is the whole site (run with --dry-run to see the list), then raise --max-deletes or pass --force"
        case .destination(let what, let reason):
            return "deploy failed while \(what): \(reason)"
        }
    }
}
