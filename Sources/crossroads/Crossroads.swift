import ArgumentParser

@main
struct Crossroads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossroads",
        abstract: "Build, preview and check career-path guide sites.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, NewCommand.self, CheckCommand.self, ScoreCommand.self, ServeCommand.self, ExportCommand.self]
    )
}
