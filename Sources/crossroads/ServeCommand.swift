import ArgumentParser
import Foundation
import PreviewServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload: build, serve on 127.0.0.1, rebuild on every save.",
        discussion: """
            The preview is built into a folder under the system temporary directory, never into public/, \
            so a preview cannot replace the published build. A failed rebuild keeps serving the last good \
            build and shows the error in the terminal and over the page. Stop with Ctrl-C.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = PreviewConfiguration.defaultPort

    @Option(name: .long, help: "Address to listen on. Anything but 127.0.0.1/localhost exposes the preview to other machines.")
    var host: String = PreviewConfiguration.defaultHost

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Open the preview in the default browser (xdg-open) once it is ready.")
    var open = false

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let configuration = PreviewConfiguration(source: site.sourceURL, host: host, port: port, includeDrafts: drafts)
        let server = PreviewServer(configuration: configuration, log: { line in TerminalOutput.line(line) })
        let openBrowser = open
        do {
            try await server.run { address in
                TerminalOutput.line("Serving on \(address.absoluteString) (Ctrl-C to stop)")
                if openBrowser { BrowserOpener.open(address) }
            }
        } catch {
            throw FileHandleOutput.failure(String(describing: error))
        }
        TerminalOutput.line("Stopped.")
    }
}

/// Unbuffered standard output, so each line shows at once even when the output is piped.
enum TerminalOutput {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// `--open`: hands the address to xdg-open when the system has it; a missing opener is not an error.
enum BrowserOpener {
    static func open(_ address: URL) {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let opener = searchPath.split(separator: ":").map({ "\($0)/xdg-open" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [address.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
