import Glibc
import SystemPackage

extension Errno {
    /// The calling thread's `errno`, for the few calls swift-system does not wrap (`mkstemp`,
    /// `link`, sockets). swift-system keeps its own `current` internal.
    public static var last: Errno { Errno(rawValue: Glibc.errno) }
}

/// Runs a C call that returns -1 on failure, retrying while it fails with `EINTR`, and throws
/// its `errno` otherwise: for the calls swift-system does not wrap.
@discardableResult
public func retryingOnInterrupt<Result: FixedWidthInteger>(_ body: () -> Result) throws(Errno) -> Result {
    while true {
        let result = body()
        if result != -1 { return result }
        let error = Errno.last
        if error != .interrupted { throw error }
    }
}
