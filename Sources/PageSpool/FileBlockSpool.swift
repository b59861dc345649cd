import AtomicFiles
import GopherCore
import Glibc
import Synchronization
import SystemPackage

/// A `BlockSpool` in an unlinked file: blocks are appended with `pwrite` and read back with
/// `pread`, the last two read kept in memory (a screen is drawn from one block or two). The
/// file has no name from the moment it is made, so it never outlives Warren, even after a
/// crash; its space is freed when the last page using it is released. It is opened at the
/// first block written, so the many small pages that never spool hold no descriptor.
public final class FileBlockSpool: BlockSpool {
    private struct State {
        /// The file, once the first block has been written.
        var descriptor: FileDescriptor?
        var end: Int64 = 0
        /// The blocks read most recently, newest last.
        var recent: [(offset: Int64, bytes: [UInt8])] = []
        /// Bytes the file may still grow by (a disk cap), nil for no cap.
        var room: Int?
    }

    private let folder: String
    private let state: Mutex<State>
    static let blocksKept = 2
    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Glibc's module does not export.
    private static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY

    /// A spool in `folder` (made, private, if missing). `limit` caps what it holds.
    public init(folder: String, limit: Int? = nil) throws(Errno) {
        try Folder.make(FilePath(folder))
        self.folder = folder
        state = Mutex(State(room: limit))
    }

    /// Whether a spool file can be made in `folder` at all (the session asks once, at start).
    public static func canSpool(in folder: String) -> Bool {
        guard (try? Folder.make(FilePath(folder))) != nil, let descriptor = try? openUnnamedFile(in: folder) else {
            return false
        }
        try? descriptor.close()
        return true
    }

    deinit { state.withLock { try? $0.descriptor?.close() } }

    /// O_TMPFILE: a file with no name at all; where the file system lacks it, a named temporary
    /// file unlinked at once.
    private static func openUnnamedFile(in folder: String) throws(Errno) -> FileDescriptor {
        let raw = open(folder, unnamedFile | O_RDWR | O_CLOEXEC, 0o600)
        if raw >= 0 { return FileDescriptor(rawValue: raw) }
        let file = try TemporaryFile(in: FilePath(folder), purpose: "spool")
        _ = unlink(file.path.string)
        return file.descriptor
    }

    public func write(_ bytes: [UInt8]) -> Result<SpooledBlock, SpoolError> {
        state.withLock { state in
            if let room = state.room, bytes.count > room {
                return .failure(SpoolError("the page is over its size limit"))
            }
            do {
                let descriptor = try state.descriptor ?? Self.openUnnamedFile(in: folder)
                state.descriptor = descriptor
                let written = try descriptor.writeAll(toAbsoluteOffset: state.end, bytes)
                let place = SpooledBlock(offset: state.end, count: written)
                state.end += Int64(written)
                state.room = state.room.map { $0 - written }
                return .success(place)
            } catch {
                return .failure(SpoolError((error as? Errno)?.description ?? "\(error)"))
            }
        }
    }

    public func read(_ block: SpooledBlock) -> [UInt8]? {
        state.withLock { state in
            if let index = state.recent.firstIndex(where: { $0.offset == block.offset }) {
                return state.recent[index].bytes
            }
            guard let descriptor = state.descriptor else { return nil }
            var bytes = [UInt8](repeating: 0, count: block.count)
            let read = try? bytes.withUnsafeMutableBytes { buffer in
                try descriptor.read(fromAbsoluteOffset: block.offset, into: buffer)
            }
            guard read == block.count else { return nil }
            state.recent.append((block.offset, bytes))
            if state.recent.count > Self.blocksKept { state.recent.removeFirst() }
            return bytes
        }
    }

    /// Bytes written to the file so far.
    public var byteCount: Int64 { state.withLock { $0.end } }
}
