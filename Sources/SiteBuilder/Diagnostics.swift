import Foundation

/// One problem found in the user's site, pointing at the file (and line and column where known)
/// and saying how to fix it.
public struct SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    public var fix: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, fix: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.fix = fix
    }

    public var location: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public var description: String { described(as: "error") }

    /// The problem as `description` prints it, under another severity (`warning`, `note`).
    public func described(as severity: String) -> String {
        var text = "\(location): \(severity): \(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

/// Every problem a build found, reported together so the user can fix them in one pass.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var errors: [SiteError]

    public init(_ errors: [SiteError]) {
        self.errors = errors.sorted { ($0.file, $0.line ?? 0, $0.column ?? 0, $0.message) < ($1.file, $1.line ?? 0, $1.column ?? 0, $1.message) }
    }

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return errors.map(\.description).joined(separator: "\n") + "\nBuild failed with \(count); the previous output was left untouched."
    }
}

/// Collects problems while a step goes on, so one run reports all of them.
struct ErrorCollector {
    private(set) var errors: [SiteError] = []

    mutating func add(_ error: SiteError) { errors.append(error) }
    mutating func add(contentsOf more: [SiteError]) { errors.append(contentsOf: more) }

    var isEmpty: Bool { errors.isEmpty }

    func throwIfAny() throws {
        try Self.throwing(errors)
    }

    static func throwing(_ errors: [SiteError]) throws {
        if !errors.isEmpty { throw BuildFailure(errors) }
    }
}
