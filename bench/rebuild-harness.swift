// The serve path's rebuild, timed: `IncrementalBuilder` (what `crossroads serve` rebuilds with)
// builds the site once, then after each one-word edit of one page rebuilds it in place.
//
//   rebuild-harness SOURCE OUTPUT EDITED_FILE RUNS
//
// Prints one line per rebuild: seconds, rendered pages, changed output files. The time runs from
// just after the edit is saved to the updated output on disk; the watcher's polling delay is not
// part of it (serve adds up to its poll interval plus quiet period on top). Each rebuild is told
// which file changed, as serve's watcher tells it.
import Foundation
import SiteBuilder

let arguments = CommandLine.arguments
guard arguments.count == 5, let runs = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: rebuild-harness SOURCE OUTPUT EDITED_FILE RUNS\n".utf8))
    exit(2)
}
let source = URL(fileURLWithPath: arguments[1], isDirectory: true)
let output = URL(fileURLWithPath: arguments[2], isDirectory: true)
let edited = URL(fileURLWithPath: arguments[3])
let builder = IncrementalBuilder(options: BuildOptions(source: source, output: output))
// As `crossroads serve`'s watcher reports it: the site-relative path of the saved file.
let editedRelative = String(edited.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))

do {
    let first = try builder.build()
    print(String(format: "initial %.4f %d %d", first.seconds, first.renderedPages, first.changedFiles.count))
    guard runs > 0 else { exit(0) }
    let original = try String(contentsOf: edited, encoding: .utf8)
    for run in 0..<runs {
        // A different word each run, in the body (after the front matter), so every rebuild has real work.
        let marker = "benchword\(run)"
        guard let bodyStart = original.range(of: "\n---\n")?.upperBound else { exit(3) }
        var text = original
        text.insert(contentsOf: marker + " ", at: text.index(bodyStart, offsetBy: 0))
        try text.write(to: edited, atomically: false, encoding: .utf8)
        let started = DispatchTime.now().uptimeNanoseconds
        let report = try builder.build(changedPaths: [editedRelative])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        print(String(format: "edit %.4f %d %d", seconds, report.renderedPages, report.changedFiles.count))
        if ProcessInfo.processInfo.environment["REBUILD_STEPS"] != nil {
            for line in report.timingLines { print("#   " + line) }
        }
    }
    try original.write(to: edited, atomically: false, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("rebuild-harness: \(error)\n".utf8))
    exit(1)
}
