import GopherCore

/// A SOCKS5 proxy (RFC 1928), with a username and password where it asks for them (RFC 1929).
/// `socks5h://` sends the host name to the proxy, which resolves it (remote DNS); `socks5://`
/// resolves it here first, as curl does. An `.onion` host is always resolved by the proxy.
public struct Proxy: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: UInt16
    /// The proxy resolves host names (`socks5h`).
    public var resolvesNames: Bool
    public var username: String?
    public var password: String?

    public init(host: String, port: UInt16, resolvesNames: Bool, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.resolvesNames = resolvesNames
        self.username = username
        self.password = password
    }

    /// Tor's own proxy on this machine, as `--tor` means it.
    public static let tor = Proxy(host: "127.0.0.1", port: 9050, resolvesNames: true)

    /// `socks5://[user:password@]host[:port]` or `socks5h://…`; the port is 1080 by default.
    public init(parsing text: String) throws(ProxyURLError) {
        let halves = text.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { throw .notAProxyURL(text) }
        let scheme = halves[0]
        let rest = halves[1]
        switch scheme.lowercased() {
        case "socks5": resolvesNames = false
        case "socks5h": resolvesNames = true
        default: throw .unsupportedScheme(String(scheme))
        }
        var authority = rest.hasSuffix("/") ? rest.dropLast() : rest
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            authority = authority[authority.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            username = String(parts[0])
            password = parts.count > 1 ? String(parts[1]) : ""
            guard username!.utf8.count <= 255, password!.utf8.count <= 255 else { throw .credentialsTooLong }
        }
        var hostPart = authority
        var portValue: UInt16 = 1080
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                guard let value = UInt16(after.dropFirst()), value > 0 else { throw .badPort(String(after.dropFirst())) }
                portValue = value
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            guard let value = UInt16(digits), value > 0 else { throw .badPort(String(digits)) }
            portValue = value
        }
        guard !hostPart.isEmpty, !hostPart.contains("/") else { throw .notAProxyURL(text) }
        host = String(hostPart)
        port = portValue
    }

    /// `socks5h://127.0.0.1:9050` (never the password).
    public var description: String {
        let address = host.contains(":") ? "[\(host)]" : host
        return "\(resolvesNames ? "socks5h" : "socks5")://\(address):\(port)"
    }

    /// `127.0.0.1:9050`, the subject of the proxy's own failures.
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a proxy URL cannot be used, in words.
public enum ProxyURLError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAProxyURL(String)
    case unsupportedScheme(String)
    case badPort(String)
    case credentialsTooLong

    public var description: String {
        switch self {
        case .notAProxyURL(let text):
            // Never echo a password: what precedes an `@` is left out.
            let shown = text.split(separator: "@").last.map(String.init) ?? text
            return "\(shown) is not a proxy URL (socks5://host:port or socks5h://host:port)"
        case .unsupportedScheme(let scheme): return "\(scheme):// proxies are not supported (socks5:// or socks5h://)"
        case .badPort(let text): return "proxy port \"\(text)\" is not 1–65535"
        case .credentialsTooLong: return "a proxy username or password is 255 bytes at most"
        }
    }
}

extension GopherURL {
    /// A Tor onion service: never looked up anywhere but through the proxy.
    public var isOnion: Bool {
        // `name.onion.` (the root's dot) is the same name: it must never reach a resolver either.
        var name = host.lowercased()
        while name.hasSuffix(".") { name.removeLast() }
        return name.hasSuffix(".onion") || name == "onion"
    }
}
