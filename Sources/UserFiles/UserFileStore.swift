import AtomicFiles
import Glibc
import SystemPackage

/// Reading and replacing Warren's own small files (config, bookmarks, history).
///
/// Writes never leave a half-written file: the new contents go to a `TemporaryFile` in the same
/// folder, are flushed to disk, and are renamed over the target, so a reader (or a crash) sees
/// either the old file or the new one. A target that is a symbolic link (a dotfiles checkout) is
/// written through: the file it points to is replaced and the link kept.
public enum UserFileStore {
    /// The file's bytes, or nil if it is missing (or cannot be read: a folder, no permission).
    public static func read(_ path: String) -> [UInt8]? {
        guard let descriptor = try? FileDescriptor.open(FilePath(path), .readOnly, options: .closeOnExec) else {
            return nil
        }
        defer { try? descriptor.close() }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            guard let count = try? chunk.withUnsafeMutableBytes({ try descriptor.read(into: $0) }) else { return nil }
            if count == 0 { return result }
            result.append(contentsOf: chunk[..<count])
        }
    }

    /// Replaces the file at `path` with `bytes`, creating missing parent folders (mode 0700).
    /// The file keeps its permissions if it existed, and is `rw-------` if it is new. On failure
    /// the target is unchanged and no temporary file is left.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(UserFileError) {
        let target = resolvedTarget(path)
        let folder = target.removingLastComponent()
        try makeFolder(folder, reportingAs: path)
        do throws(Errno) {
            let file = try TemporaryFile(in: folder, purpose: "tmp")
            do throws(Errno) {
                try write(bytes, to: file.descriptor)
            } catch {
                file.discard(closing: true)
                throw error
            }
            do throws(Errno) {
                try file.finish(permissions: FileKind.permissions(ofFileAt: target))
                try file.publish(as: target, replacing: true)
            } catch {
                file.discard(closing: false)
                throw error
            }
        } catch {
            throw UserFileError(.write, error, path: path)
        }
    }

    /// Appends `line` (and a newline) to the file at `path`, creating it and its folders if
    /// needed; then, if the file holds more than `keepingLast` lines, rewrites it atomically with
    /// only the last `keepingLast`. Carriage returns and line feeds inside `line` become spaces,
    /// so one call always adds exactly one line.
    public static func append(line: String, to path: String, keepingLast: Int) throws(UserFileError) {
        let target = resolvedTarget(path)
        try makeFolder(target.removingLastComponent(), reportingAs: path)
        var added = Array(line.utf8).map { $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }
        added.append(0x0A)

        let existing = read(target.string) ?? []
        if let last = existing.last, last != 0x0A {
            added.insert(0x0A, at: 0)  // finish a last line that had no newline
        }
        let limit = max(0, keepingLast)
        let lineCount = existing.count(where: { $0 == 0x0A }) + added.count(where: { $0 == 0x0A })
        if lineCount > limit {
            try writeAtomically(lastLines(existing + added, limit), to: path)
            return
        }
        do throws(Errno) {
            let descriptor = try open(target, options: [.append, .create, .closeOnExec])
            defer { try? descriptor.close() }
            try write(added, to: descriptor)
        } catch {
            throw UserFileError(.write, error, path: path)
        }
    }

    /// Creates `folder` and any missing parents (mode 0700), as `mkdir -p` does; an existing
    /// folder is fine. For the download folder before a save.
    public static func makeFolder(_ folder: String) throws(UserFileError) {
        try makeFolder(FilePath(folder), reportingAs: folder)
    }

    /// The last `count` newline-terminated lines of `bytes` (which ends with a newline).
    static func lastLines(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var seen = 0
        var index = bytes.endIndex - 1  // the final newline
        while index > bytes.startIndex {
            if bytes[index - 1] == 0x0A {
                seen += 1
                if seen == count { return Array(bytes[index...]) }
            }
            index -= 1
        }
        return bytes
    }

    /// Where a write to `path` lands: the file a symbolic link points to, else `path` itself.
    static func resolvedTarget(_ path: String) -> FilePath {
        guard FileKind.of(FilePath(path), followingLinks: false) == .symbolicLink, let resolved = realpath(path, nil)
        else { return FilePath(path) }
        defer { free(resolved) }
        return FilePath(String(cString: resolved))
    }

    private static func makeFolder(_ folder: FilePath, reportingAs path: String) throws(UserFileError) {
        do {
            try Folder.make(folder.isEmpty ? "." : folder)
        } catch {
            throw UserFileError(.makeFolder, error, path: path)
        }
    }

    private static func open(_ path: FilePath, options: FileDescriptor.OpenOptions) throws(Errno) -> FileDescriptor {
        do {
            return try FileDescriptor.open(path, .writeOnly, options: options, permissions: .ownerReadWrite)
        } catch {
            throw error as? Errno ?? .ioError
        }
    }

    private static func write(_ bytes: [UInt8], to descriptor: FileDescriptor) throws(Errno) {
        do {
            try descriptor.writeAll(bytes)
        } catch {
            throw error as? Errno ?? .ioError
        }
    }
}
