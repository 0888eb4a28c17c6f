import ArgumentParser
import Foundation
import SiteBuilder

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a working starter site (site.yml, content/, templates/) in a new folder."
    )

    @Argument(help: "Folder to create; it must not exist or be empty.")
    var folder: String

    func run() throws {
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try FileHandleOutput.exitingOnBuildFailure { try StarterSite.create(at: url) }
        print("Created a new site in \(url.path). Next: cd \(folder) && crossroads build")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site without publishing it and report broken internal links and missing heading anchors."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() throws {
        let problems = try FileHandleOutput.exitingOnBuildFailure { try SiteCheck.run(source: site.sourceURL, includeDrafts: drafts) }
        if problems.isEmpty {
            print("No broken links or anchors.")
            return
        }
        for problem in problems { FileHandleOutput.standardError(problem.description) }
        throw FileHandleOutput.failure("\(problems.count) problem\(problems.count == 1 ? "" : "s") found.")
    }
}
