/// One line of a gopher menu, as shown and as followed.
public struct MenuItem: Equatable, Sendable {
    public enum Kind: UInt8, Sendable, Equatable {
        /// A line that can be followed (it gets a link number).
        case link
        /// A link whose host or port cannot be used; it is numbered and says why when chosen.
        case invalidLink
        /// `i` lines: text between links.
        case info
        /// `3` lines: an error message from the server.
        case error
        /// A line with fewer than four fields: shown as it came, first character included.
        case plain
    }

    public var kind: Kind
    public var type: ItemType
    /// The display string, decoded and sanitised: safe to print.
    public var display: String
    public var selector: [UInt8]
    public var host: String
    /// The port field as sent (it may be invalid).
    public var portText: String
    /// A link on a `gophers://` menu to the same host and port: it is followed over TLS too.
    public var isSecure = false

    /// Where the link leads, or why it cannot be followed; nil for lines that are not links.
    public var url: Result<GopherURL, GopherURLError>? {
        guard kind == .link || kind == .invalidLink else { return nil }
        if type.handling == .externalURL, ExternalURL.target(of: selector) != nil {
            // A web link carries its address in the selector; its host and port are never asked,
            // so whatever they say (empty, a placeholder, nonsense) the link can be followed.
            if !Menu.placeholderHosts.contains(host.lowercased()), let port = MenuItem.port(portText),
                let url = try? GopherURL(host: host, port: port, type: type, selector: selector)
            {
                return .success(url)
            }
            return Result { () throws(GopherURLError) in
                try GopherURL(host: "localhost", port: GopherURL.standardPort, type: type, selector: selector)
            }
        }
        guard !Menu.placeholderHosts.contains(host.lowercased()) else { return .failure(.placeholderHost(host)) }
        guard let port = MenuItem.port(portText) else { return .failure(.invalidPort(portText)) }
        return Result { () throws(GopherURLError) in
            try GopherURL(host: host, port: port, type: type, selector: selector, isSecure: isSecure)
        }
    }

    /// The port of a menu line, from its bytes: digits, surrounding spaces allowed, 1–65535.
    static func port(bytes: ArraySlice<UInt8>) -> UInt16? {
        // The same whitespace `trimmingASCIIWhitespace` removes, so both forms agree.
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        var digits = bytes
        while let first = digits.first, isSpace(first) { digits = digits.dropFirst() }
        while let last = digits.last, isSpace(last) { digits = digits.dropLast() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
            if value > 65535 { return nil }
        }
        return (1...65535).contains(value) ? UInt16(value) : nil
    }

    /// The port of a menu line: digits, surrounding spaces allowed, 1–65535.
    static func port(_ text: some StringProtocol) -> UInt16? {
        let digits = text.trimmingASCIIWhitespace()
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
            let value = UInt16(digits), value > 0
        else { return nil }
        return value
    }
}
