import Glibc

/// Saves a response to a file without ever leaving a partial or clobbered file behind.
///
/// Bytes go to a fresh temporary file in the target's folder (created with `O_EXCL`, so nothing
/// existing is followed or truncated); on success it is flushed, made `rw-r--r--` (never
/// executable), and then linked into place, which fails rather than replace an existing file or
/// symlink, or renamed over the target when overwriting was asked for. On failure or cancel the
/// temporary file is removed.
public final class AtomicFileSink: ResponseSink, @unchecked Sendable {
    public let path: String
    private let overwrite: Bool
    private var temporaryPath: String
    private var fd: Int32

    public init(path: String, overwrite: Bool) throws(FetchError) {
        self.path = path
        self.overwrite = overwrite
        if !overwrite, Self.exists(path) {
            throw FetchError(stage: .save, code: .targetExists, detail: "file exists", subject: path)
        }
        let folder = Self.folder(of: path)
        // mkstemp opens with O_EXCL and mode 0600: it never follows or reuses an existing name.
        var template = Array("\(folder)/.warren-part-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(.save, .current, path) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.fd = descriptor
        self.temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit { abort() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        do {
            try writeAll(fd: fd, bytes)
        } catch {
            throw .system(.save, error, path)
        }
    }

    public func prepare() throws(FetchError) {
        do {
            try syscall { fchmod(fd, 0o644) }
            try syscall { fsync(fd) }
            let descriptor = fd
            fd = -1
            try syscall { close(descriptor) }
        } catch {
            throw .system(.save, error, path)
        }
    }

    public func publish() throws(FetchError) {
        do {
            if overwrite {
                try syscall { rename(temporaryPath, path) }
            } else {
                try syscall { link(temporaryPath, path) }
                unlink(temporaryPath)
            }
            temporaryPath = ""
            Self.syncFolder(of: path)
        } catch {
            if error == .fileExists {
                throw FetchError(stage: .save, code: .targetExists, detail: "file exists", subject: path)
            }
            throw .system(.save, error, path)
        }
    }

    public func abort() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
        if !temporaryPath.isEmpty {
            unlink(temporaryPath)
            temporaryPath = ""
        }
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Makes the new directory entry durable too.
    private static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
