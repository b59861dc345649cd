import AtomicFiles
import Glibc
import SystemPackage

/// Turns a host and port into addresses to try. The seam lets tests fail a lookup without
/// sending a DNS query anywhere.
public protocol Resolver: Sendable {
    func resolve(host: String, port: UInt16) -> Result<[SocketAddress], ResolveFailure>
}

/// Why a lookup failed: the `getaddrinfo` code and its text.
public struct ResolveFailure: Error, Sendable, Equatable {
    public var code: Int32
    public var message: String
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }
}

/// `getaddrinfo`, IPv4 and IPv6, addresses in the order the system prefers.
public struct SystemResolver: Resolver {
    public init() {}

    public func resolve(host: String, port: UInt16) -> Result<[SocketAddress], ResolveFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            let message = status == EAI_SYSTEM ? Errno.last.description : String(cString: gai_strerror(status))
            return .failure(ResolveFailure(code: status, message: message))
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var node = list
        while let current = node {
            addresses.append(SocketAddress(current.pointee))
            node = current.pointee.ai_next
        }
        return addresses.isEmpty
            ? .failure(ResolveFailure(code: EAI_NONAME, message: String(cString: gai_strerror(EAI_NONAME))))
            : .success(addresses)
    }
}

/// The gopher port from the services database (`getservbyname("gopher", "tcp")`), else 70.
public func servicesDatabaseGopherPort() -> UInt16 {
    guard let entry = getservbyname("gopher", "tcp") else { return 70 }
    return UInt16(bigEndian: UInt16(truncatingIfNeeded: entry.pointee.s_port))
}
