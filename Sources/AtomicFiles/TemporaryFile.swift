import Glibc
import SystemPackage

/// A new, private file beside the file it will become: the first step of every write that must
/// never leave a half-written file behind (a save, a download, a bookmarks file).
///
/// It is made with `mkstemp`, which opens with `O_EXCL` and mode 0600, so it never follows or
/// reuses an existing name; it is closed on `exec`, so no handler inherits it.
public struct TemporaryFile: Sendable {
    public let descriptor: FileDescriptor
    public let path: FilePath

    /// Creates `folder/.warren-<purpose>-XXXXXX`.
    public init(in folder: FilePath, purpose: String) throws(Errno) {
        var template = Array(folder.appending(".warren-\(purpose)-XXXXXX").string.utf8CString)
        let raw = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard raw >= 0 else { throw Errno.last }
        _ = fcntl(raw, F_SETFD, FD_CLOEXEC)
        descriptor = FileDescriptor(rawValue: raw)
        path = FilePath(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// Flushes the bytes to disk and closes; `permissions` replace mkstemp's 0600 first.
    public func finish(permissions: FilePermissions?) throws(Errno) {
        do {
            if let permissions {
                try retryingOnInterrupt { fchmod(descriptor.rawValue, permissions.rawValue) }
            }
            try retryingOnInterrupt { fsync(descriptor.rawValue) }
        } catch {
            try? descriptor.close()
            throw error
        }
        try Self.close(descriptor)
    }

    /// Moves the finished file to `target`: `rename` when replacing is allowed, else `link`,
    /// which fails with `EEXIST` rather than replace a file or symlink that appeared meanwhile.
    /// Then the folder is synced, so the new name survives a crash too.
    public func publish(as target: FilePath, replacing: Bool) throws(Errno) {
        if replacing {
            try retryingOnInterrupt { rename(path.string, target.string) }
        } else {
            try retryingOnInterrupt { link(path.string, target.string) }
            unlink(path.string)
        }
        Folder.sync(target.removingLastComponent())
    }

    /// Closes (if still open) and removes the file: what a failed or cancelled write leaves.
    public func discard(closing: Bool) {
        if closing { try? descriptor.close() }
        unlink(path.string)
    }

    private static func close(_ descriptor: FileDescriptor) throws(Errno) {
        do {
            try descriptor.close()
        } catch let error as Errno {
            throw error
        } catch {
            throw Errno.ioError
        }
    }
}
