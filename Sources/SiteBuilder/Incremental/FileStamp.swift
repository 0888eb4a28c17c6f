import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one `stat` says about a file's content without reading it: size, modification time,
/// inode and status change time. Any save changes at least one of them (the change time even
/// when a tool sets the modification time back, as `cp -p` and `touch -r` do), so the page cache
/// and the preview server's snapshot compare stamps instead of contents.
public struct FileStamp: Equatable, Sendable {
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64
    var changedSeconds: Int
    var changedNanoseconds: Int
}

extension FileStamp {
    public init(_ info: stat) {
        self.init(size: Int64(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                  inode: UInt64(info.st_ino), changedSeconds: Int(info.st_ctim.tv_sec), changedNanoseconds: Int(info.st_ctim.tv_nsec))
    }
}
