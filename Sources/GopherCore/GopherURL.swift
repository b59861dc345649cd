/// A gopher resource: where it is (host, port), what it is (item type) and how to ask for it
/// (selector, and for type 7 the search words). RFC 4266 `gopher://` URLs parse to and format
/// from this.
public struct GopherURL: Hashable, Sendable {
    /// The port RFC 1436 assigns to gopher; a URL that names it formats without a port.
    public static let standardPort: UInt16 = 70
    /// RFC 1436 keeps selectors to 255 bytes; longer ones are refused before anything is sent.
    public static let maximumSelectorLength = 255

    /// A host name, an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    public var port: UInt16
    public var type: ItemType
    /// The selector exactly as it is sent (already percent-decoded).
    public var selector: [UInt8]
    /// Search words for a type-7 item, sent after a TAB.
    public var search: [UInt8]?
    /// `gophers://`: the request and response go over TLS, and never in clear.
    public var isSecure = false

    /// Makes a URL after checking what would go on the wire; see `GopherURLError`.
    public init(
        host: String, port: UInt16 = GopherURL.standardPort, type: ItemType = .menu,
        selector: [UInt8] = [], search: [UInt8]? = nil, isSecure: Bool = false
    ) throws(GopherURLError) {
        try Self.validate(host: host)
        // The type is not sent, but it is written into bookmarks and history as a menu line.
        guard Self.isStorable(type: type) else { throw .forbiddenType(type.byte) }
        try Self.validate(selector: selector)
        if let search { try Self.validate(search: search) }
        guard port != 0 else { throw .invalidPort("0") }
        self.host = host
        self.port = port
        self.type = type
        self.selector = selector
        self.search = search
        self.isSecure = isSecure
    }

    /// The line sent to the server, without its CRLF: the selector, then TAB and the search
    /// words for a search.
    public var requestLine: [UInt8] {
        guard let search else { return selector }
        return selector + [0x09] + search
    }

    /// `host:port`, with an IPv6 address in brackets: how messages name the server.
    public var endpoint: String { "\(Self.bracketed(host)):\(port)" }

    static func bracketed(_ host: String) -> String {
        host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
    }
}

/// Why a URL, or a request made from a menu line, was refused.
public enum GopherURLError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case unsupportedScheme(String)
    case invalidHost(String)
    /// A menu link naming a host that menus use as a placeholder (`null.host`, `fake`…).
    case placeholderHost(String)
    case invalidPort(String)
    case invalidPercentEncoding(String)
    /// A byte that would end or corrupt the request line: CR, LF, NUL, TAB.
    case forbiddenByteInSelector(UInt8)
    case selectorTooLong(Int)
    /// An item type that would break a menu line (NUL, TAB, CR, LF).
    case forbiddenType(UInt8)

    public var description: String {
        switch self {
        case .empty: return "empty URL"
        case .unsupportedScheme(let scheme): return "not a gopher URL (scheme \(scheme))"
        case .invalidHost(let host): return "invalid host \(Sanitizer.quoted(host))"
        case .placeholderHost(let host): return "link leads nowhere (placeholder host \(Sanitizer.quoted(host)))"
        case .invalidPort(let port): return "invalid port \(Sanitizer.quoted(port))"
        case .invalidPercentEncoding(let text):
            return "invalid percent-encoding in \(Sanitizer.quoted(text))"
        case .forbiddenByteInSelector(let byte):
            let name = [0x00: "NUL", 0x09: "TAB", 0x0A: "LF", 0x0D: "CR"][byte] ?? "control byte"
            return "selector contains \(name), which cannot be sent"
        case .forbiddenType(let byte):
            return "item type \("0x" + String(byte, radix: 16, uppercase: true)) is a control character"
        case .selectorTooLong(let length):
            return "selector is \(length) bytes, longer than the \(GopherURL.maximumSelectorLength) gopher allows"
        }
    }
}

extension GopherURL {
    static func validate(host: String) throws(GopherURLError) {
        guard !host.isEmpty, host.utf8.count <= 253 else { throw .invalidHost(host) }
        for byte in host.utf8 where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "@")  // a URL would read it as userinfo and refuse it
        {
            throw .invalidHost(host)
        }
    }

    /// Types that a menu line can hold: anything but NUL, TAB, CR and LF.
    static func isStorable(type: ItemType) -> Bool {
        ![0x00, 0x09, 0x0A, 0x0D].contains(type.byte)
    }

    static func validate(selector: [UInt8]) throws(GopherURLError) {
        if let bad = selector.first(where: { $0 == 0x00 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .forbiddenByteInSelector(bad)
        }
        guard selector.count <= maximumSelectorLength else {
            throw .selectorTooLong(selector.count)
        }
    }

    static func validate(search: [UInt8]) throws(GopherURLError) {
        // A TAB would start a Gopher+ field, and the formatted URL would not parse back the same.
        if let bad = search.first(where: { $0 == 0x00 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .forbiddenByteInSelector(bad)
        }
    }
}
