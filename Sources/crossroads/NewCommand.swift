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

    @Flag(name: .long, help: "Also fail on theme strings a language lacks, or that a template prints and no language defines.")
    var strict = false

    func run() throws {
        let problems = try FileHandleOutput.exitingOnBuildFailure { try SiteCheck.run(source: site.sourceURL, includeDrafts: drafts) }
        let strings = try FileHandleOutput.exitingOnBuildFailure { try SiteCheck.themeStrings(source: site.sourceURL) }
        let untranslated = try FileHandleOutput.exitingOnBuildFailure { try SiteCheck.untranslatedPages(source: site.sourceURL, includeDrafts: drafts) }
        for note in strings.notes + untranslated { FileHandleOutput.standardError(note.described(as: "note")) }
        for gap in strings.gaps { FileHandleOutput.standardError(gap.described(as: strict ? "error" : "warning")) }
        let failures = problems.count + (strict ? strings.gaps.count : 0)
        for problem in problems { FileHandleOutput.standardError(problem.description) }
        if failures == 0 {
            print(problems.isEmpty && strings.gaps.isEmpty ? "No broken links or anchors." : "No broken links or anchors; \(Self.count(strings.gaps.count, "theme string gap")) (fails with --strict).")
            return
        }
        throw FileHandleOutput.failure("\(Self.count(failures, "problem")) found.")
    }

    private static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
}
