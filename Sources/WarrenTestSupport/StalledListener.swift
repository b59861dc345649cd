import Glibc

/// A listener on 127.0.0.1 that never accepts, with its backlog already full: a connection
/// attempt to it gets no answer, so the client's connect can only time out.
// @unchecked Sendable: the descriptors are set in `init`, never changed, and closed in `deinit`,
// when no one else can hold the listener.
public final class StalledListener: @unchecked Sendable {
    public let port: UInt16
    private let listener: Int32
    private var fillers: [Int32] = []

    public init() throws {
        (listener, port) = try Loopback.listen(backlog: 0)
        // Fill the accept queue; the kernel then drops further SYNs.
        for _ in 0..<8 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            address.sin_port = port.bigEndian
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(fd)
        }
        usleep(100_000)  // let the handshakes that can complete do so
    }

    deinit {
        for fd in fillers { close(fd) }
        close(listener)
    }
}
