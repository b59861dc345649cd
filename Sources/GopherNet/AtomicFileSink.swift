import AtomicFiles
import Synchronization
import SystemPackage

/// Saves a response to a file without ever leaving a partial or clobbered file behind.
///
/// Bytes go to a fresh `TemporaryFile` in the target's folder; on success it is flushed, made
/// `rw-r--r--` (never executable), and then linked into place, which fails rather than replace
/// an existing file or symlink, or renamed over the target when overwriting was asked for. On
/// failure or cancel the temporary file is removed.
public final class AtomicFileSink: ResponseSink {
    public let path: String
    private let overwrite: Bool
    /// The temporary file while the save is open; nil once it is published or discarded.
    /// Locked, though only the fetch's worker writes: `deinit` may run on another thread.
    private let file: Mutex<(temporary: TemporaryFile, isOpen: Bool)?>

    public init(path: String, overwrite: Bool) throws(FetchError) {
        self.path = path
        self.overwrite = overwrite
        let target = FilePath(path)
        if !overwrite, FileKind.of(target, followingLinks: false) != nil {
            throw FetchError(stage: .save, code: .targetExists, detail: "file exists", subject: path)
        }
        do {
            let folder = target.removingLastComponent()
            file = Mutex((try TemporaryFile(in: folder.isEmpty ? "." : folder, purpose: "part"), true))
        } catch {
            throw .system(.save, error, path)
        }
    }

    deinit { abort() }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        let failure: Errno? = file.withLock { file in
            guard let file, file.isOpen else { return .badFileDescriptor }
            do {
                try file.temporary.descriptor.writeAll(bytes)
                return nil
            } catch {
                return error as? Errno ?? .ioError
            }
        }
        if let failure { throw .system(.save, failure, path) }
    }

    public func prepare() throws(FetchError) {
        let failure: Errno? = file.withLock { file in
            guard let current = file, current.isOpen else { return .badFileDescriptor }
            file?.isOpen = false  // finish closes it, whatever happens
            do throws(Errno) {
                try current.temporary.finish(permissions: [.ownerReadWrite, .groupRead, .otherRead])
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw .system(.save, failure, path) }
    }

    public func publish() throws(FetchError) {
        let failure: Errno? = file.withLock { file in
            guard let current = file else { return .badFileDescriptor }
            do throws(Errno) {
                try current.temporary.publish(as: FilePath(path), replacing: overwrite)
                file = nil
                return nil
            } catch {
                return error
            }
        }
        guard let failure else { return }
        if failure == .fileExists {
            throw FetchError(stage: .save, code: .targetExists, detail: "file exists", subject: path)
        }
        throw .system(.save, failure, path)
    }

    public func abort() {
        file.withLock { file in
            file?.temporary.discard(closing: file?.isOpen == true)
            file = nil
        }
    }
}
