import SystemPackage

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
public final class FileDescriptorSink: ResponseSink {
    private let descriptor: FileDescriptor
    private let name: String

    public init(descriptor: FileDescriptor, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(FetchError) {
        do {
            try descriptor.writeAll(bytes)
        } catch {
            throw .system(.save, error as? Errno ?? .ioError, name)
        }
    }

    public func prepare() throws(FetchError) {}
    public func publish() throws(FetchError) {}
    public func abort() {}
}
