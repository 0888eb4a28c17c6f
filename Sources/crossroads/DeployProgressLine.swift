import Deploy
import Foundation
import Synchronization

/// Progress of a running deploy on standard error: one line rewritten in place on a terminal;
/// elsewhere (a CI log) a line at each tenth of the uploads, so a long deploy shows it is moving.
final class DeployProgressLine: Sendable {
    private let onTerminal = isatty(STDERR_FILENO) == 1
    private let lastTenth = Mutex(-1)

    func show(_ progress: DeployExecutor.Progress) {
        switch progress {
        case .uploaded(let key, let done, let total):
            if onTerminal {
                write("\r\u{1B}[K[\(done)/\(total)] \(key)")
            } else {
                let tenth = done * 10 / max(total, 1)
                let due = lastTenth.withLock { last in
                    defer { last = max(last, tenth) }
                    return tenth > last
                }
                if due { write("uploaded \(done) of \(total)\n") }
            }
        case .deleted(let count):
            write((onTerminal ? "\r\u{1B}[K" : "") + "deleted \(count) files\n")
        case .finishing:
            if onTerminal { write("\r\u{1B}[K") }
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
