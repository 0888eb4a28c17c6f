import ArgumentParser

/// Asynchronous at the root so that `serve` can await its server on the main task.
@main
struct Crossroads: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crossroads",
        abstract: "Build, preview and check career-path guide sites.",
        version: CrossroadsVersion.current,
        subcommands: [BuildCommand.self, NewCommand.self, CheckCommand.self, ScoreCommand.self, PlanCommand.self, ServeCommand.self, ExportCommand.self, DeployCommand.self]
    )
}
