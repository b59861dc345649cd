import Glibc
import SystemPackage

/// Folders as Warren's files need them: made on first use, private, and synced after a rename.
public enum Folder {
    /// `mkdir -p` with mode 0700 for the folders it creates; an existing folder is fine, an
    /// existing file in the way is `ENOTDIR`.
    public static func make(_ folder: FilePath) throws(Errno) {
        if let type = FileKind.of(folder, followingLinks: true) {
            if type == .folder { return }
            throw Errno.notDirectory
        }
        let parent = folder.removingLastComponent()
        if parent != folder, !parent.isEmpty {
            try make(parent)
        }
        do {
            try retryingOnInterrupt { mkdir(folder.string, 0o700) }
        } catch {
            if error != .fileExists { throw error }
        }
    }

    /// Makes a folder's new entries durable (after a rename or link into it). Best effort.
    public static func sync(_ folder: FilePath) {
        let target = folder.isEmpty ? FilePath(".") : folder
        guard let descriptor = try? FileDescriptor.open(target, .readOnly, options: [.directory, .closeOnExec])
        else { return }
        _ = fsync(descriptor.rawValue)
        try? descriptor.close()
    }
}

/// What is at a path, as far as Warren's files care.
public enum FileKind: Sendable, Equatable {
    case file, folder, symbolicLink, other

    /// nil when nothing is there (or it cannot be looked at).
    public static func of(_ path: FilePath, followingLinks: Bool) -> FileKind? {
        guard let status = try? Stat(path, followTargetSymlink: followingLinks) else { return nil }
        switch status.type {
        case .regular: return .file
        case .directory: return .folder
        case .symbolicLink: return .symbolicLink
        default: return .other
        }
    }

    /// The read, write and execute bits of the file at `path` (following links), if it is a
    /// regular file: never setuid, setgid or sticky, which a rewrite must not carry over.
    public static func permissions(ofFileAt path: FilePath) -> FilePermissions? {
        guard let status = try? Stat(path), status.type == .regular else { return nil }
        return FilePermissions(rawValue: status.permissions.rawValue & 0o777)
    }
}
