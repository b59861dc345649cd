import Glibc
import GopherCore
import SystemPackage

/// SOCKS5 (RFC 1928) on the fetch's own socket, after it connected to the proxy: the greeting,
/// a username and password where the proxy asks for them (RFC 1929), and CONNECT to the gopher
/// server, by name (remote DNS) or by the address resolved here. Every failure of the proxy
/// itself is the `proxy` stage, with the reply code in words; the waits are the fetch's own,
/// with its timeouts and cancelling.
extension FetchSession {
    /// Where CONNECT asks to go: a name for the proxy to resolve, or an address.
    enum SocksTarget {
        case name(String)
        case address(SocketAddress)
    }

    func negotiate(with proxy: Proxy, to target: SocksTarget, port: UInt16) throws(Stop) {
        let subject = "via \(proxy.endpoint)"
        deliver(.progress(.negotiatingProxy(proxy.endpoint)))
        let login = proxy.username.map { ($0, proxy.password ?? "") }
        try sendAll(login == nil ? [5, 1, 0] : [5, 2, 0, 2], stage: .proxy, subject: subject)
        let choice = try receive(2, subject: subject)
        guard choice[0] == 5 else { throw Self.proxyFailure("it does not speak SOCKS5", subject) }
        switch choice[1] {
        case 0:
            break
        case 2 where login != nil:
            let (user, password) = login!
            try sendAll([1, UInt8(user.utf8.count)] + Array(user.utf8) + [UInt8(password.utf8.count)] + Array(password.utf8),
                        stage: .proxy, subject: subject)
            let answer = try receive(2, subject: subject)
            guard answer[1] == 0 else { throw Self.proxyFailure("username or password refused", subject) }
        case 2, 0xFF:
            // 2 here means no login was given (it was handled above); 0xFF after offering one
            // means the offer was not taken.
            guard login == nil else { throw Self.proxyFailure("no login method acceptable", subject) }
            throw Self.proxyFailure("it asks for a username and password (give them in the proxy URL)", subject)
        default:
            throw Self.proxyFailure("no login method acceptable", subject)
        }
        var request: [UInt8] = [5, 1, 0]
        switch target {
        case .name(let host):
            let name = Array(host.utf8)
            guard name.count <= 255 else { throw Self.proxyFailure("host name too long for SOCKS5", subject) }
            request += [3, UInt8(name.count)] + name
        case .address(let address):
            let (type, bytes) = address.socksAddress
            request += [type] + bytes
        }
        request += [UInt8(port >> 8), UInt8(port & 0xFF)]
        try sendAll(request, stage: .proxy, subject: subject)
        let reply = try receive(4, subject: subject)
        guard reply[0] == 5 else { throw Self.proxyFailure("it does not speak SOCKS5", subject) }
        guard reply[1] == 0 else { throw Self.proxyFailure(Self.words(forReply: reply[1]), subject) }
        // The address the proxy bound: read and dropped, so the response starts clean.
        switch reply[3] {
        case 1: _ = try receive(4 + 2, subject: subject)
        case 4: _ = try receive(16 + 2, subject: subject)
        case 3: _ = try receive(Int(try receive(1, subject: subject)[0]) + 2, subject: subject)
        default: throw Self.proxyFailure("a reply it cannot read", subject)
        }
    }

    /// RFC 1928's reply codes, in words.
    static func words(forReply code: UInt8) -> String {
        switch code {
        case 1: return "general SOCKS server failure"
        case 2: return "connection not allowed by its rules"
        case 3: return "network unreachable"
        case 4: return "host unreachable"
        case 5: return "connection refused"
        case 6: return "TTL expired"
        case 7: return "command not supported"
        case 8: return "address type not supported"
        default: return "reply code \(code)"
        }
    }

    static func proxyFailure(_ reason: String, _ subject: String) -> Stop {
        .failed(FetchError(stage: .proxy, code: .proxyFailed, detail: reason, subject: subject))
    }

    /// Exactly `count` bytes from the proxy, waiting as long as the idle timeout allows.
    private func receive(_ count: Int, subject: String) throws(Stop) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: count)
        while bytes.count < count {
            let wanted = count - bytes.count
            let raw = socket?.rawValue ?? -1
            let got = buffer.withUnsafeMutableBytes { Glibc.recv(raw, $0.baseAddress, wanted, 0) }
            if got > 0 {
                bytes += buffer[..<got]
                continue
            }
            if got == 0 { throw Self.proxyFailure("it closed the connection", subject) }
            let error = Errno.last
            if error == .interrupted { continue }
            guard error == .wouldBlock else { throw .failed(.system(.proxy, error, subject)) }
            try wait(for: Int16(POLLIN), timeout: options.idleTimeout, stage: .proxy, subject: subject)
        }
        return bytes
    }
}
