import Glibc
import Synchronization

/// Standard output (buffered) and standard error, written with `write(2)`.
enum CommandLineOutput {
    private static let pending = Mutex<[UInt8]>([])
    private static let flushThreshold = 64 * 1024

    /// One line on stderr: `warren: <message>`.
    static func fail(_ message: String) {
        flush()
        let line = Array("warren: \(message)\n".utf8)
        line.withUnsafeBytes { writeFully(fd: STDERR_FILENO, $0) }
    }

    static func write(_ line: String) {
        let shouldFlush = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            return buffer.count >= flushThreshold
        }
        if shouldFlush { flush() }
    }

    static func flush() {
        let bytes = pending.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        bytes.withUnsafeBytes { writeFully(fd: STDOUT_FILENO, $0) }
    }

    private static func writeFully(fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe or full disk: nothing more can be said there
            }
            offset += written
        }
    }
}
