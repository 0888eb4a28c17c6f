import ArgumentParser
import Foundation
import SiteBuilder

/// Options every verb that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holding site.yml, content/ and templates/).")
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source, isDirectory: true) }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (replaced in one step only when the build succeeds)."
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder (default: public/ inside the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published under; makes canonical, feed and sitemap links absolute.")
    var baseURL: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .customLong("no-cache"), help: "Render every page, ignoring the build cache in .crossroads-cache/.")
    var noCache = false

    @Flag(name: .long, help: "Replace --output even when it is not a folder Crossroads wrote (a file, or a folder of other files).")
    var force = false

    @Flag(name: .long, help: "Print how long each step of the build took.")
    var timings = false

    @Flag(name: .customLong("emit-golden"), help: "Also write golden-vectors.json (answers and the scores the scoring module gives them).")
    var emitGolden = false

    func run() throws {
        var options = BuildOptions(source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0) },
                                   baseURL: baseURL, includeDrafts: drafts, emitGolden: emitGolden, useCache: !noCache)
        // The process ends with the build.
        options.keepsMemoryUntilExit = true
        options.force = force
        let report = try FileHandleOutput.exitingOnBuildFailure { try SiteBuild.build(options) }
        print(report.summaryLine + " -> \(options.output.path)")
        if timings { report.timingLines.forEach { print($0) } }
    }
}

enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Prints `text` to standard error, and is what a command that failed throws.
    static func failure(_ text: String) -> ExitCode {
        standardError(text)
        return ExitCode(1)
    }

    /// `body`'s value; a build failure's errors end the command with exit code 1.
    static func exitingOnBuildFailure<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let failure as BuildFailure {
            throw Self.failure(failure.description)
        }
    }
}
