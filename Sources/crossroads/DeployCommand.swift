import ArgumentParser
import Deploy
import Foundation
import SiteBuilder

/// `crossroads deploy [TARGET]`: builds the site exactly as `build` does (unless `--no-build`),
/// then publishes the output folder to a target named under `deploy:` in site.yml, uploading only
/// what changed, in the order that never leaves a page linking to a missing file.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Build the site, then publish only what changed to a target named in site.yml (a folder, a git branch, an S3 bucket)."
    )

    @Argument(help: "The target under `deploy:` in site.yml (default: the first one).")
    var target: String?

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Output folder to build into and deploy from (default: public/ inside the site folder).")
    var output: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be uploaded and deleted, with headers; change nothing.")
    var dryRun = false

    @Option(name: .customLong("max-deletes"), help: "Stop before deleting more than this many files from the target.")
    var maxDeletes = DeployExecutor.defaultMaxDeletes

    @Flag(name: .long, help: "Delete past --max-deletes.")
    var force = false

    @Flag(name: .customLong("no-build"), help: "Deploy the output folder as it is, without building first.")
    var noBuild = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() async throws {
        guard maxDeletes >= 0 else {
            throw ValidationError("--max-deletes must be 0 or more")
        }
        let options = BuildOptions(source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0) }, useCache: true)
        let chosen = try FileHandleOutput.exitingOnBuildFailure { try Self.choose(target, from: SiteLoader(sourceFolder: site.sourceURL).loadDeployTargets()) }
        if !noBuild {
            var build = options
            build.keepsMemoryUntilExit = true
            let report = try FileHandleOutput.exitingOnBuildFailure { try SiteBuild.build(build) }
            say(report.summaryLine + " -> \(options.output.path)")
        }
        do {
            let local = try LocalSite.read(folder: options.output)
            let destination = try DeployTargets.destination(for: chosen, siteFolder: site.sourceURL, output: options.output)
            let executor = DeployExecutor(maxDeletes: maxDeletes, force: force)
            var progress: (@Sendable (DeployExecutor.Progress) -> Void)?
            if !quiet {
                let line = DeployProgressLine()
                progress = { line.show($0) }
            }
            let (plan, summary) = try await executor.deploy(local, to: destination, dryRun: dryRun, progress: progress)
            if dryRun {
                print("Dry run: deploy to \(destination.description) (target \(chosen.name)) would do:")
                plan.lines.forEach { print($0) }
                try executor.check(plan, destination: destination)
            } else if let summary {
                say("Deployed to \(destination.description): \(summary.uploaded) uploaded (\(summary.bytes) bytes), \(summary.deleted) deleted, \(summary.unchanged) unchanged")
            }
        } catch let error as DeployError {
            throw FileHandleOutput.failure(error.description)
        }
    }

    private func say(_ line: String) {
        if !quiet { print(line) }
    }

    static func choose(_ name: String?, from targets: [DeployTarget]) throws(BuildFailure) -> DeployTarget {
        guard let first = targets.first else {
            throw BuildFailure([SiteError(file: "site.yml", message: "site.yml names no deploy target",
                                          fix: "add e.g. `deploy:` then `  www: {url: \"file:///srv/www/guides\"}` (see docs/publishing.md)")])
        }
        guard let name else { return first }
        guard let found = targets.first(where: { $0.name == name }) else {
            throw BuildFailure([SiteError(file: "site.yml", message: "no deploy target named `\(name)`",
                                          fix: "use one of: \(targets.map(\.name).joined(separator: ", ")), or add `\(name):` under `deploy:`")])
        }
        return found
    }
}
