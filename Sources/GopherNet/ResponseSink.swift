import Glibc

/// Where a streamed response goes instead of memory: a file being saved, or standard output.
/// A sink is used by one fetch's worker thread only.
public protocol ResponseSink: AnyObject, Sendable {
    func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError)
    /// Everything that can be slow before the result becomes visible (flushing to disk).
    func prepare() throws(FetchError)
    /// Makes the result visible; quick, so a cancel that races it is decided cleanly.
    func publish() throws(FetchError)
    /// Drops whatever was written; leaves nothing behind.
    func abort()
}

/// Writes every byte to a descriptor, for `--source`.
public final class FileDescriptorSink: ResponseSink, @unchecked Sendable {
    private let fd: Int32
    private let name: String

    public init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        do {
            try writeAll(fd: fd, bytes)
        } catch {
            throw .system(.save, error, name)
        }
    }

    public func prepare() throws(FetchError) {}
    public func publish() throws(FetchError) {}
    public func abort() {}
}

/// Writes all of `bytes`, across short writes and interruptions.
func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(Errno) {
    var offset = 0
    while offset < bytes.count {
        let written = try syscall { Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset) }
        offset += written
    }
}
