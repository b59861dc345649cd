import Glibc

/// A C library error number, with the system's text for it.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The calling thread's `errno`.
    public static var current: Errno { Errno(rawValue: errno) }

    public var description: String { String(cString: strerror(rawValue)) }

    public static let interrupted = Errno(rawValue: EINTR)
    public static let wouldBlock = Errno(rawValue: EAGAIN)
    public static let inProgress = Errno(rawValue: EINPROGRESS)
    public static let fileExists = Errno(rawValue: EEXIST)
    public static let timedOut = Errno(rawValue: ETIMEDOUT)
}

/// Runs a system call, retrying while it fails with `EINTR`, and throws its `errno` otherwise.
/// `body` returns -1 on failure, as system calls do.
@discardableResult
func syscall<Result: FixedWidthInteger>(_ body: () -> Result) throws(Errno) -> Result {
    while true {
        let result = body()
        if result != -1 { return result }
        let error = Errno.current
        if error != .interrupted { throw error }
    }
}
