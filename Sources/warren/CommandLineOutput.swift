import Synchronization
import SystemPackage

/// Standard output (buffered) and standard error.
enum CommandLineOutput {
    private static let pending = Mutex<[UInt8]>([])
    private static let flushThreshold = 64 * 1024

    /// One line on stderr: `warren: <message>`.
    static func fail(_ message: String) {
        flush()
        writeFully(.standardError, Array("warren: \(message)\n".utf8))
    }

    static func write(_ line: String, newline: Bool = true) {
        let shouldFlush = pending.withLock { buffer in
            buffer.append(contentsOf: line.utf8)
            if newline { buffer.append(0x0A) }
            return buffer.count >= flushThreshold
        }
        if shouldFlush { flush() }
    }

    /// Bytes already safe to print (decoded and sanitised, or printable ASCII).
    static func write(bytes: [UInt8]) {
        let shouldFlush = pending.withLock { buffer in
            buffer.append(contentsOf: bytes)
            return buffer.count >= flushThreshold
        }
        if shouldFlush { flush() }
    }

    static func flush() {
        let bytes = pending.withLock { buffer in
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        writeFully(.standardOutput, bytes)
    }

    private static func writeFully(_ descriptor: FileDescriptor, _ bytes: [UInt8]) {
        // A closed pipe or full disk: nothing more can be said there.
        _ = try? descriptor.writeAll(bytes)
    }
}
