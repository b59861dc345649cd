import AtomicFiles
import GopherCore
import Glibc
import Synchronization
import SystemPackage

/// A `BlockSpool` in an unlinked file: blocks are appended with `pwrite` and read back with
/// `pread`, the last two read kept in memory (a screen is drawn from one block or two). The
/// file has no name from the moment it is made, so it never outlives Warren, even after a
/// crash; its space is freed when the last page using it is released.
public final class FileBlockSpool: BlockSpool {
    private struct State {
        var end: Int64 = 0
        /// The blocks read most recently, newest last.
        var recent: [(offset: Int64, bytes: [UInt8])] = []
        /// Bytes the file may still grow by (a disk cap), nil for no cap.
        var room: Int?
    }

    private let descriptor: FileDescriptor
    private let state: Mutex<State>
    static let blocksKept = 2
    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Glibc's module does not export.
    private static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Makes the file in `folder` (created, private, if missing). `limit` caps what it holds.
    public init(folder: String, limit: Int? = nil) throws(Errno) {
        let path = FilePath(folder)
        try Folder.make(path)
        // O_TMPFILE: a file with no name at all; where the file system lacks it, a named
        // temporary file unlinked at once.
        let raw = open(folder, Self.unnamedFile | O_RDWR | O_CLOEXEC, 0o600)
        if raw >= 0 {
            descriptor = FileDescriptor(rawValue: raw)
        } else {
            let file = try TemporaryFile(in: path, purpose: "spool")
            _ = unlink(file.path.string)
            descriptor = file.descriptor
        }
        state = Mutex(State(room: limit))
    }

    deinit { try? descriptor.close() }

    public func write(_ bytes: [UInt8]) -> Result<SpooledBlock, SpoolError> {
        state.withLock { state in
            if let room = state.room, bytes.count > room {
                return .failure(SpoolError("the page is over its size limit"))
            }
            do {
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
