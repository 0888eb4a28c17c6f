import Foundation
import SiteBuilder

/// One problem of a failed build, as the terminal, the overlay and /__crossroads/status show it.
public struct BuildProblem: Codable, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var fix: String?

    init(_ error: SiteError) {
        file = error.file
        line = error.line
        column = error.column
        message = error.message
        fix = error.fix
    }

    init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// Every problem a thrown build error carries; anything unexpected still gets a message.
    static func all(from error: any Error) -> [BuildProblem] {
        if let failure = error as? BuildFailure { return failure.errors.map(BuildProblem.init) }
        if let siteError = error as? SiteError { return [BuildProblem(siteError)] }
        return [BuildProblem(file: "", message: String(describing: error))]
    }
}

/// The state of the preview, served as JSON at /__crossroads/status.
public struct BuildStatus: Codable, Sendable, Equatable {
    /// Successful builds so far; the site being served is this build.
    public var build: Int
    /// Finished build attempts, successful or not (tests wait on this to know a rebuild is over).
    public var attempts: Int
    /// The problems of the last attempt, or nil when it succeeded.
    public var error: [BuildProblem]?

    public init(build: Int = 0, attempts: Int = 0, error: [BuildProblem]? = nil) {
        self.build = build
        self.attempts = attempts
        self.error = error
    }
}
