import Foundation

/// The system calls both output writers use, where Foundation's per-file costs showed in builds.
enum FileWriting {
    /// Creates (or truncates) and writes a file with one `open` and as few `write`s as it takes;
    /// false on any failure, for the caller to retry through Foundation, which explains errors.
    static func writeFile(_ path: String, _ data: Data) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return false }
        let written = data.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        return close(descriptor) == 0 && written
    }

    /// `mkdir`, and Foundation's intermediate-creating call only when the parent is missing too
    /// (one `mkdir` is all most page folders need).
    static func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o777) == 0 || errno == EEXIST { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Deletes a folder tree, its second-level entries on parallel threads (a 10,000-page site's
    /// old output took half a second to delete on one).
    static func removeTree(_ folder: URL) {
        let fileManager = FileManager.default
        var parts: [String] = []
        for entry in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let path = folder.path + "/" + entry
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                let inner = (try? fileManager.contentsOfDirectory(atPath: path)) ?? []
                parts += inner.map { path + "/" + $0 }
            } else {
                parts.append(path)
            }
        }
        let paths = parts
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            try? FileManager.default.removeItem(atPath: paths[index])
        }
        try? fileManager.removeItem(at: folder)
    }

    /// The system's words for a failed file operation ("Permission denied"), for error messages.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        return nsError.localizedDescription
    }
}
