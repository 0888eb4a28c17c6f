import Foundation

/// Which build of Crossroads wrote a cache. A new binary may render the same sources differently
/// (a fixed bug, a changed default), so a cache is trusted only by the binary that wrote it: the
/// running executable's device, inode, size and modification time, read once per process.
enum EngineIdentity {
    static let current: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown-\(ProcessInfo.processInfo.processIdentifier)-\(Date().timeIntervalSince1970)" }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
